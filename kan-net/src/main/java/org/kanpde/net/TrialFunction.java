package org.kanpde.net;

/**
 * A scalar function u(z; theta) of an input z in R^d and a flat parameter vector theta, with
 * analytic derivatives with respect to z (value, gradient, second derivatives) and with respect
 * to theta (reverse mode), as needed by physics-informed solvers.
 *
 * <p>The structure (architecture, grids) of an implementation is immutable; the parameters are one
 * {@code double[]} that optimizers update in place through {@link #parameters()}. Evaluation
 * happens through {@link Evaluator}s, one per thread: evaluators read the live parameter array and
 * so see every update, and many may read one trial function concurrently as long as nobody writes
 * the parameters at the same time.
 */
public interface TrialFunction {

    /** Input dimension d. */
    int inputDimension();

    /** Number of parameters. */
    int parameterCount();

    /** The live parameter array, of length {@link #parameterCount()}: writes change the function. */
    double[] parameters();

    /**
     * Creates per-thread scratch bound to this function.
     *
     * @param level the input derivatives that {@link Evaluator#forward} computes and that
     *              {@link Evaluator#backward} accepts adjoints for
     * @return a new evaluator (not thread-safe; create one per thread)
     */
    Evaluator evaluator(Derivatives level);

    /**
     * Creates per-thread scratch for evaluating blocks of points at once. The default runs
     * {@link #evaluator} point by point; networks of dense layers override it with batched matrix
     * products.
     *
     * @param level    the input derivatives computed and accepted as adjoints
     * @param capacity largest number of points per block, &gt;= 1
     * @return a new block evaluator (not thread-safe; create one per thread)
     * @throws IllegalArgumentException if capacity &lt; 1
     */
    default BlockEvaluator blockEvaluator(Derivatives level, int capacity) {
        return new PointwiseBlockEvaluator(this, level, capacity);
    }

    /** A deep copy with its own parameter array. */
    TrialFunction copy();

    /** A short human-readable description, e.g. {@code "KAN [2,10,1] G=10 k=3"}. */
    String describe();
}
