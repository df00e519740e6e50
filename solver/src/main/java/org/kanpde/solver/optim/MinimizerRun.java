package org.kanpde.solver.optim;

/**
 * A minimization in progress, advanced one iteration at a time so that the caller can watch it,
 * bound it in time and stop it between iterations.
 */
public interface MinimizerRun {

    /**
     * Performs one iteration.
     *
     * @return false when the method can make no further progress (converged, or the line search /
     *         damping could not find a decrease); the point and value are then unchanged
     */
    boolean step();

    /** Objective value at the current point. */
    double value();

    /** The current point (a live view: callers must not modify it; it changes on {@link #step()}). */
    double[] point();

    /** Number of completed iterations. */
    int iterations();

    /** Number of objective evaluations so far (including the one at the start). */
    int evaluations();

    /** A copy of the internal state, from which the method can resume bit-identically. */
    OptimizerState state();
}
