package org.kanpde.solver.train;

/**
 * Receives training progress. Called on the training thread; keep the work small. Returning false
 * from {@link #iteration} stops training after the current iteration (this is how a host or a
 * Ctrl-C handler stops a run from another thread: set a flag the listener reads).
 */
public interface TrainingListener {

    /** A stage is about to start with a model of {@code parameters} parameters. */
    default void stageStarted(int index, Stage stage, String model, int parameters) {
    }

    /** An iteration finished; return false to stop. */
    default boolean iteration(HistoryEntry entry) {
        return true;
    }

    /** A stage ended. */
    default void stageFinished(StageReport report) {
    }

    /** A notable event: grid extension, divergence, restoration of parameters. */
    default void message(String text) {
    }

    /** A listener that ignores everything. */
    static TrainingListener silent() {
        return new TrainingListener() {
        };
    }
}
