package org.kanpde.net.spline;

import java.util.Arrays;

import org.kanpde.net.basis.BasisType;
import org.kanpde.net.basis.EdgeBasis;

/**
 * The B-spline basis of degree k on a grid of G intervals [g_0, g_G], extended by k knots on each
 * side: G + k basis functions N_0 .. N_{G+k-1}, of which k + 1 are non-zero at any point.
 *
 * <p>Here k is the KAN paper's spline degree (k = 3 is cubic); it is the polynomial degree. The
 * extended knot vector is t_0 .. t_{G+2k} with t_{k+s} = g_s; on interval s (g_s &lt;= x &lt;
 * g_{s+1}) the non-zero functions are N_s .. N_{s+k}.
 *
 * <p><b>Outside the grid range</b> each basis function continues as its second-order Taylor
 * polynomial at the nearest end of the range: value, slope and curvature stay continuous (so the
 * Laplacians a PDE residual needs are continuous), derivatives do not vanish (training can pull
 * stray inputs back), partition of unity holds everywhere, and growth is at most quadratic. We
 * first continued the end interval's polynomial instead, which for quintic splines grew like the
 * fifth power: a 3-D problem's error rose to 3 while its training loss fell, because hidden
 * values at unseen points left the range. pykan lets the basis drop to zero beyond the extended
 * knots; grid update moves the range to where the inputs are.
 *
 * <p>For speed, the k + 1 non-zero functions of each interval are precomputed as polynomials in
 * x - g_s (Taylor coefficients at the interval's left end, obtained from the de Boor derivative
 * recursion), so evaluating values and three derivatives is a few Horner loops. Instances are
 * immutable and thread-safe.
 *
 * <p>As an {@link EdgeBasis}: size G + k, k + 1 active functions, grid size G, degree k. Grid
 * extension refines the grid on the same range (keeping an adaptive grid's density), grid update
 * moves the knots to the quantiles of the node's values, and refits place k + 1 Gauss points on
 * every interval, which makes the refit exact whenever the new spline space contains the old one.
 */
public final class BSplineBasis implements EdgeBasis {
    /** Highest derivative order evaluated. */
    public static final int MAX_DERIVATIVE = 3;

    /**
     * Highest spline degree k accepted. Far above what helps (the best recipe measured uses k = 5;
     * degree and grid size trade against each other), and low enough that the tables stay small
     * ({@link #tableSize}: 4 (k+1)^2 doubles per interval) and the Taylor coefficients stay
     * accurate: the factorials and the de Boor factors k (k-1) ... overflow doubles for k &gt;= 171,
     * which silently gave NaN.
     */
    public static final int MAX_DEGREE = 25;

    /** Largest array length the JVM allocates (a few header words below Integer.MAX_VALUE). */
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private final int degree;
    private final int intervals;
    private final double[] knots;
    private final boolean uniform;
    private final double invSpacing;
    /** poly[((s * 4 + d) * (k+1) + m) * (k+1) + q]: coefficient of (x-g_s)^q in the d-th derivative of N_{s+m}. */
    private final double[] poly;

    private BSplineBasis(double[] knots, int degree) {
        this.degree = degree;
        this.knots = knots;
        this.intervals = knots.length - 1 - 2 * degree;
        double h = (knots[degree + intervals] - knots[degree]) / intervals;
        boolean even = true;
        for (int s = 0; s < intervals && even; s++) {
            double width = knots[degree + s + 1] - knots[degree + s];
            even = Math.abs(width - h) <= 1e-12 * Math.abs(h) + 1e-300;
        }
        this.uniform = even;
        this.invSpacing = 1.0 / h;
        this.poly = buildPolynomials();
    }

    /**
     * The basis on G equal intervals of [lo, hi], extended by k knots of the same spacing.
     *
     * @throws IllegalArgumentException if lo, hi are not finite with lo &lt; hi, G &lt; 1, k is not in
     *                                  [1, {@link #MAX_DEGREE}], or the tables would not fit an array
     */
    public static BSplineBasis uniform(double lo, double hi, int intervals, int degree) {
        checkDegree(degree);
        if (intervals < 1) {
            throw new IllegalArgumentException("grid size G must be >= 1, got " + intervals);
        }
        checkTable(intervals, degree);
        if (!(Double.isFinite(lo) && Double.isFinite(hi) && lo < hi)) {
            throw new IllegalArgumentException("grid range must be finite with lo < hi, got [" + lo + ", " + hi + "]");
        }
        double[] grid = new double[intervals + 1];
        double h = (hi - lo) / intervals;
        for (int s = 0; s <= intervals; s++) {
            grid[s] = lo + s * h;
        }
        grid[intervals] = hi;
        return onGrid(grid, degree);
    }

    /**
     * The basis on an arbitrary grid g_0 &lt; ... &lt; g_G, extended on each side by k knots spaced
     * like the end interval (so the extension of a uniform grid is uniform).
     *
     * @param grid the G + 1 grid points, strictly increasing and finite (copied)
     * @throws IllegalArgumentException if the grid has fewer than 2 points, is not strictly
     *                                  increasing or not finite, k is not in [1, {@link #MAX_DEGREE}],
     *                                  or the tables would not fit an array
     */
    public static BSplineBasis onGrid(double[] grid, int degree) {
        checkDegree(degree);
        if (grid.length < 2) {
            throw new IllegalArgumentException("a grid needs at least 2 points (G >= 1), got " + grid.length);
        }
        checkTable(grid.length - 1, degree);
        for (int s = 0; s < grid.length; s++) {
            if (!Double.isFinite(grid[s])) {
                throw new IllegalArgumentException("grid point " + s + " is not finite: " + grid[s]);
            }
            if (s > 0 && !(grid[s] > grid[s - 1])) {
                throw new IllegalArgumentException("grid must be strictly increasing, but point " + s + " = " + grid[s]
                        + " <= point " + (s - 1) + " = " + grid[s - 1]);
            }
        }
        int g = grid.length - 1;
        double[] t = new double[g + 2 * degree + 1];
        System.arraycopy(grid, 0, t, degree, g + 1);
        double left = grid[1] - grid[0];
        double right = grid[g] - grid[g - 1];
        for (int j = 1; j <= degree; j++) {
            t[degree - j] = grid[0] - j * left;
            t[degree + g + j] = grid[g] + j * right;
        }
        return new BSplineBasis(t, degree);
    }

    /**
     * The basis on a given extended knot vector t_0 &lt;= ... with strictly increasing interior
     * t_k &lt; ... &lt; t_{G+k} and non-decreasing extensions with t_0 &lt; t_k and t_{G+k} &lt; t_{G+2k}.
     *
     * @param knots the G + 2k + 1 knots (copied)
     * @throws IllegalArgumentException if the knots are too few, not finite or not increasing as
     *                                  described, k is not in [1, {@link #MAX_DEGREE}], or the tables
     *                                  would not fit an array
     */
    public static BSplineBasis onKnots(double[] knots, int degree) {
        checkDegree(degree);
        if (knots.length < 2 * degree + 2) {
            throw new IllegalArgumentException("degree " + degree + " needs at least " + (2 * degree + 2)
                    + " knots, got " + knots.length);
        }
        checkTable(knots.length - 1 - 2 * degree, degree);
        for (int i = 1; i < knots.length; i++) {
            if (!Double.isFinite(knots[i]) || !Double.isFinite(knots[i - 1])) {
                throw new IllegalArgumentException("knot " + i + " is not finite");
            }
            boolean interior = i > degree && i < knots.length - degree;
            if (interior ? !(knots[i] > knots[i - 1]) : !(knots[i] >= knots[i - 1])) {
                throw new IllegalArgumentException("knots must increase (strictly inside the grid range), but knot " + i
                        + " = " + knots[i] + " after " + knots[i - 1]);
            }
        }
        if (!(knots[0] < knots[degree]) || !(knots[knots.length - 1] > knots[knots.length - 1 - degree])) {
            throw new IllegalArgumentException("extension knots must not all coincide with the grid ends");
        }
        return new BSplineBasis(knots.clone(), degree);
    }

    /**
     * Checks a spline degree.
     *
     * @throws IllegalArgumentException unless 1 &lt;= k &lt;= {@link #MAX_DEGREE}, naming k
     */
    public static void checkDegree(int degree) {
        if (degree < 1) {
            throw new IllegalArgumentException("spline degree k must be >= 1, got " + degree);
        }
        if (degree > MAX_DEGREE) {
            throw new IllegalArgumentException("spline degree k must be <= " + MAX_DEGREE + ", got " + degree);
        }
    }

    /**
     * Doubles in the precomputed tables of a basis with G intervals and degree k: 4 (k+1)^2 Taylor
     * coefficients per interval (values and three derivatives of k + 1 polynomials of degree k),
     * in long arithmetic, so that the count can be checked before anything is allocated.
     */
    public static long tableSize(int intervals, int degree) {
        long k1 = degree + 1L;
        return (long) intervals * (MAX_DERIVATIVE + 1) * k1 * k1;
    }

    private static void checkTable(int intervals, int degree) {
        long table = tableSize(intervals, degree);
        if (table > MAX_ARRAY || (long) intervals + 2L * degree + 1 > MAX_ARRAY) {
            throw new IllegalArgumentException("grid size G = " + intervals + " with degree k = " + degree + " needs "
                    + table + " doubles of tables, more than one array holds (" + MAX_ARRAY + ")");
        }
    }

    /** Spline degree k (pykan's k; 3 is cubic). */
    @Override
    public int degree() {
        return degree;
    }

    /** Number of grid intervals G. */
    public int intervals() {
        return intervals;
    }

    /** Number of basis functions G + k. */
    @Override
    public int size() {
        return intervals + degree;
    }

    /** Start of the grid range, g_0. */
    @Override
    public double lower() {
        return knots[degree];
    }

    /** End of the grid range, g_G. */
    @Override
    public double upper() {
        return knots[degree + intervals];
    }

    @Override
    public BasisType type() {
        return BasisType.BSPLINE;
    }

    /** k + 1. */
    @Override
    public int activeCount() {
        return degree + 1;
    }

    /** The number of grid intervals G. */
    @Override
    public int gridSize() {
        return intervals;
    }

    /**
     * The basis of the same degree on G' intervals over the same range: uniform if this grid is
     * uniform, otherwise with grid points interpolating the old ones at fractional indices, so an
     * adaptive grid keeps its density. G' = 2G on a uniform grid contains the old knots.
     */
    @Override
    public BSplineBasis withSize(int gridSize) {
        if (gridSize == intervals) {
            return this;
        }
        if (uniform) {
            return uniform(lower(), upper(), gridSize, degree);
        }
        if (gridSize < 1) {
            throw new IllegalArgumentException("grid size G must be >= 1, got " + gridSize);
        }
        double[] oldGrid = grid();
        double[] grid = new double[gridSize + 1];
        for (int s = 0; s <= gridSize; s++) {
            double pos = (double) s * intervals / gridSize;
            int a = Math.min((int) pos, intervals - 1);
            double f = pos - a;
            grid[s] = oldGrid[a] + f * (oldGrid[a + 1] - oldGrid[a]);
        }
        grid[0] = oldGrid[0];
        grid[gridSize] = oldGrid[intervals];
        return onGrid(grid, degree);
    }

    /** A uniform grid of G' intervals on [lower, upper], the same degree. */
    @Override
    public BSplineBasis withRange(double lower, double upper, int gridSize) {
        return uniform(lower, upper, gridSize, degree);
    }

    /**
     * Grid points at the mix {@code f * uniform + (1 - f) * quantile} of the uniform grid over the
     * values' range and their quantile grid (f = {@code uniformFraction}, 0.02 in the KAN paper),
     * ends at the extreme values; {@code this} if the values are (nearly) constant.
     */
    @Override
    public BSplineBasis adaptedTo(double[] sorted, double uniformFraction) {
        double lo = sorted[0];
        double hi = sorted[sorted.length - 1];
        if (!(hi - lo > 1e-12 * Math.max(1.0, Math.abs(lo) + Math.abs(hi)))) {
            return this;
        }
        double[] grid = new double[intervals + 1];
        int n = sorted.length;
        for (int s = 0; s <= intervals; s++) {
            double quantile = sorted[(int) Math.round((double) s * (n - 1) / intervals)];
            double even = lo + (hi - lo) * s / intervals;
            grid[s] = uniformFraction * even + (1 - uniformFraction) * quantile;
        }
        grid[0] = lo;
        grid[intervals] = hi;
        return onGrid(grid, degree);
    }

    /** The grid points g_0 .. g_G. */
    @Override
    public double[] fitBreakpoints() {
        return grid();
    }

    /** k + 1. */
    @Override
    public int fitPointsPerPiece() {
        return degree + 1;
    }

    /** 1: the k + 1 active functions sum to one. */
    @Override
    public double noiseScale() {
        return 1.0;
    }

    @Override
    public String describe() {
        return "bspline G=" + intervals + " k=" + degree;
    }

    /** Whether the grid intervals are equal (to 1e-12 relative). */
    public boolean isUniform() {
        return uniform;
    }

    /** A copy of the extended knot vector t_0 .. t_{G+2k}. */
    public double[] knots() {
        return knots.clone();
    }

    /** A copy of the grid points g_0 .. g_G. */
    public double[] grid() {
        return Arrays.copyOfRange(knots, degree, degree + intervals + 1);
    }

    /**
     * The grid interval whose polynomials apply at x: s with g_s &lt;= x &lt; g_{s+1}, clamped to
     * 0 .. G-1 outside the range (NaN maps to 0).
     */
    public int interval(double x) {
        if (uniform) {
            double u = (x - knots[degree]) * invSpacing;
            if (!(u >= 0)) {
                return 0;
            }
            return u >= intervals ? intervals - 1 : (int) u;
        }
        int lo = 0;
        int hi = intervals - 1;
        if (!(x >= knots[degree + 1])) {
            return 0;
        }
        if (x >= knots[degree + hi]) {
            return hi;
        }
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (x >= knots[degree + mid]) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Evaluates the k + 1 basis functions that are non-zero at x and their derivatives.
     *
     * @param x              the point
     * @param maxDerivative  highest derivative wanted, 0 .. {@link #MAX_DERIVATIVE}
     * @param out            receives {@code out[offset + d*(k+1) + m]} = the d-th derivative of
     *                       N_{first+m}(x), for d = 0 .. maxDerivative, m = 0 .. k (modified)
     * @param offset         where to start writing in {@code out}
     * @return {@code first}, the index of the first non-zero basis function (the interval index)
     */
    @Override
    public int evaluate(double x, int maxDerivative, double[] out, int offset) {
        double lo = knots[degree];
        double hi = knots[degree + intervals];
        if (x < lo) {
            return tail(0, lo, x - lo, maxDerivative, out, offset);
        }
        if (x > hi) {
            return tail(intervals - 1, hi, x - hi, maxDerivative, out, offset);
        }
        int s = interval(x);
        double dx = x - knots[degree + s];
        horner(s, dx, maxDerivative, out, offset);
        return s;
    }

    /** Values and derivatives of the end interval's polynomials at offset dx from its left knot. */
    private void horner(int s, double dx, int maxDerivative, double[] out, int offset) {
        int k1 = degree + 1;
        for (int d = 0; d <= maxDerivative; d++) {
            int base = (s * (MAX_DERIVATIVE + 1) + d) * k1 * k1;
            int top = degree - d;
            int o = offset + d * k1;
            if (top < 0) {
                for (int m = 0; m < k1; m++) {
                    out[o + m] = 0.0;
                }
                continue;
            }
            for (int m = 0; m < k1; m++) {
                int c = base + m * k1;
                double acc = poly[c + top];
                for (int q = top - 1; q >= 0; q--) {
                    acc = acc * dx + poly[c + q];
                }
                out[o + m] = acc;
            }
        }
    }

    /** The second-order Taylor continuation beyond the range end {@code end}, at distance t. */
    private int tail(int s, double end, double t, int maxDerivative, double[] out, int offset) {
        int k1 = degree + 1;
        double dx = end - knots[degree + s];
        for (int m = 0; m < k1; m++) {
            double v = endDerivative(s, 0, m, dx);
            double d1 = endDerivative(s, 1, m, dx);
            double d2 = endDerivative(s, 2, m, dx);
            out[offset + m] = v + t * (d1 + 0.5 * t * d2);
            if (maxDerivative >= 1) {
                out[offset + k1 + m] = d1 + t * d2;
            }
            if (maxDerivative >= 2) {
                out[offset + 2 * k1 + m] = d2;
            }
            if (maxDerivative >= 3) {
                out[offset + 3 * k1 + m] = 0.0;
            }
        }
        return s;
    }

    /** The d-th derivative of basis function m of interval s at offset dx from its left knot. */
    private double endDerivative(int s, int d, int m, double dx) {
        int top = degree - d;
        if (top < 0) {
            return 0.0;
        }
        int k1 = degree + 1;
        int c = ((s * (MAX_DERIVATIVE + 1) + d) * k1 + m) * k1;
        double acc = poly[c + top];
        for (int q = top - 1; q >= 0; q--) {
            acc = acc * dx + poly[c + q];
        }
        return acc;
    }

    /**
     * Evaluates the spline sum_i coef[coefOffset + i] N_i(x) and its derivatives.
     *
     * @param out receives the value and derivatives 0 .. maxDerivative at out[0 ..] (modified)
     * @param work scratch of length at least 4(k+1) (modified)
     */
    public void spline(double[] coef, int coefOffset, double x, int maxDerivative, double[] out, double[] work) {
        int first = evaluate(x, maxDerivative, work, 0);
        int k1 = degree + 1;
        for (int d = 0; d <= maxDerivative; d++) {
            double acc = 0;
            for (int m = 0; m < k1; m++) {
                acc += coef[coefOffset + first + m] * work[d * k1 + m];
            }
            out[d] = acc;
        }
    }

    private double[] buildPolynomials() {
        int k1 = degree + 1;
        double[] table = new double[intervals * (MAX_DERIVATIVE + 1) * k1 * k1];
        double[] ders = new double[k1 * k1];
        double[] scratch = new double[scratchSize(degree)];
        for (int s = 0; s < intervals; s++) {
            int span = s + degree;
            derivatives(knots, degree, span, knots[span], degree, ders, scratch);
            // Taylor coefficients at the interval's left end: c_q = N^(q)(g_s) / q!
            for (int d = 0; d <= MAX_DERIVATIVE; d++) {
                for (int m = 0; m < k1; m++) {
                    int c = ((s * (MAX_DERIVATIVE + 1) + d) * k1 + m) * k1;
                    for (int q = 0; q + d <= degree; q++) {
                        // d-th derivative of sum_r c_r x^r has coefficient c_{q+d} (q+d)!/q! at x^q
                        table[c + q] = ders[(q + d) * k1 + m] / factorial(q);
                    }
                }
            }
        }
        return table;
    }

    private static double factorial(int n) {
        double f = 1;
        for (int i = 2; i <= n; i++) {
            f *= i;
        }
        return f;
    }

    /** Scratch length needed by {@link #derivatives}. */
    public static int scratchSize(int degree) {
        int k1 = degree + 1;
        return k1 * k1 + 2 * k1 + 2 * k1;
    }

    /**
     * Reference evaluation by the de Boor / Cox recursion for derivatives (Piegl and Tiller,
     * The NURBS Book, algorithm A2.3): the non-zero basis functions N_{span-k} .. N_span of degree
     * k at x and their derivatives up to order n, from the knots directly.
     *
     * @param knots   extended knot vector
     * @param degree  k
     * @param span    knot span index with t_span &lt;= x &lt; t_{span+1} (or the polynomial piece
     *                of that span, evaluated at any x)
     * @param n       highest derivative, any n &gt;= 0 (orders above k are zero)
     * @param out     receives {@code out[d*(k+1) + m]}, d = 0 .. n (modified)
     * @param scratch work array of length {@link #scratchSize(int)} (modified)
     */
    public static void derivatives(double[] knots, int degree, int span, double x, int n, double[] out,
                                   double[] scratch) {
        int k1 = degree + 1;
        int ndu = 0;
        int left = k1 * k1;
        int right = left + k1;
        int a = right + k1;
        scratch[ndu] = 1.0;
        for (int j = 1; j <= degree; j++) {
            scratch[left + j] = x - knots[span + 1 - j];
            scratch[right + j] = knots[span + j] - x;
            double saved = 0.0;
            for (int r = 0; r < j; r++) {
                // lower triangle holds knot differences, upper triangle basis functions
                scratch[ndu + j * k1 + r] = scratch[right + r + 1] + scratch[left + j - r];
                double temp = scratch[ndu + r * k1 + j - 1] / scratch[ndu + j * k1 + r];
                scratch[ndu + r * k1 + j] = saved + scratch[right + r + 1] * temp;
                saved = scratch[left + j - r] * temp;
            }
            scratch[ndu + j * k1 + j] = saved;
        }
        for (int j = 0; j <= degree; j++) {
            out[j] = scratch[ndu + j * k1 + degree];
        }
        int top = Math.min(n, degree);
        for (int r = 0; r <= degree; r++) {
            int s1 = a;
            int s2 = a + k1;
            scratch[s1] = 1.0;
            for (int kk = 1; kk <= top; kk++) {
                double d = 0.0;
                int rk = r - kk;
                int pk = degree - kk;
                if (r >= kk) {
                    scratch[s2] = scratch[s1] / scratch[ndu + (pk + 1) * k1 + rk];
                    d = scratch[s2] * scratch[ndu + rk * k1 + pk];
                }
                int j1 = rk >= -1 ? 1 : -rk;
                int j2 = (r - 1 <= pk) ? kk - 1 : degree - r;
                for (int j = j1; j <= j2; j++) {
                    scratch[s2 + j] = (scratch[s1 + j] - scratch[s1 + j - 1]) / scratch[ndu + (pk + 1) * k1 + rk + j];
                    d += scratch[s2 + j] * scratch[ndu + (rk + j) * k1 + pk];
                }
                if (r <= pk) {
                    scratch[s2 + kk] = -scratch[s1 + kk - 1] / scratch[ndu + (pk + 1) * k1 + r];
                    d += scratch[s2 + kk] * scratch[ndu + r * k1 + pk];
                }
                out[kk * k1 + r] = d;
                int swap = s1;
                s1 = s2;
                s2 = swap;
            }
        }
        double factor = degree;
        for (int kk = 1; kk <= top; kk++) {
            for (int j = 0; j <= degree; j++) {
                out[kk * k1 + j] *= factor;
            }
            factor *= degree - kk;
        }
        for (int kk = top + 1; kk <= n; kk++) {
            for (int j = 0; j <= degree; j++) {
                out[kk * k1 + j] = 0.0;
            }
        }
    }

    @Override
    public String toString() {
        return "BSplineBasis[G=" + intervals + ", k=" + degree + ", range=[" + lower() + ", " + upper() + "]"
                + (uniform ? ", uniform" : "") + "]";
    }
}
