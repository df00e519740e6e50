package org.kanpde.net.spline;

/**
 * Extended knot vectors of B-splines of degree k on a grid g_0 &lt; ... &lt; g_G: t_0 .. t_{G+2k}
 * with t_{k+s} = g_s and k more knots on each side. Static checks and constructions only, so that
 * every caller (the edge basis, model files, tests) validates knots in one way, with messages that
 * name the bad value.
 */
public final class Knots {
    /**
     * Highest degree k accepted. Far above what helps (the best recipe measured uses k = 5; degree
     * and grid size trade against each other), and low enough that the tables stay small
     * ({@link TaylorTable#size}: 4 (k+1)^2 doubles per interval) and the Taylor coefficients stay
     * accurate: the factorials and the de Boor factors k (k-1) ... overflow doubles for k &gt;= 171,
     * which silently gave NaN.
     */
    public static final int MAX_DEGREE = 25;

    /** Largest array length the JVM allocates (a few header words below Integer.MAX_VALUE). */
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private Knots() {
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
     * Checks that G intervals of degree k give tables and knot vectors that fit one array.
     *
     * @throws IllegalArgumentException naming G, k and the size when they do not
     */
    public static void checkTable(int intervals, int degree) {
        long table = TaylorTable.size(intervals, degree);
        if (table > MAX_ARRAY || (long) intervals + 2L * degree + 1 > MAX_ARRAY) {
            throw new IllegalArgumentException("grid size G = " + intervals + " with degree k = " + degree + " needs "
                    + table + " doubles of tables, more than one array holds (" + MAX_ARRAY + ")");
        }
    }

    /**
     * G + 1 equally spaced grid points on [lo, hi], the last exactly hi.
     *
     * @throws IllegalArgumentException if G &lt; 1 or lo, hi are not finite with lo &lt; hi
     */
    public static double[] uniformGrid(double lo, double hi, int intervals) {
        if (intervals < 1) {
            throw new IllegalArgumentException("grid size G must be >= 1, got " + intervals);
        }
        if (!(Double.isFinite(lo) && Double.isFinite(hi) && lo < hi)) {
            throw new IllegalArgumentException("grid range must be finite with lo < hi, got [" + lo + ", " + hi + "]");
        }
        double[] grid = new double[intervals + 1];
        double h = (hi - lo) / intervals;
        for (int s = 0; s <= intervals; s++) {
            grid[s] = lo + s * h;
        }
        grid[intervals] = hi;
        return grid;
    }

    /**
     * The knot vector of a grid, extended on each side by k knots spaced like the end interval (so
     * the extension of a uniform grid is uniform).
     *
     * @param grid the G + 1 grid points, strictly increasing and finite (not modified)
     * @throws IllegalArgumentException if the grid has fewer than 2 points or is not strictly
     *                                  increasing and finite, naming the point
     */
    public static double[] extend(double[] grid, int degree) {
        if (grid.length < 2) {
            throw new IllegalArgumentException("a grid needs at least 2 points (G >= 1), got " + grid.length);
        }
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
        return t;
    }

    /**
     * Checks a given extended knot vector t_0 &lt;= ... with strictly increasing interior
     * t_k &lt; ... &lt; t_{G+k} and non-decreasing extensions with t_0 &lt; t_k and t_{G+k} &lt; t_{G+2k}.
     *
     * @throws IllegalArgumentException if the knots are too few, not finite or not increasing as
     *                                  described, naming the knot
     */
    public static void check(double[] knots, int degree) {
        if (knots.length < 2 * degree + 2) {
            throw new IllegalArgumentException("degree " + degree + " needs at least " + (2 * degree + 2)
                    + " knots, got " + knots.length);
        }
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
    }

    /** Number of grid intervals G of an extended knot vector of degree k. */
    public static int intervals(double[] knots, int degree) {
        return knots.length - 1 - 2 * degree;
    }
}
