package org.kanpde.solver.train;

import org.kanpde.net.TrialFunction;
import org.kanpde.solver.problem.Problem;

/**
 * Trains a trial function on a problem through the stages of a {@link TrainingSettings} schedule,
 * in one call. For step-by-step control, stop requests, resumption and checkpoints use a
 * {@link TrainingSession}.
 */
public final class PinnTrainer {
    private PinnTrainer() {
    }

    /**
     * Trains a copy of {@code initial} (the argument is not modified) to the end of the schedule,
     * or until the listener returns false.
     *
     * @throws IllegalArgumentException if the trial function's input dimension differs from the
     *                                  problem's, or the settings do not fit the problem
     */
    public static TrainingResult train(Problem problem, TrialFunction initial, TrainingSettings settings,
                                       TrainingListener listener) {
        try (TrainingSession session = TrainingSession.start(problem, initial, settings, listener)) {
            return session.run();
        }
    }
}
