package org.kanpde.net.kan;

import java.util.Arrays;

import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.kanpde.net.spline.BSplineBasis;

/**
 * Grid extension and grid update of a {@link Kan}: new bases per input node, and spline
 * coefficients refitted by weighted least squares so that each edge keeps its shape.
 *
 * <p>Only the spline part is refitted; w_b and w_s are copied, so the silu term is unchanged.
 */
final class GridRefit {
    private GridRefit() {
    }

    static Kan extend(Kan kan, int[] sizes, double[] samples) {
        double[][] nodes = samples == null ? null : kan.nodeValues(checkSamples(kan, samples));
        BSplineBasis[][] oldBases = kan.bases();
        BSplineBasis[][] newBases = new BSplineBasis[oldBases.length][];
        for (int l = 0; l < oldBases.length; l++) {
            int width = oldBases[l].length;
            newBases[l] = new BSplineBasis[width];
            for (int i = 0; i < width; i++) {
                BSplineBasis old = oldBases[l][i];
                double lo = old.lower();
                double hi = old.upper();
                if (nodes != null) {
                    for (int t = i; t < nodes[l].length; t += width) {
                        lo = Math.min(lo, nodes[l][t]);
                        hi = Math.max(hi, nodes[l][t]);
                    }
                }
                newBases[l][i] = lo < old.lower() || hi > old.upper()
                        ? BSplineBasis.uniform(lo, hi, sizes[l], old.degree())
                        : refine(old, sizes[l]);
            }
        }
        return refit(kan, newBases, (l, i, oldBasis, newBasis) -> unionGaussPoints(oldBasis, newBasis));
    }

    private static double[] checkSamples(Kan kan, double[] points) {
        int d = kan.inputDimension();
        if (points.length == 0 || points.length % d != 0) {
            throw new IllegalArgumentException("grid refit needs a non-empty n x " + d + " point array, got length " + points.length);
        }
        for (int t = 0; t < points.length; t++) {
            if (!Double.isFinite(points[t])) {
                throw new IllegalArgumentException("grid refit point coordinate " + t + " is not finite: " + points[t]);
            }
        }
        return points;
    }

    static Kan update(Kan kan, double[] points, double uniformFraction, boolean[] layersToUpdate) {
        if (!(uniformFraction > 0 && uniformFraction <= 1)) {
            throw new IllegalArgumentException("uniform fraction of the grid update must be in (0, 1], got " + uniformFraction);
        }
        if (layersToUpdate.length != kan.layerCount()) {
            throw new IllegalArgumentException("grid update needs one flag per layer (" + kan.layerCount() + "), got "
                    + layersToUpdate.length);
        }
        int d = kan.inputDimension();
        double[][] nodes = kan.nodeValues(checkSamples(kan, points));
        int n = points.length / d;
        BSplineBasis[][] oldBases = kan.bases();
        BSplineBasis[][] newBases = new BSplineBasis[oldBases.length][];
        double[][][] samples = new double[oldBases.length][][];
        for (int l = 0; l < oldBases.length; l++) {
            int width = oldBases[l].length;
            newBases[l] = oldBases[l].clone();
            samples[l] = new double[width][];
            if (!layersToUpdate[l]) {
                continue;
            }
            for (int i = 0; i < width; i++) {
                double[] x = new double[n];
                for (int t = 0; t < n; t++) {
                    x[t] = nodes[l][t * width + i];
                }
                if (!allFinite(x)) {
                    throw new IllegalStateException("layer " + l + " node " + i + " has non-finite values: cannot update its grid");
                }
                Arrays.sort(x);
                samples[l][i] = x;
                double[] grid = adaptiveGrid(x, oldBases[l][i].intervals(), uniformFraction);
                if (grid != null) {
                    newBases[l][i] = BSplineBasis.onGrid(grid, oldBases[l][i].degree());
                }
            }
        }
        return refit(kan, newBases, (l, i, oldBasis, newBasis) -> {
            if (oldBasis == newBasis) {
                return null;
            }
            return sampleFit(samples[l][i], newBasis);
        });
    }

    /** Quantile grid of sorted values mixed with their uniform grid; null if the values are (nearly) constant. */
    static double[] adaptiveGrid(double[] sorted, int intervals, double uniformFraction) {
        double lo = sorted[0];
        double hi = sorted[sorted.length - 1];
        if (!(hi - lo > 1e-12 * Math.max(1.0, Math.abs(lo) + Math.abs(hi)))) {
            return null;
        }
        double[] grid = new double[intervals + 1];
        int n = sorted.length;
        for (int s = 0; s <= intervals; s++) {
            double quantile = sorted[(int) Math.round((double) s * (n - 1) / intervals)];
            double uniform = lo + (hi - lo) * s / intervals;
            grid[s] = uniformFraction * uniform + (1 - uniformFraction) * quantile;
        }
        grid[0] = lo;
        grid[intervals] = hi;
        return grid;
    }

    private static BSplineBasis refine(BSplineBasis old, int intervals) {
        if (old.isUniform()) {
            return BSplineBasis.uniform(old.lower(), old.upper(), intervals, old.degree());
        }
        // keep the adaptive density: new grid points interpolate the old ones at fractional indices
        double[] oldGrid = old.grid();
        double[] grid = new double[intervals + 1];
        for (int s = 0; s <= intervals; s++) {
            double pos = (double) s * old.intervals() / intervals;
            int a = Math.min((int) pos, old.intervals() - 1);
            double f = pos - a;
            grid[s] = oldGrid[a] + f * (oldGrid[a + 1] - oldGrid[a]);
        }
        grid[0] = oldGrid[0];
        grid[intervals] = oldGrid[old.intervals()];
        return BSplineBasis.onGrid(grid, old.degree());
    }

    /**
     * Fit points and weights over the new grid range: (k+1)-point Gauss rules on every piece between
     * old and new grid points, so that the weighted least squares is the exact L2 projection of the
     * old spline (a piecewise polynomial on those pieces, extrapolated beyond its range) onto the new
     * spline space.
     */
    private static double[][] unionGaussPoints(BSplineBasis oldBasis, BSplineBasis newBasis) {
        double[] a = oldBasis.grid();
        double[] b = newBasis.grid();
        double[] merged = new double[a.length + b.length];
        System.arraycopy(a, 0, merged, 0, a.length);
        System.arraycopy(b, 0, merged, a.length, b.length);
        Arrays.sort(merged);
        double lo = b[0];
        double hi = b[b.length - 1];
        int k = Math.max(oldBasis.degree(), newBasis.degree());
        GaussIntegrator rule = new GaussIntegratorFactory().legendre(k + 1, 0, 1);
        double tol = 1e-14 * (hi - lo);
        int pieces = 0;
        double[] ends = new double[merged.length];
        for (double x : merged) {
            if (x >= lo - tol && x <= hi + tol && (pieces == 0 || x - ends[pieces - 1] > tol)) {
                ends[pieces++] = x;
            }
        }
        int q = rule.getNumberOfPoints();
        double[] x = new double[(pieces - 1) * q];
        double[] w = new double[x.length];
        for (int p = 0; p + 1 < pieces; p++) {
            double h = ends[p + 1] - ends[p];
            for (int r = 0; r < q; r++) {
                x[p * q + r] = ends[p] + h * rule.getPoint(r);
                w[p * q + r] = h * rule.getWeight(r);
            }
        }
        return new double[][] {x, w};
    }

    /**
     * Fit points for a grid update: the node's values (the empirical distribution) plus Gauss points
     * of small total weight on every new interval, which keep intervals without samples well posed.
     */
    private static double[][] sampleFit(double[] sorted, BSplineBasis basis) {
        int n = sorted.length;
        GaussIntegrator rule = new GaussIntegratorFactory().legendre(basis.degree() + 1, 0, 1);
        double[] grid = basis.grid();
        int q = rule.getNumberOfPoints();
        int extra = (grid.length - 1) * q;
        double[] x = new double[n + extra];
        double[] w = new double[n + extra];
        for (int t = 0; t < n; t++) {
            x[t] = sorted[t];
            w[t] = 1.0 / n;
        }
        double range = grid[grid.length - 1] - grid[0];
        for (int s = 0; s + 1 < grid.length; s++) {
            double h = grid[s + 1] - grid[s];
            for (int r = 0; r < q; r++) {
                x[n + s * q + r] = grid[s] + h * rule.getPoint(r);
                w[n + s * q + r] = 1e-3 * h * rule.getWeight(r) / range;
            }
        }
        return new double[][] {x, w};
    }

    @FunctionalInterface
    private interface FitPoints {
        /** Points and weights {x, w} on which edge splines of node (l, i) are refitted, or null to copy. */
        double[][] of(int layer, int node, BSplineBasis oldBasis, BSplineBasis newBasis);
    }

    private static Kan refit(Kan kan, BSplineBasis[][] newBases, FitPoints fitPoints) {
        Kan result = new Kan(kan.widths(), newBases, null);
        double[] oldP = kan.parameters();
        double[] newP = result.parameters();
        for (int l = 0; l < kan.layerCount(); l++) {
            KanLayer oldLayer = kan.layer(l);
            KanLayer newLayer = result.layer(l);
            for (int j = 0; j < oldLayer.outputs(); j++) {
                for (int i = 0; i < oldLayer.inputs(); i++) {
                    newP[newLayer.baseScaleIndex(j, i)] = oldP[oldLayer.baseScaleIndex(j, i)];
                    newP[newLayer.splineScaleIndex(j, i)] = oldP[oldLayer.splineScaleIndex(j, i)];
                }
            }
            for (int i = 0; i < oldLayer.inputs(); i++) {
                BSplineBasis oldBasis = oldLayer.basis(i);
                BSplineBasis newBasis = newLayer.basis(i);
                double[][] fit = fitPoints.of(l, i, oldBasis, newBasis);
                if (fit == null) {
                    for (int j = 0; j < oldLayer.outputs(); j++) {
                        System.arraycopy(oldP, oldLayer.coefficientIndex(j, i, 0), newP, newLayer.coefficientIndex(j, i, 0),
                                oldLayer.basisSize());
                    }
                } else {
                    fitNode(oldP, oldLayer, newP, newLayer, i, fit[0], fit[1]);
                }
            }
        }
        return result;
    }

    /** Weighted least squares of every edge spline leaving node i onto the new basis, all at once. */
    private static void fitNode(double[] oldP, KanLayer oldLayer, double[] newP, KanLayer newLayer, int i,
                                double[] x, double[] w) {
        BSplineBasis oldBasis = oldLayer.basis(i);
        BSplineBasis newBasis = newLayer.basis(i);
        int n = x.length;
        int nb = newBasis.size();
        int outputs = oldLayer.outputs();
        int k1 = newBasis.degree() + 1;
        double[][] a = new double[n][nb];
        double[][] y = new double[n][outputs];
        double[] values = new double[4 * k1];
        double[] spline = new double[1];
        double[] work = new double[4 * (oldBasis.degree() + 1)];
        for (int t = 0; t < n; t++) {
            double sw = Math.sqrt(w[t]);
            int first = newBasis.evaluate(x[t], 0, values, 0);
            for (int m = 0; m < k1; m++) {
                a[t][first + m] = sw * values[m];
            }
            for (int j = 0; j < outputs; j++) {
                oldBasis.spline(oldP, oldLayer.coefficientIndex(j, i, 0), x[t], 0, spline, work);
                y[t][j] = sw * spline[0];
            }
        }
        RealMatrix solution = new QRDecomposition(new Array2DRowRealMatrix(a, false))
                .getSolver().solve(new Array2DRowRealMatrix(y, false));
        for (int j = 0; j < outputs; j++) {
            for (int m = 0; m < nb; m++) {
                newP[newLayer.coefficientIndex(j, i, m)] = solution.getEntry(m, j);
            }
        }
    }

    private static boolean allFinite(double[] x) {
        for (double v : x) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
