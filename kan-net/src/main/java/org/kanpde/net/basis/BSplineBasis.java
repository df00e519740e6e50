package org.kanpde.net.basis;

import java.util.Arrays;

import org.kanpde.net.spline.Knots;
import org.kanpde.net.spline.TaylorTable;

/**
 * B-spline edges: the basis of degree k (pykan's k; k = 3 is cubic) on a grid of G intervals
 * [g_0, g_G], extended by k knots on each side: G + k basis functions N_0 .. N_{G+k-1}, of which
 * k + 1 are non-zero at any point. The extended knot vector is t_0 .. t_{G+2k} with t_{k+s} = g_s;
 * on interval s (g_s &lt;= x &lt; g_{s+1}) the non-zero functions are N_s .. N_{s+k}.
 *
 * <p>This class is the {@link EdgeBasis} contract for B-splines (sizes, grid extension and update,
 * fit points); the numerics, including what the basis does outside the grid range (a second-order
 * Taylor continuation), are the {@link TaylorTable} of the {@code spline} package, which knows
 * nothing of edges. Immutable and thread-safe.
 *
 * <p>As an {@link EdgeBasis}: size G + k, k + 1 active functions, grid size G, degree k. Grid
 * extension refines the grid on the same range (keeping an adaptive grid's density), grid update
 * moves the knots to the quantiles of the node's values, and refits place k + 1 Gauss points on
 * every interval, which makes the refit exact whenever the new spline space contains the old one.
 */
public final class BSplineBasis implements EdgeBasis {
    private final int degree;
    private final int intervals;
    private final double[] knots;
    private final TaylorTable table;

    private BSplineBasis(double[] knots, int degree) {
        this.degree = degree;
        this.knots = knots;
        this.intervals = Knots.intervals(knots, degree);
        this.table = new TaylorTable(knots, degree);
    }

    /**
     * The basis on G equal intervals of [lo, hi], extended by k knots of the same spacing.
     *
     * @throws IllegalArgumentException if lo, hi are not finite with lo &lt; hi, G &lt; 1, k is not in
     *                                  [1, {@link Knots#MAX_DEGREE}], or the tables would not fit an array
     */
    public static BSplineBasis uniform(double lo, double hi, int intervals, int degree) {
        Knots.checkDegree(degree);
        Knots.checkTable(intervals, degree);
        return onGrid(Knots.uniformGrid(lo, hi, intervals), degree);
    }

    /**
     * The basis on an arbitrary grid g_0 &lt; ... &lt; g_G, extended on each side by k knots spaced
     * like the end interval (so the extension of a uniform grid is uniform).
     *
     * @param grid the G + 1 grid points, strictly increasing and finite (copied)
     * @throws IllegalArgumentException if the grid has fewer than 2 points, is not strictly
     *                                  increasing or not finite, k is not in [1, {@link Knots#MAX_DEGREE}],
     *                                  or the tables would not fit an array
     */
    public static BSplineBasis onGrid(double[] grid, int degree) {
        Knots.checkDegree(degree);
        Knots.checkTable(grid.length - 1, degree);
        return new BSplineBasis(Knots.extend(grid, degree), degree);
    }

    /**
     * The basis on a given extended knot vector t_0 &lt;= ... with strictly increasing interior
     * t_k &lt; ... &lt; t_{G+k} and non-decreasing extensions with t_0 &lt; t_k and t_{G+k} &lt; t_{G+2k}.
     *
     * @param knots the G + 2k + 1 knots (copied)
     * @throws IllegalArgumentException if the knots are too few, not finite or not increasing as
     *                                  described, k is not in [1, {@link Knots#MAX_DEGREE}], or the tables
     *                                  would not fit an array
     */
    public static BSplineBasis onKnots(double[] knots, int degree) {
        Knots.checkDegree(degree);
        Knots.checkTable(Knots.intervals(knots, degree), degree);
        Knots.check(knots, degree);
        return new BSplineBasis(knots.clone(), degree);
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
        if (isUniform()) {
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
        return table.isUniform();
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
        return table.interval(x);
    }

    /**
     * Evaluates the k + 1 basis functions that are non-zero at x and their derivatives (beyond the
     * grid range: their second-order Taylor continuation, see {@link TaylorTable}).
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
        return table.evaluate(x, maxDerivative, out, offset);
    }

    @Override
    public String toString() {
        return "BSplineBasis[G=" + intervals + ", k=" + degree + ", range=[" + lower() + ", " + upper() + "]"
                + (isUniform() ? ", uniform" : "") + "]";
    }
}
