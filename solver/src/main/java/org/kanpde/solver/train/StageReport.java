package org.kanpde.solver.train;

/**
 * How a stage went.
 *
 * @param index      stage index
 * @param stage      the stage settings
 * @param iterations iterations done in this stage
 * @param seconds    wall time spent in this stage (including grid changes)
 * @param loss       loss at the end of the stage
 * @param relL2      relative L2 error at the end of the stage (NaN without an exact solution)
 * @param reason     why it ended
 * @param parameters parameter count during the stage
 */
public record StageReport(int index, Stage stage, int iterations, double seconds, double loss, double relL2,
                          StopReason reason, int parameters) {
}
