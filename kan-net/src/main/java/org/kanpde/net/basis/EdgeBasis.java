package org.kanpde.net.basis;

/**
 * The 1-D functions B_0 .. B_{n-1} that the edges of a KAN combine:
 * phi(x) = w_b silu(x) + w_s sum_m c_m B_m(x). One instance serves every edge leaving one input
 * node, so the range (grid, centres, ...) follows that node's inputs.
 *
 * <p>What a network needs from a basis, and nothing more:
 * <ul>
 *   <li>its size n (coefficients per edge) and the number of functions {@link #evaluate} writes at
 *       a point, {@link #activeCount()}, with the index of the first: a local basis (B-splines,
 *       k + 1 functions) evaluates only those, a global one (Chebyshev, Fourier) all of them;</li>
 *   <li>values and first to third derivatives of those functions at x, into a caller's array,
 *       without allocating (the KAN evaluator's hot loop);</li>
 *   <li>what grid extension and grid update need: a basis of another size on the same range
 *       ({@link #withSize}), on another range ({@link #withRange}), one adapted to sample values
 *       ({@link #adaptedTo}), and where to put least-squares fit points ({@link #fitBreakpoints},
 *       {@link #fitPointsPerPiece}). The refit itself is generic: new coefficients are the weighted
 *       least-squares fit of the old edge on those points.</li>
 * </ul>
 *
 * <p>{@link #gridSize()} is the one size parameter a {@code KanBuilder}'s {@code gridSize(...)}
 * sets: the number of grid intervals G for B-splines, the polynomial degree n for Chebyshev, the
 * number of centres for Gaussian RBFs, the number of frequencies for Fourier features.
 *
 * <p>Implementations are immutable and thread-safe; equal settings give bit-identical evaluations.
 */
public interface EdgeBasis {
    /** Highest derivative order {@link #evaluate} computes. */
    int MAX_DERIVATIVE = 3;

    /** The kind of basis. */
    BasisType type();

    /** Number of functions n, the coefficients per edge. */
    int size();

    /**
     * Number of functions {@link #evaluate} writes at any point: all that can be non-zero there
     * (B-splines k + 1, truncated Gaussian RBFs a fixed window, global bases {@link #size()}).
     */
    int activeCount();

    /**
     * Evaluates the active functions at x and their derivatives.
     *
     * @param x             the point (any finite value; outside the range each basis documents
     *                      what it does)
     * @param maxDerivative highest derivative wanted, 0 .. {@link #MAX_DERIVATIVE}
     * @param out           receives {@code out[offset + d*activeCount() + m]} = the d-th
     *                      derivative of B_{first+m}(x), d = 0 .. maxDerivative,
     *                      m = 0 .. activeCount()-1 (modified)
     * @param offset        where to start writing in {@code out}
     * @return {@code first}, the index of the first function written; first + activeCount() &lt;= size()
     */
    int evaluate(double x, int maxDerivative, double[] out, int offset);

    /** Start of the range the basis is laid out on (grid start, first centre, ...). */
    double lower();

    /** End of the range. */
    double upper();

    /** The size parameter: B-spline intervals G, Chebyshev degree n, RBF centres, Fourier frequencies. */
    int gridSize();

    /** Polynomial degree of the pieces: B-spline degree k, Chebyshev degree n; 0 for RBF and Fourier. */
    int degree();

    /**
     * The same kind of basis with another size on the same range (grid extension). Returns
     * {@code this} when the size is unchanged, so that refits copy coefficients exactly.
     *
     * @throws IllegalArgumentException if the size is invalid for this basis, naming it
     */
    EdgeBasis withSize(int gridSize);

    /**
     * The same kind of basis, laid out uniformly on [lower, upper] with the given size (grid
     * extension that widens a range to values that left it).
     *
     * @throws IllegalArgumentException if the range or size is invalid, naming it
     */
    EdgeBasis withRange(double lower, double upper, int gridSize);

    /**
     * The basis a grid update moves to, for the sorted values a node takes: B-splines put their
     * knots at a mix of the values' quantiles and a uniform grid (weight {@code uniformFraction});
     * bases without knots move their range to [min, max] of the values and ignore the fraction.
     * Returns {@code this} when the values are (nearly) constant.
     *
     * @param sorted          the node's values, sorted ascending, finite, at least one
     * @param uniformFraction weight of the uniform grid, in (0, 1]
     */
    EdgeBasis adaptedTo(double[] sorted, double uniformFraction);

    /**
     * Ends of the pieces on which least-squares refits place Gauss points, ascending, the first
     * {@link #lower()} and the last {@link #upper()}: the grid for B-splines (where the functions
     * are polynomials), the centres for RBFs, the range ends for Chebyshev, equal pieces for Fourier.
     */
    double[] fitBreakpoints();

    /**
     * Gauss-Legendre points per piece in least-squares refits: enough that refitting a function of
     * this basis onto a basis that contains it is exact (B-splines k + 1, Chebyshev n + 1).
     */
    int fitPointsPerPiece();

    /**
     * Exact coefficients, in this basis, of a function {@code sum_m from[fromOffset + m] B_m} of
     * {@code coarser}, when this basis contains every function of {@code coarser} and the mapping is
     * known in closed form: writes the {@link #size()} coefficients to {@code to[toOffset ..]} and
     * returns true. Otherwise returns false (the default) and grid extension refits by least squares.
     *
     * <p>Chebyshev polynomials and Fourier features on the same range (and frequency) pad with
     * zeros, which keeps the function everywhere, also beyond the range, where a least-squares fit
     * on the range does not pin a Fourier continuation down. B-splines (whose nested grids the
     * least-squares refit reproduces exactly) and RBFs (which never nest) return false.
     */
    default boolean embed(EdgeBasis coarser, double[] from, int fromOffset, double[] to, int toOffset) {
        return false;
    }

    /**
     * Factor applied to a builder's noise (the standard deviation of random initial coefficients),
     * chosen so that random edges have about the same size for every basis: 1 for B-splines,
     * whose k + 1 active functions sum to one; less for bases with many overlapping functions.
     */
    double noiseScale();

    /** A short description such as {@code "bspline G=5 k=3"} or {@code "chebyshev n=10"}. */
    String describe();

    /**
     * Evaluates sum_m coef[coefOffset + m] B_m(x) and its derivatives.
     *
     * @param out  receives the value and derivatives 0 .. maxDerivative at out[0 ..] (modified)
     * @param work scratch of length at least (maxDerivative + 1) * activeCount() (modified)
     */
    default void evaluateSum(double[] coef, int coefOffset, double x, int maxDerivative, double[] out, double[] work) {
        int first = evaluate(x, maxDerivative, work, 0);
        int active = activeCount();
        for (int d = 0; d <= maxDerivative; d++) {
            double acc = 0;
            for (int m = 0; m < active; m++) {
                acc += coef[coefOffset + first + m] * work[d * active + m];
            }
            out[d] = acc;
        }
    }
}
