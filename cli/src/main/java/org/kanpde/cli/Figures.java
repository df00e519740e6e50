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
import org.kanpde.plots.FigureFiles;
import org.kanpde.plots.HtmlReport;
import org.kanpde.plots.LabelledRun;
import org.kanpde.plots.RunSummary;
import org.kanpde.solver.problem.Problem;
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
