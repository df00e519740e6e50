package org.kanpde.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import org.kanpde.plots.ComparisonFigures;
import org.kanpde.plots.ConvergenceFigure;
import org.kanpde.plots.FieldFigure;
import org.kanpde.plots.FigureFiles;
import org.kanpde.plots.HtmlReport;
import org.kanpde.plots.LabelledRun;
import org.kanpde.plots.RunSummary;
import org.kanpde.plots.SolutionFigure;
import org.kanpde.plots.TextTable;
import org.kanpde.solver.inverse.Discrepancy;
import org.kanpde.solver.inverse.Identified;
import org.kanpde.solver.inverse.InverseProblem;
import org.kanpde.solver.inverse.InverseResult;
import org.kanpde.solver.problem.Problem;
import org.kanpde.solver.solution.ErrorMetrics;
import org.kanpde.solver.train.TrainingResult;

/**
 * Figures and the HTML report through the plots module. Each run enters the report with its own
 * setup, which its result carries, because the runs of a comparison differ in it: the default MLP
 * trains on half the KAN's collocation points and on another schedule. The report derives the
 * problem's equation and formulas from the problem itself.
 */
final class Figures {
    private Figures() {
    }

    static List<Path> forSolve(Path dir, RunPlan plan, TrainingResult result) throws IOException {
        return write(dir, plan.problem, List.of(labelled(result)));
    }

    static List<Path> forCompare(Path dir, RunPlan kanPlan, TrainingResult kan, RunPlan mlpPlan, TrainingResult mlp)
            throws IOException {
        return write(dir, kanPlan.problem, List.of(labelled(kan), labelled(mlp)));
    }

    /**
     * The report of an inverse solve: the loss history, u's figure as for a forward solve, per field
     * unknown its identified and exact field with their difference (lines in 1-D, maps in 2-D and 3-D), and a table
     * of the errors of u and of each unknown (a scalar's value).
     */
    static List<Path> forInverse(Path dir, InverseProblem problem, String model, InverseResult result) throws IOException {
        Problem p = problem.problem();
        List<FigureFiles> figures = new ArrayList<>();
        if (!result.history().isEmpty()) {
            figures.addAll(ConvergenceFigure.ofHistories(List.of(model), List.of(result.history()))
                    .withTitle("Convergence on " + p.name()).write(dir, "convergence", ConvergenceFigure.WIDTH,
                            ConvergenceFigure.HEIGHT));
        }
        if (p.dimension() <= 3) {
            figures.add(SolutionFigure.create(result.solution(), model).write(dir, "solution"));
        }
        for (Identified id : result.identified()) {
            if (!id.isScalar() && p.dimension() <= 3) {
                String name = id.unknown().name();
                figures.add(FieldFigure.create(name, model, p.domain(), id, id.unknown().exact(), SolutionFigure.RESOLUTION)
                        .write(dir, "identified-" + name));
            }
        }
        HtmlReport.Builder report = HtmlReport.builder("Inverse problem: " + p.name()).problem(p).table(errors(result))
                .figures(figures);
        Discrepancy d = result.discrepancy();
        if (d != null) {
            report.table(selection(d));
        }
        report.note(String.format(Locale.ROOT, "%s; %d observations of u; %d iterations in %.1f s, loss %.3e, data RMS misfit "
                        + "%.3e. Errors by Gauss quadrature on points independent of the training points.",
                model, problem.observations().size(), result.iterations(), result.seconds(), result.loss(), result.dataRms()));
        Path html = report.build().write(dir);
        List<Path> files = new ArrayList<>(ComparisonFigures.files(figures));
        files.add(html);
        return files;
    }

    /** The models the noise selection trained, with their misfits against sigma and the one kept. */
    private static TextTable selection(Discrepancy d) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < d.candidates().size(); i++) {
            Discrepancy.Candidate c = d.candidates().get(i);
            rows.add(List.of(Integer.toString(i + 1), c.model(), Integer.toString(c.parameters()), sci(c.dataRms()),
                    String.format(Locale.ROOT, "%.3f", c.dataRms() / d.sigma()), i == d.chosen() ? "kept" : ""));
        }
        String sigma = String.format(Locale.ROOT, "%.3e, %s", d.sigma(), d.estimated()
                ? String.format(Locale.ROOT, "estimated as RSS / (N - p) from model %d, p = %.1f", d.candidates().size(),
                d.effectiveParameters()) : "given");
        return new TextTable("Model selection for the noise (discrepancy principle: the least flexible model with misfit <= "
                + d.tau() + " sigma; sigma " + sigma + ")",
                List.of("model", "networks", "parameters", "data RMS misfit", "misfit / sigma", ""), rows);
    }

    private static TextTable errors(InverseResult r) {
        List<List<String>> rows = new ArrayList<>();
        ErrorMetrics m = r.metrics();
        rows.add(List.of("u", "field", m == null ? "unknown" : sci(m.relL2()), m == null ? "unknown" : sci(m.maxAbs()), ""));
        for (Identified id : r.identified()) {
            String name = id.unknown().name();
            if (id.isScalar()) {
                rows.add(List.of(name, "scalar", id.hasErrors() ? sci(id.relL2()) : "unknown", "",
                        String.format(Locale.ROOT, "%.10g", id.scalarValue())
                                + (id.unknown().exactValue() == null ? "" : " (exact " + id.unknown().exactValue() + ")")));
            } else {
                rows.add(List.of(name, "field", id.hasErrors() ? sci(id.relL2()) : "unknown",
                        id.hasErrors() ? sci(id.maxAbsError()) : "unknown", ""));
            }
        }
        return new TextTable("Errors of u and the identified unknowns",
                List.of("quantity", "kind", "relative L2 error", "max error", "identified value"), rows);
    }

    private static String sci(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3e", v) : "unknown";
    }

    private static LabelledRun labelled(TrainingResult result) {
        return new LabelledRun(result.solution().function().describe(), result);
    }

    private static List<Path> write(Path dir, Problem problem, List<LabelledRun> runs) throws IOException {
        int threads = runs.get(0).result().execution().threads();
        List<FigureFiles> figures = new ComparisonFigures().withThreads(threads).write(problem, runs, dir);
        HtmlReport.Builder report = HtmlReport.builder((runs.size() > 1 ? "KAN vs MLP: " : "") + problem.name())
                .problem(problem).figures(figures);
        List<RunSummary> summaries = runs.stream().map(RunSummary::of).toList();
        report.runs(summaries);
        report.note(String.format(Locale.ROOT, "Seed %s, %s; errors by Gauss quadrature on points independent of the "
                        + "training points. Each run's collocation points, schedule and time budget are in the setup table.",
                shared(runs, r -> Long.toString(r.training().seed())),
                shared(runs, r -> r.execution().threads() + (r.execution().threads() == 1 ? " thread" : " threads"))));
        List<String> timed = summaries.stream().filter(RunSummary::stoppedByTimeLimit).map(RunSummary::label).toList();
        if (!timed.isEmpty()) {
            report.note((timed.size() == 1 ? timed.get(0) + " was" : String.join(" and ", timed) + " were")
                    + " stopped by the time budget before the end of the schedule: iterations and errors then depend on "
                    + "the machine's speed, and a wall time equal to the budget says nothing about speed.");
        }
        Path html = report.build().write(dir);
        List<Path> files = new ArrayList<>(ComparisonFigures.files(figures));
        files.add(html);
        return files;
    }

    /** A setting all runs share, e.g. "1", or each run's, e.g. "1 (KAN …), 2 (MLP …)", when they differ. */
    private static String shared(List<LabelledRun> runs, Function<TrainingResult, String> setting) {
        Set<String> values = new LinkedHashSet<>();
        runs.forEach(r -> values.add(setting.apply(r.result())));
        if (values.size() == 1) {
            return values.iterator().next();
        }
        List<String> each = new ArrayList<>();
        runs.forEach(r -> each.add(setting.apply(r.result()) + " (" + r.label() + ")"));
        return String.join(", ", each);
    }
}
