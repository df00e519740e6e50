package org.kanpde.solver.train;

/** Why a training stage ended. */
public enum StopReason {
    /** The iteration limit was reached. */
    ITERATIONS,
    /** The time budget was used up. */
    TIME,
    /** The loss reached the tolerance. */
    TOLERANCE,
    /** The optimizer could make no further progress (converged to round-off or stalled). */
    NO_PROGRESS,
    /** The loss became non-finite or blew up; the last good parameters were restored. */
    DIVERGED,
    /** The caller asked to stop. */
    STOPPED
}
