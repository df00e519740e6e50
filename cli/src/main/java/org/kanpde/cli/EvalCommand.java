package org.kanpde.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.kanpde.net.Derivatives;
import org.kanpde.net.Evaluator;
import org.kanpde.net.Jet;
import org.kanpde.net.TrialFunction;
import org.kanpde.problems.files.ProblemFiles;
import org.kanpde.solver.inverse.OutputMap;
import org.kanpde.solver.io.ModelFile;
import org.kanpde.solver.io.SavedModel;
import org.kanpde.solver.problem.Problem;
import org.kanpde.solver.residual.HardDirichletFunction;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import org.kanpde.cli.console.BadInputException;

/** {@code kanpde eval}: evaluates a saved model at points from a CSV file. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Evaluate a saved model at the points of a CSV file (one point per line, d",
            "columns; a first line of names, such as x,y, is taken as a header). Prints CSV:",
            "the coordinates, u, and optionally the gradient and the Laplacian. Values are",
            "bit-identical to the process that trained the model. For a --hard-bc model on",
            "a polygon (or the L-shape) the derivatives at boundary points are the limits",
            "from inside; at vertices, where they do not exist, they are NaN."})
final class EvalCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "MODEL.json", description = "A model saved by 'kanpde solve --save'.")
    private Path model;

    @Option(names = "--points", required = true, paramLabel = "FILE.csv", description = "Points, one per line.")
    private Path points;

    @Option(names = "--gradient", description = "Also print grad u.")
    private boolean gradient;

    @Option(names = "--laplacian", description = "Also print the Laplacian of u.")
    private boolean laplacian;

    @Override
    public Integer call() throws IOException {
        SavedModel saved = ModelFile.read(model);
        TrialFunction f = saved.network();
        if (saved.hardDirichlet()) {
            Problem problem = problemOf(saved);
            if (problem.dimension() != f.inputDimension() || !problem.isPureDirichlet()) {
                throw new BadInputException("model " + model + " (hard Dirichlet) does not fit problem '" + problem.name()
                        + "': the network is " + f.inputDimension() + "-D and needs a " + f.inputDimension()
                        + "-D problem with Dirichlet conditions only");
            }
            f = new HardDirichletFunction(f, problem.boundaryCondition(0).data(), problem.domain().distance());
        }
        // an identified coefficient (saved by an inverse solve) is s(q) of its network q
        OutputMap map = OutputMap.IDENTITY;
        String column = "u";
        if (saved.metadata().get(InverseRun.OUTPUT) instanceof String output) {
            try {
                map = OutputMap.valueOf(output.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadInputException("model " + model + ": unknown output map '" + output + "' (identity or softplus)");
            }
            column = saved.metadata().get(InverseRun.IDENTIFIED) instanceof String name ? name : "value";
        }
        int d = f.inputDimension();
        double[] coordinates = readPoints(points, d);
        Derivatives level = laplacian ? Derivatives.HESSIAN_DIAGONAL : gradient ? Derivatives.GRADIENT : Derivatives.VALUE;
        Evaluator ev = f.evaluator(level);
        PrintWriter out = spec.commandLine().getOut();
        StringBuilder header = new StringBuilder();
        String[] names = {"x", "y", "z"};
        for (int k = 0; k < d; k++) {
            header.append(d <= 3 ? names[k] : "x" + (k + 1)).append(',');
        }
        header.append(column);
        if (gradient) {
            for (int k = 0; k < d; k++) {
                header.append(",d").append(column).append("/d").append(d <= 3 ? names[k] : "x" + (k + 1));
            }
        }
        if (laplacian) {
            header.append(",laplacian");
        }
        out.println(header);
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < coordinates.length / d; i++) {
            Jet jet = ev.forward(coordinates, i * d);
            line.setLength(0);
            for (int k = 0; k < d; k++) {
                line.append(coordinates[i * d + k]).append(',');
            }
            double q = jet.value();
            // chain rule through s: grad s(q) = s'(q) grad q, Laplace s(q) = s''(q) |grad q|^2 + s'(q) Laplace q
            double s1 = map.first(q);
            line.append(map.value(q));
            if (gradient) {
                for (int k = 0; k < d; k++) {
                    line.append(',').append(s1 * jet.gradient(k));
                }
            }
            if (laplacian) {
                double g2 = 0;
                for (int k = 0; map != OutputMap.IDENTITY && k < d; k++) {
                    g2 += jet.gradient(k) * jet.gradient(k);
                }
                line.append(',').append(map.second(q) * g2 + s1 * jet.laplacian());
            }
            out.println(line);
        }
        out.flush();
        return 0;
    }

    /**
     * The problem whose Dirichlet data and distance function turn a hard-BC network v into
     * u = g + D v: the copy of the problem file saved with the model, or (catalogue problems,
     * models saved before copies were kept) the problem id or file name it records.
     */
    private Problem problemOf(SavedModel saved) {
        Object embedded = saved.metadata().get(SolveCommand.PROBLEM_FILE);
        if (embedded instanceof Map<?, ?> file && file.get("json") instanceof String json) {
            String name = file.get("name") instanceof String n ? n : saved.problem();
            try {
                return ProblemFiles.parse(json, name);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("model " + model + ": its copy of problem file " + name + " is invalid: "
                        + e.getMessage());
            }
        }
        try {
            return ProblemSource.resolve(saved.problem());
        } catch (BadInputException | IllegalArgumentException e) {
            throw new BadInputException("model " + model + " imposes its Dirichlet data exactly and needs its problem '"
                    + saved.problem() + "' (resolved from the current directory): " + e.getMessage());
        }
    }

    static double[] readPoints(Path file, int d) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("points file " + file + " does not exist");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<double[]> rows = new ArrayList<>();
        boolean first = true;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("[,;\\s]+");
            // Only a first line of names is a header: a line with any number in it is data, so a
            // typo in the first point is reported instead of dropping that point.
            if (first && isHeader(cells)) {
                first = false;
                continue;
            }
            first = false;
            double[] row = new double[cells.length];
            for (int k = 0; k < cells.length; k++) {
                try {
                    row[k] = Double.parseDouble(cells[k]);
                } catch (NumberFormatException e) {
                    throw new BadInputException("points file " + file + ", line " + (n + 1) + ": '" + cells[k]
                            + "' is not a number");
                }
            }
            if (row.length != d) {
                throw new BadInputException("points file " + file + ", line " + (n + 1) + " has " + row.length
                        + " coordinates but the model is " + d + "-D");
            }
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    throw new BadInputException("points file " + file + ", line " + (n + 1) + ": coordinate " + v + " is not finite");
                }
            }
            rows.add(row);
        }
        double[] flat = new double[rows.size() * d];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, flat, i * d, d);
        }
        return flat;
    }

    /**
     * Whether a line is a header: every cell (without quotes) a name that starts with a letter or
     * an underscore, and none a number or a spelling of NaN or infinity.
     */
    static boolean isHeader(String[] cells) {
        for (String c : cells) {
            String bare = c.replace("\"", "").replace("'", "");
            if (bare.isEmpty() || !(Character.isLetter(bare.charAt(0)) || bare.charAt(0) == '_')) {
                return false;
            }
            String lower = bare.toLowerCase(java.util.Locale.ROOT);
            if (lower.equals("nan") || lower.equals("inf") || lower.equals("infinity")) {
                return false;
            }
            try {
                Double.parseDouble(bare);
                return false;
            } catch (NumberFormatException e) {
                // a name
            }
        }
        return true;
    }
}
