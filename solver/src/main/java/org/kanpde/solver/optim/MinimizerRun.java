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

    /**
     * Why the last {@link #step()} returned false: true if the trial point left the finite
     * numbers (a non-finite value or gradient there, which a trainer reports as divergence), false
     * if the method converged or found no decrease. Methods that never refuse for that reason keep
     * this default.
     */
    default boolean leftFiniteNumbers() {
        return false;
    }

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
