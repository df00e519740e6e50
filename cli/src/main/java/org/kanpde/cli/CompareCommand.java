package org.kanpde.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.kanpde.solver.solution.ErrorMetrics;
import org.kanpde.solver.problem.Problem;
import org.kanpde.solver.train.Recipes;
import org.kanpde.solver.train.TrainingResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import org.kanpde.cli.console.Interrupts;

/**
 * {@code kanpde compare}: the default KAN and the default MLP on the same problem, side by side,
 * each with its default number of collocation points unless {@code --points} is given.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train the default KAN and the default MLP on the same problem and compare them.",
            "KAN [d,2d+1,1], k=5, grids 5,10,20,50, 6000 points; MLP [d,20,20,1] tanh,",
            "3000 points; both with Levenberg-Marquardt. --points, --boundary-points and",
            "--sampling, if given, apply to both."})
final class CompareCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private TrainingOptions training = new TrainingOptions();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Problem problem = ProblemSource.resolve(training.problem);
        ModelOptions kanOptions = new ModelOptions();
        kanOptions.model = "kan";
        ModelOptions mlpOptions = new ModelOptions();
        mlpOptions.model = "mlp";
        RunPlan kanPlan = RunPlan.of(training, kanOptions, problem, training.problem, Recipes.COMPARE_TIME_LIMIT);
        RunPlan mlpPlan = RunPlan.of(training, mlpOptions, problem, training.problem, Recipes.COMPARE_TIME_LIMIT);
        Outputs.prepare(training.out, null, null);
        out.printf(Locale.ROOT, "%s: %s%n", problem.name(), problem.description());
        out.flush();
        TrainingResult kan;
        TrainingResult mlp = null;
        boolean interrupted;
        try (Interrupts interrupts = Interrupts.untilTrainingStarts()) {
            out.printf(Locale.ROOT, "[1/2] %s, %d parameters%n", kanPlan.model.describe(), kanPlan.model.parameterCount());
            kan = kanPlan.solver.solve(problem, kanPlan.model,
                    new ConsoleProgress(out, "  ", training.quiet, interrupts, kanPlan.training.stages().size()));
            if (!interrupts.requested()) {
                out.printf(Locale.ROOT, "[2/2] %s, %d parameters%n", mlpPlan.model.describe(), mlpPlan.model.parameterCount());
                mlp = mlpPlan.solver.solve(problem, mlpPlan.model,
                        new ConsoleProgress(out, "  ", training.quiet, interrupts, mlpPlan.training.stages().size()));
            }
            interrupted = interrupts.requested();
            if (mlp != null && !interrupted) {
                table(out, kanPlan, kan, mlpPlan, mlp);
                if (training.out != null) {
                    List<Path> files = Outputs.writeCompare(training.out, kanPlan, kan, mlpPlan, mlp);
                    out.println("wrote " + files.size() + " files to " + training.out);
                }
            } else {
                // interrupted: keep what was trained, numbers only (the graphics stack cannot start now)
                TrainingResult last = mlp != null ? mlp : kan;
                RunPlan lastPlan = mlp != null ? mlpPlan : kanPlan;
                SolveCommand.summary(out, lastPlan, last);
                if (training.out != null) {
                    if (mlp != null) {
                        Outputs.writeCompareNumbers(training.out, kanPlan, kan, mlpPlan, mlp);
                    } else {
                        Outputs.writeSolve(training.out, kanPlan, kan, true);
                    }
                    out.println("wrote result.json to " + training.out + " (figures skipped: interrupted)");
                }
            }
        }
        out.flush();
        return interrupted ? 130 : 0;
    }

    static void table(PrintWriter out, RunPlan kanPlan, TrainingResult kan, RunPlan mlpPlan, TrainingResult mlp) {
        String[] labels = {kan.solution().function().describe(), mlp.solution().function().describe()};
        TrainingResult[] results = {kan, mlp};
        int w = Math.max(labels[0].length(), labels[1].length());
        out.printf(Locale.ROOT, "%n%-" + w + "s  %10s  %10s  %9s  %11s  %11s  %11s%n", "model", "parameters", "iterations",
                "wall [s]", "rel. L2", "max error", "rel. H1");
        for (int i = 0; i < 2; i++) {
            ErrorMetrics m = results[i].metrics();
            out.printf(Locale.ROOT, "%-" + w + "s  %10d  %10d  %9.1f  %11s  %11s  %11s%n", labels[i],
                    results[i].solution().parameterCount(), results[i].iterations(), results[i].wallSeconds(),
                    format(m == null ? Double.NaN : m.relL2()), format(m == null ? Double.NaN : m.maxAbs()),
                    format(m == null ? Double.NaN : m.h1Rel()));
        }
        if (kan.metrics() != null && mlp.metrics() != null && kan.metrics().relL2() > 0) {
            double ratio = mlp.metrics().relL2() / kan.metrics().relL2();
            out.printf(Locale.ROOT, "relative L2: the %s error is %.3g times the %s error%n",
                    ratio >= 1 ? "MLP" : "KAN", ratio >= 1 ? ratio : 1 / ratio, ratio >= 1 ? "KAN" : "MLP");
        }
    }

    private static String format(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3e", v);
    }
}
