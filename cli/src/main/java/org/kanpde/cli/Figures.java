package org.kanpde.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.kanpde.plots.ComparisonFigures;
import org.kanpde.plots.FigureFiles;
import org.kanpde.plots.HtmlReport;
import org.kanpde.plots.LabelledRun;
import org.kanpde.plots.RunSummary;
import org.kanpde.solver.problem.Field;
import org.kanpde.solver.problem.Problem;
import org.kanpde.solver.train.TrainingResult;

/** Figures and the HTML report through the plots module. */
final class Figures {
    private Figures() {
    }

    static List<Path> forSolve(Path dir, RunPlan plan, TrainingResult result) throws IOException {
        return write(dir, plan, List.of(new LabelledRun(label(result), result)));
    }

    static List<Path> forCompare(Path dir, RunPlan kanPlan, TrainingResult kan, RunPlan mlpPlan, TrainingResult mlp)
            throws IOException {
        return write(dir, kanPlan, List.of(new LabelledRun(label(kan), kan), new LabelledRun(label(mlp), mlp)));
    }

    private static String label(TrainingResult result) {
        return result.solution().function().describe();
    }

    private static List<Path> write(Path dir, RunPlan plan, List<LabelledRun> runs) throws IOException {
        Problem problem = plan.problem;
        List<FigureFiles> figures = new ComparisonFigures().withThreads(plan.settings.threads()).write(problem, runs, dir);
        HtmlReport.Builder report = HtmlReport.builder((runs.size() > 1 ? "KAN vs MLP: " : "") + problem.name())
                .problem(problem).equation(equation(problem)).figures(figures);
        String exact = describe(problem.exactSolution());
        if (exact != null) {
            report.exactSolution(exact);
        }
        for (LabelledRun run : runs) {
            report.run(RunSummary.of(run));
        }
        report.note(String.format(Locale.ROOT, "%d interior and %d boundary collocation points (%s), seed %d, %d threads; "
                        + "errors by Gauss quadrature independent of the training points.",
                plan.settings.interiorPoints(), plan.settings.hardDirichlet() ? 0 : plan.settings.boundaryPoints(),
                plan.settings.interiorSampling().name().toLowerCase(Locale.ROOT), plan.settings.seed(), plan.settings.threads()));
        Path html = report.build().write(dir);
        List<Path> files = new ArrayList<>(ComparisonFigures.files(figures));
        files.add(html);
        return files;
    }

    /** The operator as text, leaving out default coefficients. */
    static String equation(Problem p) {
        String a = describe(p.diffusion());
        String c = describe(p.reaction());
        boolean unitA = p.diffusion().isConstant() && p.diffusion().value(new double[p.dimension()]) == 1.0;
        boolean noC = p.reaction().isConstant() && p.reaction().value(new double[p.dimension()]) == 0.0;
        StringBuilder sb = new StringBuilder(unitA ? "−Δu" : "−div(a ∇u)");
        if (!noC) {
            sb.append(" + c u");
        }
        if (p.nonlinearity() != null) {
            sb.append(" + ").append(p.nonlinearity().describe());
        }
        sb.append(" = f");
        if (!unitA && a != null) {
            sb.append(",  a = ").append(a);
        }
        if (!noC && c != null) {
            sb.append(",  c = ").append(c);
        }
        return sb.toString();
    }

    /** A field's formula, or null when it has no readable description (a Java lambda). */
    private static String describe(Field f) {
        if (f == null) {
            return null;
        }
        String s = f.toString();
        return s.contains("$$Lambda") || s.contains("@") || s.startsWith("org.kanpde") ? null : s;
    }
}
