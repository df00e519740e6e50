package org.kanpde.solver.optim;

/**
 * Immutable settings of a minimization method that start {@link MinimizerRun runs}: the same
 * settings can start any number of independent runs.
 */
public interface Minimizer {

    /**
     * Starts a run at {@code start}.
     *
     * @param objective the function to minimize
     * @param start     the starting point (copied, not modified)
     * @return a run positioned at {@code start}, with {@link MinimizerRun#value()} evaluated there
     * @throws IllegalArgumentException if {@code start.length != objective.dimension()} or the
     *                                  start point has a non-finite coordinate
     */
    MinimizerRun start(DifferentiableObjective objective, double[] start);

    /**
     * Continues a run from a saved {@link MinimizerRun#state()}: the continued run makes exactly
     * the steps the original would have made.
     *
     * @throws IllegalArgumentException if the state belongs to another method or does not fit the
     *                                  objective
     */
    MinimizerRun resume(DifferentiableObjective objective, OptimizerState state);

    /** Short lower-case name for logs and result files, e.g. {@code "adam"}. */
    String name();
}
