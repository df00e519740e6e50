package org.kanpde.net.spline;

/**
 * The k + 1 B-splines of degree k that are non-zero on each grid interval, as polynomials in
 * x - g_s (Taylor coefficients at the interval's left end, from the {@link DeBoor} derivative
 * recursion), so that values and three derivatives at a point are a few Horner loops: the hot path
 * of every B-spline KAN edge. Immutable and thread-safe.
 *
 * <p><b>Outside the grid range</b> each basis function continues as its second-order Taylor
 * polynomial at the nearest end of the range: value, slope and curvature stay continuous (so the
 * Laplacians a PDE residual needs are continuous), derivatives do not vanish (training can pull
 * stray inputs back), partition of unity holds everywhere, and growth is at most quadratic. We
 * first continued the end interval's polynomial instead, which for quintic splines grew like the
 * fifth power: a 3-D problem's error rose to 3 while its training loss fell, because hidden
 * values at unseen points left the range. pykan lets the basis drop to zero beyond the extended
 * knots; grid update moves the range to where the inputs are.
 */
public final class TaylorTable {
    /** Highest derivative order evaluated. */
    public static final int MAX_DERIVATIVE = 3;

    private final int degree;
    private final int intervals;
    private final double[] knots;
    private final boolean uniform;
    private final double invSpacing;
    /** poly[((s * 4 + d) * (k+1) + m) * (k+1) + q]: coefficient of (x-g_s)^q in the d-th derivative of N_{s+m}. */
    private final double[] poly;
    /**
     * Whether every knot, the extended ones included, is equally spaced: then every interval's
     * polynomials are interval 0's shifted, and evaluation reads interval 0's table only, which
     * stays in the first-level cache however large the grid.
     */
    private final boolean shifted;

    /**
     * The table of a checked extended knot vector ({@link Knots#check}, {@link Knots#checkTable}).
     *
     * @param knots the knots t_0 .. t_{G+2k} (kept, not copied: the caller hands them over)
     */
    public TaylorTable(double[] knots, int degree) {
        this.degree = degree;
        this.knots = knots;
        this.intervals = Knots.intervals(knots, degree);
        double h = (knots[degree + intervals] - knots[degree]) / intervals;
        boolean even = true;
        for (int s = 0; s < intervals && even; s++) {
            double width = knots[degree + s + 1] - knots[degree + s];
            even = Math.abs(width - h) <= 1e-12 * Math.abs(h) + 1e-300;
        }
        this.uniform = even;
        this.invSpacing = 1.0 / h;
        boolean all = even;
        for (int t = 0; t + 1 < knots.length && all; t++) {
            all = Math.abs(knots[t + 1] - knots[t] - h) <= 1e-12 * Math.abs(h) + 1e-300;
        }
        this.shifted = all;
        this.poly = build();
    }

    /**
     * Doubles in the table of G intervals and degree k: 4 (k+1)^2 Taylor coefficients per interval
     * (values and three derivatives of k + 1 polynomials of degree k), in long arithmetic, so that
     * the count can be checked before anything is allocated.
     */
    public static long size(int intervals, int degree) {
        long k1 = degree + 1L;
        return (long) intervals * (MAX_DERIVATIVE + 1) * k1 * k1;
    }

    /** Whether the grid intervals are equal (to 1e-12 relative): intervals are then found by one division. */
    public boolean isUniform() {
        return uniform;
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

    /** Values and derivatives of interval s's polynomials at offset dx from its left knot. */
    private void horner(int s, double dx, int maxDerivative, double[] out, int offset) {
        int k1 = degree + 1;
        int table = shifted ? 0 : s;
        for (int d = 0; d <= maxDerivative; d++) {
            int base = (table * (MAX_DERIVATIVE + 1) + d) * k1 * k1;
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

    private double[] build() {
        int k1 = degree + 1;
        double[] table = new double[intervals * (MAX_DERIVATIVE + 1) * k1 * k1];
        double[] ders = new double[k1 * k1];
        double[] scratch = new double[DeBoor.scratchSize(degree)];
        for (int s = 0; s < intervals; s++) {
            int span = s + degree;
            DeBoor.derivatives(knots, degree, span, knots[span], degree, ders, scratch);
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
}
