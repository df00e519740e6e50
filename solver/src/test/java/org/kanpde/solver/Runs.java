package org.kanpde.solver;

import org.kanpde.net.TrialFunction;
import org.kanpde.solver.collocation.Collocation;
import org.kanpde.solver.problem.Problem;
import org.kanpde.solver.train.Execution;
import org.kanpde.solver.train.Training;
import org.kanpde.solver.train.TrainingListener;
import org.kanpde.solver.train.TrainingResult;
import org.kanpde.solver.train.TrainingSession;

/** Small training runs for tests: a training of few points, run to its end on two threads. */
public final class Runs {
    /** Two threads: enough to exercise the parallel reductions, few enough for a 2-core machine. */
    public static final Execution TWO_THREADS = Execution.defaults().withThreads(2);

    private Runs() {
    }

    /** A training on {@code interior} random interior and {@code boundary} boundary points, seed 1. */
    public static Training.Builder small(int interior, int boundary) {
        return Training.builder().collocation(Collocation.of(interior).withBoundaryPoints(boundary)).seed(1);
    }

    /** Trains a copy of {@code initial} to the end of the schedule on two threads. */
    public static TrainingResult train(Problem problem, TrialFunction initial, Training training, TrainingListener listener) {
        return train(problem, initial, training, TWO_THREADS, listener);
    }

    /** Trains a copy of {@code initial} to the end of the schedule. */
    public static TrainingResult train(Problem problem, TrialFunction initial, Training training, Execution execution,
                                       TrainingListener listener) {
        try (TrainingSession session = TrainingSession.start(problem, initial, training, execution, listener)) {
            return session.run();
        }
    }
}
