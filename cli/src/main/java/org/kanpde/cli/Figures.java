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
import org.kanpde.solver.train.TrainingSettings;

/**
 * Figures and the HTML report through the plots module. Each run enters the report with its own
 * settings, because the runs of a comparison differ in them: the default MLP trains on half the
 * KAN's collocation points and on another schedule. The report derives the problem's equation and
 * formulas from the problem itself.
 */
final class Figures {
    private Figures() {
    }

    /** One run and the plan it was trained with. */
    private record PlannedRun(RunPlan plan, LabelledRun run) {
        PlannedRun(RunPlan plan, TrainingResult result) {
            this(plan, new LabelledRun(result.solution().function().describe(), result));
        }
    }

    static List<Path> forSolve(Path dir, RunPlan plan, TrainingResult result) throws IOException {
        return write(dir, List.of(new PlannedRun(plan, result)));
    }

    static List<Path> forCompare(Path dir, RunPlan kanPlan, TrainingResult kan, RunPlan mlpPlan, TrainingResult mlp)
            throws IOException {
        return write(dir, List.of(new PlannedRun(kanPlan, kan), new PlannedRun(mlpPlan, mlp)));
    }

    private static List<Path> write(Path dir, List<PlannedRun> planned) throws IOException {
        Problem problem = planned.get(0).plan().problem;
        List<LabelledRun> runs = planned.stream().map(PlannedRun::run).toList();
        int threads = planned.get(0).plan().settings.threads();
        List<FigureFiles> figures = new ComparisonFigures().withThreads(threads).write(problem, runs, dir);
        HtmlReport.Builder report = HtmlReport.builder((runs.size() > 1 ? "KAN vs MLP: " : "") + problem.name())
                .problem(problem).figures(figures);
        List<RunSummary> summaries = new ArrayList<>();
        for (PlannedRun p : planned) {
            summaries.add(RunSummary.of(p.run(), p.plan().settings));
        }
        report.runs(summaries);
        report.note(String.format(Locale.ROOT, "Seed %s, %s; errors by Gauss quadrature on points independent of the "
                        + "training points. Each run's collocation points, schedule and time budget are in the setup table.",
                shared(planned, s -> Long.toString(s.seed())),
                shared(planned, s -> s.threads() + (s.threads() == 1 ? " thread" : " threads"))));
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
    private static String shared(List<PlannedRun> planned, Function<TrainingSettings, String> setting) {
        Set<String> values = new LinkedHashSet<>();
        planned.forEach(p -> values.add(setting.apply(p.plan().settings)));
        if (values.size() == 1) {
            return values.iterator().next();
        }
        List<String> each = new ArrayList<>();
        planned.forEach(p -> each.add(setting.apply(p.plan().settings) + " (" + p.run().label() + ")"));
        return String.join(", ", each);
    }
}
