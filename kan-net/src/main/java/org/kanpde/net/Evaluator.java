package org.kanpde.net;

/**
 * Per-thread evaluation of one {@link TrialFunction}: a forward pass at a point, then (optionally)
 * a reverse pass through that same point.
 *
 * <p>Implementations allocate nothing per call. The reverse pass uses the intermediate values of
 * the most recent {@link #forward}, so call it before the next forward.
 */
public interface Evaluator {

    /** The function this evaluator reads. */
    TrialFunction function();

    /** Input derivatives propagated. */
    Derivatives level();

    /**
     * Evaluates u and its input derivatives at one point.
     *
     * @param points flat coordinates (not modified)
     * @param offset index of the point's first coordinate in {@code points}
     * @return the jet at the point, owned by this evaluator and overwritten by the next call
     */
    Jet forward(double[] points, int offset);

    /**
     * Reverse pass for the last forward point: adds to {@code gradient} the derivative of
     * {@code L = ubar*u + sum_k gbar_k du/dz_k + sum_p sbar_p s_p} with respect to every parameter,
     * where s_p are the second derivatives in {@link Jet#pairs()} order.
     *
     * @param ubar     adjoint of u
     * @param gbar     adjoints of du/dz_k, length d, or null for zero
     * @param sbar     adjoints of the second derivatives, or null for zero
     * @param gradient accumulated into (length {@link TrialFunction#parameterCount()}; modified)
     */
    void backward(double ubar, double[] gbar, double[] sbar, double[] gradient);

    /**
     * Reverse pass writing the derivative of the same L as a sparse row: the parameters L depends
     * on at this point, each index once, in no particular order. This is one row of the Jacobian of
     * a residual with respect to the parameters.
     *
     * @param index receives parameter indices (length &gt;= {@link #maxNonZeros()}; modified)
     * @param value receives the derivatives (length &gt;= {@link #maxNonZeros()}; modified)
     * @return the number of entries written
     */
    int backwardSparse(double ubar, double[] gbar, double[] sbar, int[] index, double[] value);

    /** Upper bound on the entries {@link #backwardSparse} writes. */
    int maxNonZeros();
}
