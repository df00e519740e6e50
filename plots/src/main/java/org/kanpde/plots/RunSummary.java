package org.kanpde.plots;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.kanpde.solver.solution.ErrorMetrics;
import org.kanpde.solver.train.StageReport;
import org.kanpde.solver.train.StopReason;
import org.kanpde.solver.train.TrainingResult;

/**
 * One row of a report's comparison tables. Any value may be null when unknown (for example errors
 * without an exact solution); {@code setup} is null and {@code stages} empty when the run's settings
 * and stage reports were not given.
 *
 * @param label       the run's name, e.g. "KAN [2,5,1]"
 * @param parameters  number of trained parameters
 * @param iterations  optimizer iterations over all stages
 * @param wallSeconds training wall time in seconds
 * @param relL2       relative L2 error
 * @param maxError    largest absolute error
 * @param h1Error     relative H1-seminorm error
 * @param setup       collocation points, schedule and time budget, or null
 * @param stages      how each stage that ran ended, in order (empty if unknown)
 */
public record RunSummary(String label, Integer parameters, Integer iterations, Double wallSeconds, Double relL2,
                         Double maxError, Double h1Error, RunSetup setup, List<StageReport> stages) {

    /**
     * @throws IllegalArgumentException if the label is blank
     */
    public RunSummary {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("run label must not be blank, got '" + label + "'");
        }
        stages = stages == null ? List.of() : List.copyOf(stages);
    }

    /** A row of numbers only, without setup or stage reports. */
    public RunSummary(String label, Integer parameters, Integer iterations, Double wallSeconds, Double relL2,
                      Double maxError, Double h1Error) {
        this(label, parameters, iterations, wallSeconds, relL2, maxError, h1Error, null, List.of());
    }

    /**
     * The summary of a training result: its final parameter count, iterations, time, metrics, stages
     * and its own setup (points, schedule, time budget), so that a report states each run's own.
     */
    public static RunSummary of(String label, TrainingResult result) {
        ErrorMetrics m = result.metrics();
        RunSetup setup = RunSetup.of(result);
        return new RunSummary(label, result.solution().parameterCount(), result.iterations(), result.wallSeconds(),
                m == null ? null : finite(m.relL2()), m == null ? null : finite(m.maxAbs()),
                m == null ? null : finite(m.h1Rel()), setup, result.stages());
    }

    /** The summary of a labelled run. */
    public static RunSummary of(LabelledRun run) {
        return of(run.label(), run.result());
    }

    /** Whether the time budget ended the run (its last stage stopped on time): its wall time is then the budget's. */
    public boolean stoppedByTimeLimit() {
        return !stages.isEmpty() && stages.get(stages.size() - 1).reason() == StopReason.TIME;
    }

    /**
     * Why training ended, in a few words ("time limit", "schedule done", "no progress", ...), or null
     * when no stage reports are known. Stages of the schedule that never ran are counted.
     */
    public String stoppedBy() {
        if (stages.isEmpty()) {
            return null;
        }
        StageReport last = stages.get(stages.size() - 1);
        String reason = reason(last.reason());
        int planned = setup == null ? stages.size() : Math.max(stages.size(), setup.schedule().size());
        if (last.reason() == StopReason.ITERATIONS && stages.size() == planned) {
            reason = "schedule done";
        }
        if (stages.size() < planned) {
            reason += String.format(Locale.ROOT, " (%d of %d stages)", stages.size(), planned);
        }
        return reason;
    }

    /**
     * Each stage that ran, e.g. {@code "4. LM G=50: 330 of 400 it., 52.1 s, time limit"}, for the
     * report's stage list.
     */
    public List<String> stageLines() {
        List<String> lines = new ArrayList<>();
        for (StageReport r : stages) {
            int limit = r.stage().iterations();
            String done = limit == Integer.MAX_VALUE ? String.format(Locale.ROOT, "%,d it.", r.iterations())
                    : String.format(Locale.ROOT, "%,d of %,d it.", r.iterations(), limit);
            int[] grid = r.stage().gridSizes();
            String g = grid == null ? "" : " G=" + (grid.length == 1 ? String.valueOf(grid[0])
                    : java.util.Arrays.toString(grid).replace(" ", ""));
            lines.add(String.format(Locale.ROOT, "%d. %s%s: %s, %s s, %s", r.index() + 1,
                    RunSetup.name(r.stage().optimizer()), g, done, HtmlReport.seconds(r.seconds()), reason(r.reason())));
        }
        return lines;
    }

    private static String reason(StopReason reason) {
        switch (reason) {
            case ITERATIONS:
                return "iterations";
            case TIME:
                return "time limit";
            case TOLERANCE:
                return "loss tolerance";
            case NO_PROGRESS:
                return "no progress";
            case DIVERGED:
                return "diverged";
            default:
                return "interrupted";
        }
    }

    private static Double finite(double v) {
        // NaN means "not measured" (e.g. no exact gradient for the H1 error): show it as unknown
        return Double.isNaN(v) ? null : v;
    }
}
