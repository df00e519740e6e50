package org.kanpde.solver.train;

/**
 * One point of a training history.
 *
 * @param stage      stage index
 * @param iteration  iterations completed over all stages
 * @param seconds    wall time since training started
 * @param loss       total loss mean(pde^2) + weight * mean(bc^2)
 * @param relL2      relative L2 error against the exact solution, or NaN when not measured at
 *                   this iteration (or no exact solution)
 * @param parameters number of parameters of the trial function at that time
 */
public record HistoryEntry(int stage, int iteration, double seconds, double loss, double relL2, int parameters) {
}
