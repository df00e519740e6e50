package org.kanpde.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.kanpde.net.Derivatives;
import org.kanpde.net.Evaluator;
import org.kanpde.net.Jet;
import org.kanpde.net.TrialFunction;
import org.kanpde.solver.io.ModelFile;
import org.kanpde.solver.io.SavedModel;
import org.kanpde.solver.problem.Problem;
import org.kanpde.solver.residual.HardDirichletFunction;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kanpde eval}: evaluates a saved model at points from a CSV file. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Evaluate a saved model at the points of a CSV file (one point per line, d columns;",
            "a first line that is not numeric is taken as a header). Prints CSV: the coordinates, u, and optionally",
            "the gradient and the Laplacian. Values are bit-identical to the process that trained the model."})
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
            Problem problem = ProblemSource.resolve(saved.problem());
            f = new HardDirichletFunction(f, problem.boundaryCondition(0).data(), problem.domain().distance());
        }
        int d = f.inputDimension();
        double[] coordinates = readPoints(points, d);
        Derivatives level = laplacian ? Derivatives.HESSIAN_DIAGONAL : gradient ? Derivatives.GRADIENT : Derivatives.VALUE;
        Evaluator ev = f.evaluator(level);
        PrintWriter out = spec.commandLine().getOut();
        StringBuilder header = new StringBuilder();
        String[] names = {"x", "y", "z"};
        for (int k = 0; k < d; k++) {
            header.append(d <= 3 ? names[k] : "x" + k).append(',');
        }
        header.append('u');
        if (gradient) {
            for (int k = 0; k < d; k++) {
                header.append(",du/d").append(d <= 3 ? names[k] : "x" + k);
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
            line.append(jet.value());
            if (gradient) {
                for (int k = 0; k < d; k++) {
                    line.append(',').append(jet.gradient(k));
                }
            }
            if (laplacian) {
                line.append(',').append(jet.laplacian());
            }
            out.println(line);
        }
        out.flush();
        return 0;
    }

    static double[] readPoints(Path file, int d) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("points file " + file + " does not exist");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<double[]> rows = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("[,;\\s]+");
            double[] row = new double[cells.length];
            boolean numeric = true;
            for (int k = 0; k < cells.length; k++) {
                try {
                    row[k] = Double.parseDouble(cells[k]);
                } catch (NumberFormatException e) {
                    numeric = false;
                    if (!rows.isEmpty() || n > firstContentLine(lines)) {
                        throw new BadInputException("points file " + file + ", line " + (n + 1) + ": '" + cells[k]
                                + "' is not a number");
                    }
                }
            }
            if (!numeric) {
                continue;
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

    private static int firstContentLine(List<String> lines) {
        for (int n = 0; n < lines.size(); n++) {
            String l = lines.get(n).trim();
            if (!l.isEmpty() && !l.startsWith("#")) {
                return n;
            }
        }
        return 0;
    }
}
