package org.kanpde.cli.bench;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.kanpde.solver.solution.ErrorMetrics;
import org.kanpde.solver.train.StageReport;

/**
 * One finished training run of a suite.
 *
 * @param section   "sweep" for the suite's runs, "threads" for the runs of the thread study
 * @param problem   problem id
 * @param dimension problem dimension
 * @param spec      what was run
 * @param seed      seed
 * @param threads   worker threads
 * @param timeLimit wall-time limit of the run in seconds
 * @param result    the trainer's numbers
 */
public record RunRecord(String section, String problem, int dimension, RunSpec spec, long seed, int threads, double timeLimit,
                 RunOutcome result) {

    public int parameters() {
        return result.parameters();
    }

    public double relL2() {
        ErrorMetrics m = result.metrics();
        return m == null ? Double.NaN : m.relL2();
    }

    public double maxError() {
        ErrorMetrics m = result.metrics();
        return m == null ? Double.NaN : m.maxAbs();
    }

    public double h1Error() {
        ErrorMetrics m = result.metrics();
        return m == null ? Double.NaN : m.h1Rel();
    }

    public String label() {
        return spec.longLabel(dimension);
    }

    /** Why the stages ended, e.g. {@code iterations} or {@code iterations+time}. */
    String stops() {
        Set<String> reasons = new LinkedHashSet<>();
        for (StageReport r : result.stages()) {
            reasons.add(r.reason().name().toLowerCase(Locale.ROOT));
        }
        return String.join("+", reasons);
    }

    /** Whether a stage was ended by the time limit (its numbers then depend on the machine). */
    boolean timeLimited() {
        return result.stages().stream().anyMatch(r -> r.reason() == org.kanpde.solver.train.StopReason.TIME);
    }

    public String command() {
        return spec.solveCommand(problem, dimension, seed, threads, timeLimit);
    }
}
