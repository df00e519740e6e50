package org.kanpde.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.kanpde.net.TrialFunction;
import org.kanpde.net.basis.BasisType;
import org.kanpde.solver.PdeSolver;
import org.kanpde.solver.geometry.SamplingScheme;
import org.kanpde.solver.optim.Adam;
import org.kanpde.solver.optim.Optimizer;
import org.kanpde.solver.problem.Problem;
import org.kanpde.solver.train.Execution;
import org.kanpde.solver.train.Stage;
import org.kanpde.solver.train.Training;
import org.kanpde.cli.console.BadInputException;

/**
 * A command's run: the options parsed into a {@link PdeSolver} and resolved for the problem into
 * the initial trial function and the {@link Training} it runs. Nothing here decides a setting;
 * each option only goes into the solver's builder, under its own name when it is bad.
 */
final class RunPlan {
    final Problem problem;
    final String problemLabel;
    final PdeSolver solver;
    final TrialFunction model;
    final Training training;

    private RunPlan(Problem problem, String problemLabel, PdeSolver solver, TrialFunction model, Training training) {
        this.problem = problem;
        this.problemLabel = problemLabel;
        this.solver = solver;
        this.model = model;
        this.training = training;
    }

    static RunPlan of(TrainingOptions t, ModelOptions m, Problem problem, String problemLabel, double defaultTimeLimit) {
        return of(t, m, problem, problemLabel, defaultTimeLimit, null, 0);
    }

    static RunPlan of(TrainingOptions t, ModelOptions m, Problem problem, String problemLabel, double defaultTimeLimit,
                      Path checkpoint, int checkpointEvery) {
        String type = m.model == null ? "kan" : m.model.trim().toLowerCase(Locale.ROOT);
        if (!type.equals("kan") && !type.equals("mlp")) {
            throw new BadInputException("--model must be kan or mlp, got '" + m.model + "'");
        }
        PdeSolver.Builder b = type.equals("kan") ? PdeSolver.kan() : PdeSolver.mlp();
        int[] width = IntList.option("--width", m.width);
        int[] grid = IntList.option("--grid", m.grid);
        int[] degree = IntList.option("--k", m.degree);
        int[] iterations = IntList.option("--iterations", m.iterations);
        int[] caps = IntList.option("--layer-grid-max", m.layerGridMax);
        option("--width", m.width, () -> b.widths(width));
        option("--grid", m.grid, () -> b.grids(grid));
        option("--k", m.degree, () -> b.degree(degree));
        option("--basis", m.basis, () -> b.basis(bases(m.basis)));
        option("--layer-grid-max", m.layerGridMax, () -> b.layerGridMax(caps));
        option("--iterations", m.iterations, () -> b.iterations(iterations));
        Optimizer[] listed = optimizers(m.optimizer);
        option("--optimizer", m.optimizer, () -> b.optimizer(listed));
        option("--points", t.points, () -> b.points(t.points));
        option("--boundary-points", t.boundaryPoints, () -> b.boundaryPoints(t.boundaryPoints));
        option("--sampling", t.sampling, () -> b.sampling(SamplingScheme.parse(t.sampling)));
        option("--resample", t.resample ? "" : null, () -> b.resampling(true));
        option("--boundary-weight", t.boundaryWeight, () -> b.boundaryWeight(t.boundaryWeight));
        option("--seed", t.seed, () -> b.seed(t.seed));
        option("--hard-bc", t.hardBc ? "" : null, () -> b.hardDirichlet(true));
        double limit = t.timeLimit != null ? t.timeLimit : defaultTimeLimit;
        option("--time-limit", limit, () -> b.timeLimit(limit));
        option("--threads", t.threads, () -> b.threads(t.threads));
        option("--checkpoint", checkpoint, () -> b.checkpoint(checkpoint, checkpointEvery));
        TrialFunction model = b.build().initialModel(problem);
        if (m.learningRate != null) {
            // Adam's rate goes into each Adam stage of the schedule, the recipe's or the listed one
            Optimizer[] perStage = b.build().training(problem, model).stages().stream().map(Stage::optimizer)
                    .toArray(Optimizer[]::new);
            option("--learning-rate", m.learningRate, () -> {
                for (int s = 0; s < perStage.length; s++) {
                    if (perStage[s] instanceof Adam adam) {
                        perStage[s] = adam.withLearningRate(m.learningRate);
                    }
                }
                b.optimizer(perStage);
            });
        }
        PdeSolver solver = b.build();
        return new RunPlan(problem, problemLabel, solver, model, solver.training(problem, model));
    }

    /** Runs one builder call for an option that was given, naming the option in a refusal. */
    private static void option(String name, Object value, Runnable set) {
        if (value == null) {
            return;
        }
        try {
            set.run();
        } catch (IllegalArgumentException e) {
            throw new BadInputException(name + (value instanceof String s && !s.isEmpty() ? " '" + s + "'" : "") + ": "
                    + e.getMessage());
        }
    }

    /** Parses {@code --basis}: one basis or a comma-separated list; null stays null. */
    static BasisType[] bases(String spec) {
        if (spec == null) {
            return null;
        }
        return Arrays.stream(spec.split(",", -1)).map(BasisType::parse).toArray(BasisType[]::new);
    }

    /** Parses {@code lm}, or a comma-separated list such as {@code adam,lbfgs}; null (the recipe's choice) stays null. */
    static Optimizer[] optimizers(String spec) {
        if (spec == null) {
            return null;
        }
        try {
            return Arrays.stream(spec.split(",", -1)).map(Optimizer::parse).toArray(Optimizer[]::new);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--optimizer '" + spec + "': " + e.getMessage());
        }
    }

    /** How the run executes. */
    Execution execution() {
        return solver.execution();
    }

    /** "kan" or "mlp". */
    String type() {
        return solver.isKan() ? "kan" : "mlp";
    }

    /** The optimizers as written on the command line, e.g. {@code lm} or {@code adam,lbfgs}. */
    String optimizerLabel() {
        Set<String> names = new LinkedHashSet<>();
        StringBuilder all = new StringBuilder();
        for (Stage s : training.stages()) {
            names.add(s.optimizer().name());
            all.append(all.length() == 0 ? "" : ",").append(s.optimizer().name());
        }
        return names.size() == 1 ? names.iterator().next() : all.toString();
    }

    static String join(int[] values) {
        return Arrays.toString(values).replace(" ", "");
    }
}
