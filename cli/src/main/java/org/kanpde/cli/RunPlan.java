package org.kanpde.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.kanpde.net.TrialFunction;
import org.kanpde.net.basis.BasisType;
import org.kanpde.net.mlp.Mlp;
import org.kanpde.solver.geometry.SamplingScheme;
import org.kanpde.solver.PdeSolver;
import org.kanpde.solver.problem.Problem;
import org.kanpde.solver.train.Optimizer;
import org.kanpde.solver.train.Recipes;
import org.kanpde.solver.train.Stage;
import org.kanpde.solver.train.TrainingSettings;

/** A fully resolved training run: problem, initial model, settings, and how to describe them. */
final class RunPlan {
    final Problem problem;
    final String problemLabel;
    final String type;
    final TrialFunction model;
    final int[] widths;
    final int[] grids;
    final int[] order;
    final Optimizer[] optimizers;
    final TrainingSettings settings;

    private RunPlan(Problem problem, String problemLabel, String type, TrialFunction model, int[] widths, int[] grids,
                    int[] order, Optimizer[] optimizers, TrainingSettings settings) {
        this.problem = problem;
        this.problemLabel = problemLabel;
        this.type = type;
        this.model = model;
        this.widths = widths;
        this.grids = grids;
        this.order = order;
        this.optimizers = optimizers;
        this.settings = settings;
    }

    static RunPlan of(TrainingOptions t, ModelOptions m, Problem problem, String problemLabel, double defaultTimeLimit) {
        return of(t, m, problem, problemLabel, defaultTimeLimit, null, 0);
    }

    static RunPlan of(TrainingOptions t, ModelOptions m, Problem problem, String problemLabel, double defaultTimeLimit,
                      java.nio.file.Path checkpoint, int checkpointEvery) {
        t.validate();
        String type = m.model == null ? "kan" : m.model.trim().toLowerCase(Locale.ROOT);
        if (!type.equals("kan") && !type.equals("mlp")) {
            throw new BadInputException("--model must be kan or mlp, got '" + m.model + "'");
        }
        boolean kan = type.equals("kan");
        int[] width = IntList.option("--width", m.width);
        int[] grid = IntList.option("--grid", m.grid);
        int[] orderOption = IntList.option("--k", m.order);
        int[] iterationOption = IntList.option("--iterations", m.iterations);
        int[] caps = IntList.option("--layer-grid-max", m.layerGridMax);
        BasisType[] basis = bases(m.basis);
        int d = problem.dimension();
        int[] widths = width != null ? width : kan ? Recipes.kanWidths(d) : Recipes.mlpWidths(d);
        if (widths.length < 2 || widths[0] != d || widths[widths.length - 1] != 1) {
            throw new BadInputException("--width " + join(widths) + " does not fit problem '" + problem.name() + "': it is "
                    + d + "-D, so widths must start with " + d + " and end with 1 (e.g. " + join(Recipes.kanWidths(d)) + ")");
        }
        if (!kan && (grid != null || orderOption != null || basis != null || caps != null)) {
            throw new BadInputException("--grid, --k, --basis and --layer-grid-max apply to KANs only (got --model mlp)");
        }
        int layerCount = widths.length - 1;
        if (caps != null && caps.length != layerCount) {
            throw new BadInputException("--layer-grid-max " + join(caps) + " needs one cap per layer (" + layerCount + ")");
        }
        if (basis != null && basis.length != 1 && basis.length != layerCount) {
            throw new BadInputException("--basis " + m.basis + " needs one basis or one per layer (" + layerCount + ")");
        }
        Optimizer[] listed = optimizers(m.optimizer);
        int[] grids = kan ? (grid != null ? grid : Recipes.kanGrids(d)) : null;
        int[] order = kan ? (orderOption != null ? orderOption : new int[] {Recipes.KAN_ORDER}) : null;
        int layers = widths.length - 1;
        if (order != null && order.length != 1 && order.length != layers) {
            throw new BadInputException("--k " + join(order) + " needs one value or one per layer (" + layers + ")");
        }
        int stages = grids == null ? (listed == null ? Recipes.optimizers(false, (int) Math.min(Integer.MAX_VALUE, Mlp.parameterCount(widths))).length : listed.length)
                : grids.length;
        if (listed != null && listed.length != 1 && listed.length != stages) {
            throw new BadInputException("--optimizer " + m.optimizer + " needs one optimizer or one per grid stage (" + stages + ")");
        }
        if (iterationOption != null && iterationOption.length != 1 && iterationOption.length != stages) {
            throw new BadInputException("--iterations " + join(iterationOption) + " needs one value or one per stage ("
                    + stages + ")");
        }
        if (!(m.learningRate > 0) || !Double.isFinite(m.learningRate)) {
            throw new BadInputException("--learning-rate must be finite and > 0, got " + m.learningRate);
        }
        if (t.hardBc && !problem.isPureDirichlet()) {
            throw new BadInputException("--hard-bc needs Dirichlet conditions on every boundary part; problem '"
                    + problem.name() + "' has others");
        }
        PdeSolver.Builder b = (kan ? PdeSolver.kan().grids(grids).order(order) : PdeSolver.mlp())
                .widths(widths).learningRate(m.learningRate)
                .sampling(sampling(t.sampling)).hardDirichlet(t.hardBc).seed(t.seed)
                .timeLimit(t.timeLimit != null ? t.timeLimit : defaultTimeLimit);
        if (listed != null) {
            b.optimizer(listed);
        }
        if (t.boundaryWeight != null) {
            b.boundaryWeight(t.boundaryWeight);
        }
        if (iterationOption != null) {
            b.iterations(iterationOption);
        }
        if (basis != null) {
            b.basis(basis);
        }
        if (caps != null) {
            b.layerGridMax(caps);
        }
        if (t.points != null) {
            b.points(t.points);
        }
        if (t.boundaryPoints != null) {
            b.boundaryPoints(t.boundaryPoints);
        }
        if (t.threads != null) {
            b.threads(t.threads);
        }
        if (checkpoint != null) {
            b.checkpoint(checkpoint, checkpointEvery);
        }
        PdeSolver solver = b.build();
        TrainingSettings settings = solver.settings(problem);
        Optimizer[] perStage = settings.stages().stream().map(Stage::optimizer).toArray(Optimizer[]::new);
        TrialFunction model = solver.initialModel(problem);
        return new RunPlan(problem, problemLabel, type, model, widths, grids, order, perStage, settings);
    }

    /** Parses {@code --basis}: one basis or a comma-separated list; null stays null. */
    static BasisType[] bases(String spec) {
        if (spec == null) {
            return null;
        }
        String[] parts = spec.split(",", -1);
        BasisType[] out = new BasisType[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = BasisType.parse(parts[i]);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--basis '" + spec + "': " + e.getMessage());
            }
        }
        return out;
    }

    /** Parses {@code lm}, or a comma-separated list such as {@code adam,lbfgs}; null (the recipe's choice) stays null. */
    static Optimizer[] optimizers(String spec) {
        if (spec == null) {
            return null;
        }
        String[] parts = spec.split(",", -1);
        Optimizer[] out = new Optimizer[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Optimizer.parse(parts[i]);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--optimizer '" + spec + "': " + e.getMessage());
            }
        }
        return out;
    }

    /** The optimizers as written on the command line, e.g. {@code lm} or {@code adam,lbfgs}. */
    String optimizerLabel() {
        java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>();
        for (Optimizer o : optimizers) {
            ids.add(o.id());
        }
        if (ids.size() == 1) {
            return ids.iterator().next();
        }
        StringBuilder sb = new StringBuilder();
        for (Optimizer o : optimizers) {
            sb.append(sb.length() == 0 ? "" : ",").append(o.id());
        }
        return sb.toString();
    }

    static SamplingScheme sampling(String name) {
        switch (name == null ? "" : name.trim().toLowerCase(Locale.ROOT)) {
            case "random":
                return SamplingScheme.RANDOM;
            case "sobol":
                return SamplingScheme.SOBOL;
            case "grid":
            case "uniform":
                return SamplingScheme.UNIFORM_GRID;
            case "gauss":
            case "gauss-legendre":
                return SamplingScheme.GAUSS_LEGENDRE;
            case "chebyshev":
                return SamplingScheme.CHEBYSHEV;
            default:
                throw new BadInputException("--sampling must be random, sobol, grid, gauss or chebyshev, got '" + name + "'");
        }
    }

    /** A short label like {@code KAN [2,5,1] k=5}. */
    String label() {
        return type.toUpperCase(Locale.ROOT) + " " + join(widths).replace(" ", "");
    }

    static String join(int[] values) {
        return Arrays.toString(values).replace(" ", "");
    }

}
