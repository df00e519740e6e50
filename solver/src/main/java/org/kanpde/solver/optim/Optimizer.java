package org.kanpde.solver.optim;

import java.util.Locale;
import java.util.Map;

import org.kanpde.net.parallel.ParallelRunner;

/**
 * A configured optimization method: immutable settings (Hipparchus style, {@code withX} returns a
 * modified copy) that start any number of independent {@link MinimizerRun runs} on a training
 * objective. A training stage holds one, so every setting of a method is reachable from a
 * schedule: {@code Stage.of(new LevenbergMarquardt().withInitialDamping(1e-2))}.
 *
 * <p>Implementations: {@link LevenbergMarquardt} (works on the residual vector and its normal
 * equations), {@link Lbfgs} and {@link Adam} (work on the loss and its gradient).
 */
public interface Optimizer {

    /**
     * Starts a run at {@code start}.
     *
     * @param objective the sum of squares to minimize
     * @param start     the starting point (copied, not modified)
     * @param threads   worker threads the method may use for its own linear algebra (results do not
     *                  depend on their number), or null for the calling thread
     * @return a run positioned at {@code start}, with {@link MinimizerRun#value()} evaluated there
     * @throws IllegalArgumentException if {@code start.length != objective.dimension()}, the start
     *                                  has a non-finite coordinate or the objective is not finite there
     */
    MinimizerRun start(LeastSquaresObjective objective, double[] start, ParallelRunner threads);

    /**
     * Continues a run from a saved {@link MinimizerRun#state()}: the continued run makes exactly the
     * steps the original would have made.
     *
     * @throws IllegalArgumentException if the state belongs to another method or does not fit
     */
    MinimizerRun resume(LeastSquaresObjective objective, OptimizerState state, ParallelRunner threads);

    /** The method's name in files and on the command line: {@code "lm"}, {@code "lbfgs"} or {@code "adam"}. */
    String name();

    /**
     * Every setting by name, as exact text (doubles in their round-tripping form), in a fixed order:
     * what checkpoints record so that a resumed run cannot silently use other settings.
     */
    Map<String, String> settings();

    /**
     * The method named {@code name} ({@code lm}, {@code lbfgs}, {@code adam}; case and surrounding
     * blanks ignored) with its default settings.
     *
     * @throws IllegalArgumentException naming the bad value and the choices
     */
    static Optimizer parse(String name) {
        switch (name == null ? "" : name.trim().toLowerCase(Locale.ROOT)) {
            case "lm":
                return new LevenbergMarquardt();
            case "lbfgs":
                return new Lbfgs();
            case "adam":
                return new Adam();
            default:
                throw new IllegalArgumentException("unknown optimizer '" + name + "', expected one of lm, lbfgs, adam");
        }
    }
}
