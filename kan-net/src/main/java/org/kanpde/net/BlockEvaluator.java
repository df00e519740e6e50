package org.kanpde.net;

/**
 * Per-thread evaluation of one {@link TrialFunction} at a block of up to {@link #capacity()}
 * points at once: a forward pass that fills the jets of every point of the block, then (optionally)
 * one reverse pass that takes the adjoints of all of them and adds the summed parameter gradient.
 *
 * <p>Blocks exist for networks made of dense matrix products. An {@link org.kanpde.net.mlp.Mlp}
 * applies each weight matrix to all points of a block in one sweep and forms its weight gradient
 * as one matrix product over the block, so each weight is read from cache once per block instead
 * of once per point. Every trial function has a block evaluator
 * ({@link TrialFunction#blockEvaluator}); the default one runs the per-point {@link Evaluator}
 * point by point and computes exactly what it computes.
 *
 * <p>Layout: jets and adjoints are flat arrays of {@link #channels()} entries per point, point t's
 * channel c at {@code t * channels() + c}. Channel 0 is u, channels 1..d the gradient (if carried),
 * then the second derivatives in {@link Jet#pairs()} order, as in the rows of
 * {@link Batch#evaluate}.
 *
 * <p>Not thread-safe (one per thread); allocates nothing per call.
 */
public interface BlockEvaluator {

    /** The function this evaluator reads. */
    TrialFunction function();

    /** Input derivatives propagated. */
    Derivatives level();

    /** Largest number of points per block. */
    int capacity();

    /** Entries per point in the jet and adjoint arrays: 1 + (d if the gradient is carried) + second derivatives. */
    int channels();

    /**
     * Evaluates u and its input derivatives at {@code count} consecutive points.
     *
     * @param points flat coordinates (not modified)
     * @param offset index of the first point's first coordinate in {@code points}
     * @param count  number of points, 1 to {@link #capacity()}
     * @return the jets, {@code count * channels()} entries used; owned by this evaluator and
     *         overwritten by the next call
     * @throws IllegalArgumentException if count is out of range or the points do not fit in the array
     */
    double[] forward(double[] points, int offset, int count);

    /**
     * Reverse pass over the points of the last {@link #forward}: adds to {@code gradient}
     * d/dtheta of {@code L = sum_t sum_c adjoints[t * channels() + c] * jet_c(point t)}.
     *
     * @param adjoints adjoints of the jets, in the jet layout (only the last block's points are read; not modified)
     * @param gradient accumulated into (length {@link TrialFunction#parameterCount()}; modified)
     */
    void backward(double[] adjoints, double[] gradient);

    /**
     * The argument check of {@link #forward}, for implementations.
     *
     * @throws IllegalArgumentException if count is not in [1, capacity] or the points do not fit in the array
     */
    static void checkBlock(double[] points, int offset, int count, int d, int capacity) {
        if (count < 1 || count > capacity) {
            throw new IllegalArgumentException("block of " + count + " points; expected 1 to " + capacity);
        }
        if (offset < 0 || offset + (long) count * d > points.length) {
            throw new IllegalArgumentException(count + " points of dimension " + d + " from index " + offset
                    + " do not fit in an array of length " + points.length);
        }
    }
}
