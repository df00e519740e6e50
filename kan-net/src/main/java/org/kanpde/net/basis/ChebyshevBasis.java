package org.kanpde.net.basis;

/**
 * Chebyshev polynomials T_0 .. T_n of t = (2x - (lower + upper)) / (upper - lower), the affine map
 * of the range [lower, upper] onto [-1, 1]: n + 1 global functions, all evaluated at every point.
 *
 * <p><b>Why an affine map and not tanh</b> (ChebyKAN feeds tanh(x) to the polynomials): with the
 * affine map an edge is exactly a polynomial of degree n in its input. That is the space of a
 * B-spline with one interval and order n, in its best-conditioned basis, so (1) raising the degree
 * is nested and grid extension n -&gt; n' &gt;= n is exact to round-off; (2) widening the range keeps
 * the function exactly (a polynomial stays a polynomial), so the sample-aware extension and grid
 * update of hidden layers work as for B-splines; (3) derivatives are plain polynomial derivatives,
 * with no tanh' factors that flatten the basis where |x| is large and bunch its resolution near
 * x = 0 (squashing). The price: <b>outside the range</b> the edge continues as its polynomial, which
 * grows like |2t|^n, so inputs should stay near the range; the first layer's range is the domain
 * and hidden ranges follow their inputs at grid extension and update, as for B-splines.
 *
 * <p>Values come from T_{m+1} = 2t T_m - T_{m-1} and the derivatives from that recurrence
 * differentiated: T'_{m+1} = 2 T_m + 2t T'_m - T'_{m-1}, T''_{m+1} = 4 T'_m + 2t T''_m - T''_{m-1},
 * T'''_{m+1} = 6 T''_m + 2t T'''_m - T'''_{m-1}, each times the map's slope 2 / (upper - lower)
 * per order (folded into the recurrences). No allocation. The layout is function m at index m.
 */
public final class ChebyshevBasis implements EdgeBasis {
    private final int degree;
    private final double lower;
    private final double upper;
    private final double centre;
    private final double slope;

    private ChebyshevBasis(double lower, double upper, int degree) {
        this.degree = degree;
        this.lower = lower;
        this.upper = upper;
        this.centre = 0.5 * (lower + upper);
        this.slope = 2.0 / (upper - lower);
    }

    /**
     * T_0 .. T_n on [lower, upper].
     *
     * @throws IllegalArgumentException if the range is not finite with lower &lt; upper, n &lt; 1, or
     *                                  n + 1 exceeds the largest Java array
     */
    public static ChebyshevBasis of(double lower, double upper, int degree) {
        if (degree < 1) {
            throw new IllegalArgumentException("Chebyshev degree n must be >= 1, got " + degree);
        }
        Ranges.checkSize("Chebyshev", "degree n =", degree, degree + 1L);
        if (!(Double.isFinite(lower) && Double.isFinite(upper) && lower < upper)) {
            throw new IllegalArgumentException("Chebyshev range must be finite with lower < upper, got [" + lower + ", "
                    + upper + "]");
        }
        return new ChebyshevBasis(lower, upper, degree);
    }

    @Override
    public BasisType type() {
        return BasisType.CHEBYSHEV;
    }

    @Override
    public int size() {
        return degree + 1;
    }

    @Override
    public int activeCount() {
        return degree + 1;
    }

    @Override
    public int evaluate(double x, int maxDerivative, double[] out, int offset) {
        int n1 = degree + 1;
        double t = (x - centre) * slope;
        double t2 = 2.0 * t;
        int o0 = offset;
        out[o0] = 1.0;
        out[o0 + 1] = t;
        for (int m = 1; m < degree; m++) {
            out[o0 + m + 1] = t2 * out[o0 + m] - out[o0 + m - 1];
        }
        // derivative d of T_m in x: D_{m+1} = 2 d a D^{(d-1)}_m + 2t D_m - D_{m-1}, a = slope
        for (int d = 1; d <= maxDerivative; d++) {
            int o = offset + d * n1;
            int p = o - n1;
            double f = 2.0 * d * slope;
            out[o] = 0.0;
            out[o + 1] = d == 1 ? slope : 0.0;
            for (int m = 1; m < degree; m++) {
                out[o + m + 1] = f * out[p + m] + t2 * out[o + m] - out[o + m - 1];
            }
        }
        return 0;
    }

    @Override
    public double lower() {
        return lower;
    }

    @Override
    public double upper() {
        return upper;
    }

    @Override
    public int gridSize() {
        return degree;
    }

    @Override
    public int degree() {
        return degree;
    }

    @Override
    public ChebyshevBasis withSize(int gridSize) {
        return gridSize == degree ? this : of(lower, upper, gridSize);
    }

    @Override
    public ChebyshevBasis withRange(double lower, double upper, int gridSize) {
        return of(lower, upper, gridSize);
    }

    @Override
    public ChebyshevBasis adaptedTo(double[] sorted, double uniformFraction) {
        double lo = sorted[0];
        double hi = sorted[sorted.length - 1];
        return Ranges.nearlyConstant(lo, hi) ? this : of(lo, hi, degree);
    }

    /** Zero-padding, for T_0 .. T_m on the same range with m &lt;= n. */
    @Override
    public boolean embed(EdgeBasis coarser, double[] from, int fromOffset, double[] to, int toOffset) {
        if (!(coarser instanceof ChebyshevBasis)) {
            return false;
        }
        ChebyshevBasis c = (ChebyshevBasis) coarser;
        if (c.degree > degree || c.lower != lower || c.upper != upper) {
            return false;
        }
        System.arraycopy(from, fromOffset, to, toOffset, c.degree + 1);
        java.util.Arrays.fill(to, toOffset + c.degree + 1, toOffset + degree + 1, 0.0);
        return true;
    }

    @Override
    public double[] fitBreakpoints() {
        return new double[] {lower, upper};
    }

    @Override
    public int fitPointsPerPiece() {
        return degree + 1;
    }

    /** 1/sqrt(n + 2): the mean of sum_m T_m^2 over the range is about 1 + n/2, B-splines' about 1/2. */
    @Override
    public double noiseScale() {
        return 1.0 / Math.sqrt(degree + 2.0);
    }

    @Override
    public String describe() {
        return "chebyshev n=" + degree;
    }

    @Override
    public String toString() {
        return "ChebyshevBasis[n=" + degree + ", range=[" + lower + ", " + upper + "], affine]";
    }
}
