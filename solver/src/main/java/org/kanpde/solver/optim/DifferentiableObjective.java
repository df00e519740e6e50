package org.kanpde.solver.optim;

/**
 * A smooth scalar function of {@code dimension()} variables together with its gradient: the
 * objective that first-order and quasi-Newton minimizers ({@link Adam}, {@link Lbfgs}) work on.
 */
public interface DifferentiableObjective {

    /** Number of variables. */
    int dimension();

    /**
     * Evaluates the objective.
     *
     * @param x        the point, length {@link #dimension()} (not modified)
     * @param gradient receives the gradient at {@code x} when non-null (modified; length
     *                 {@link #dimension()}); when null only the value is computed
     * @return f(x)
     */
    double evaluate(double[] x, double[] gradient);
}
