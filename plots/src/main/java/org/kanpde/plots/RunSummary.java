package org.kanpde.plots;

import org.kanpde.solver.metrics.ErrorMetrics;
import org.kanpde.solver.train.TrainingResult;

/**
 * One row of a report's comparison table. Any value may be null when unknown (for example errors
 * without an exact solution).
 *
 * @param label       the run's name, e.g. "KAN [2,5,1]"
 * @param parameters  number of trained parameters
 * @param iterations  optimizer iterations over all stages
 * @param wallSeconds training wall time in seconds
 * @param relL2       relative L2 error
 * @param maxError    largest absolute error
 * @param h1Error     relative H1-seminorm error
 */
public record RunSummary(String label, Integer parameters, Integer iterations, Double wallSeconds, Double relL2,
                         Double maxError, Double h1Error) {

    /**
     * @throws IllegalArgumentException if the label is blank
     */
    public RunSummary {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("run label must not be blank, got '" + label + "'");
        }
    }

    /** The summary of a training result: its final parameter count, iterations, time and metrics. */
    public static RunSummary of(String label, TrainingResult result) {
        ErrorMetrics m = result.metrics();
        return new RunSummary(label, result.solution().parameterCount(), result.iterations(), result.wallSeconds(),
                m == null ? null : finite(m.relL2()), m == null ? null : finite(m.maxAbs()),
                m == null ? null : finite(m.h1Rel()));
    }

    /** The summary of a labelled run. */
    public static RunSummary of(LabelledRun run) {
        return of(run.label(), run.result());
    }

    private static Double finite(double v) {
        // NaN means "not measured" (e.g. no exact gradient for the H1 error): show it as unknown
        return Double.isNaN(v) ? null : v;
    }
}
