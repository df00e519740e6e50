package org.kanpde.cli.bench;

import java.util.List;

import org.kanpde.solver.solution.ErrorMetrics;
import org.kanpde.solver.train.StageReport;
import org.kanpde.solver.train.TrainingResult;

/**
 * What the reports keep of a finished training run: the numbers, without the trained network, so
 * that a run can be stored as a small JSON record ({@link RunRecordJson}), sent from a cluster
 * worker and read back on {@code sweep --resume}.
 *
 * @param parameters  trainable parameters of the final solution
 * @param iterations  total iterations
 * @param wallSeconds total wall time
 * @param loss        final loss
 * @param metrics     final errors against the exact solution, or null without one
 * @param stages      one report per stage run
 */
public record RunOutcome(int parameters, int iterations, double wallSeconds, double loss, ErrorMetrics metrics,
                         List<StageReport> stages) {

    public RunOutcome {
        stages = List.copyOf(stages);
    }

    /** The outcome of a trainer's result. */
    public static RunOutcome of(TrainingResult r) {
        return new RunOutcome(r.solution().parameterCount(), r.iterations(), r.wallSeconds(), r.loss(), r.metrics(), r.stages());
    }

    /**
     * Whether the two outcomes have the same numbers apart from wall times: what a rerun of the
     * same run with the same seed must give, on any machine and thread count.
     */
    public boolean sameNumbers(RunOutcome o) {
        if (parameters != o.parameters || iterations != o.iterations || !same(loss, o.loss)
                || (metrics == null) != (o.metrics == null) || stages.size() != o.stages.size()) {
            return false;
        }
        if (metrics != null && !(same(metrics.relL2(), o.metrics.relL2()) && same(metrics.maxAbs(), o.metrics.maxAbs())
                && same(metrics.h1Rel(), o.metrics.h1Rel()))) {
            return false;
        }
        for (int i = 0; i < stages.size(); i++) {
            StageReport a = stages.get(i);
            StageReport b = o.stages.get(i);
            if (a.iterations() != b.iterations() || a.parameters() != b.parameters() || a.reason() != b.reason()
                    || !same(a.loss(), b.loss()) || !same(a.relL2(), b.relL2())) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(double a, double b) {
        return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
    }
}
