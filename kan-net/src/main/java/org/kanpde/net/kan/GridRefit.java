package org.kanpde.net.kan;

import java.util.Arrays;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.kanpde.net.basis.EdgeBasis;
import org.kanpde.net.quadrature.GaussLegendre;

/**
 * Grid extension and grid update of a {@link Kan}: new bases per input node, and basis
 * coefficients refitted by weighted least squares so that each edge keeps its shape. The same code
 * serves every {@link EdgeBasis}: the basis says what its new version is ({@link EdgeBasis#withSize},
 * {@link EdgeBasis#withRange}, {@link EdgeBasis#adaptedTo}) and where fit points go
 * ({@link EdgeBasis#fitBreakpoints}, {@link EdgeBasis#fitPointsPerPiece}); the refit is the same
 * least-squares problem for all of them.
 *
 * <p>Only the basis part is refitted; w_b and w_s are copied, so the silu term is unchanged. A node
 * whose basis does not change keeps its coefficients exactly; a new basis that contains the old one
 * in closed form ({@link EdgeBasis#embed}: Chebyshev and Fourier to a larger size on the same range)
 * takes the old coefficients padded with zeros instead of a least-squares fit.
 */
final class GridRefit {
    private GridRefit() {
    }

    static Kan extend(Kan kan, int[] sizes, double[] samples) {
        checkExtendedSize(kan, sizes);
        double[][] nodes = samples == null ? null : kan.nodeValues(checkSamples(kan, samples));
        EdgeBasis[][] oldBases = kan.bases();
        EdgeBasis[][] newBases = new EdgeBasis[oldBases.length][];
        for (int l = 0; l < oldBases.length; l++) {
            int width = oldBases[l].length;
            newBases[l] = new EdgeBasis[width];
            for (int i = 0; i < width; i++) {
                EdgeBasis old = oldBases[l][i];
                double lo = old.lower();
                double hi = old.upper();
                if (nodes != null) {
                    for (int t = i; t < nodes[l].length; t += width) {
                        lo = Math.min(lo, nodes[l][t]);
                        hi = Math.max(hi, nodes[l][t]);
                    }
                }
                try {
                    newBases[l][i] = lo < old.lower() || hi > old.upper()
                            ? old.withRange(lo, hi, sizes[l])
                            : old.withSize(sizes[l]);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("grid extension of layer " + l + ": " + e.getMessage(), e);
                }
            }
        }
        return refit(kan, newBases, (l, i, oldBasis, newBasis) ->
                oldBasis == newBasis ? null : unionGaussPoints(oldBasis, newBasis));
    }

    /**
     * Refuses an extension whose network would be too large before any new basis (and its tables)
     * is built; sizes are those of the basis type at the new grid size ({@link
     * org.kanpde.net.basis.BasisType#size}), the degree kept.
     */
    private static void checkExtendedSize(Kan kan, int[] sizes) {
        int layers = kan.layerCount();
        int[] basisSizes = new int[layers];
        long[] tables = new long[layers];
        for (int l = 0; l < layers; l++) {
            KanLayer layer = kan.layer(l);
            try {
                basisSizes[l] = layer.basisType().size(sizes[l], layer.degree());
                tables[l] = layer.basisType().tableSize(sizes[l], layer.degree());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("grid extension of layer " + l + ": " + e.getMessage(), e);
            }
        }
        Kan.checkSize(kan.widths(), basisSizes, tables);
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
        EdgeBasis[][] oldBases = kan.bases();
        EdgeBasis[][] newBases = new EdgeBasis[oldBases.length][];
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
                try {
                    newBases[l][i] = oldBases[l][i].adaptedTo(x, uniformFraction);
                } catch (IllegalArgumentException e) {
                    // e.g. knots that coincide where samples repeat and the uniform fraction is tiny
                    throw new IllegalArgumentException("grid update of layer " + l + " node " + i + " (uniform fraction "
                            + uniformFraction + "): " + e.getMessage(), e);
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

    /**
     * Fit points and weights over the new basis's range: Gauss rules on every piece between the
     * old and new bases' breakpoints, with as many points per piece as the finer of the two asks.
     * For B-splines (k + 1 points between old and new grid points) the weighted least squares is
     * the exact L2 projection of the old spline (a piecewise polynomial on those pieces,
     * extrapolated beyond its range) onto the new spline space; for Chebyshev (n + 1 points) of
     * the old polynomial onto the new degree.
     */
    private static double[][] unionGaussPoints(EdgeBasis oldBasis, EdgeBasis newBasis) {
        double[] a = oldBasis.fitBreakpoints();
        double[] b = newBasis.fitBreakpoints();
        double[] merged = new double[a.length + b.length];
        System.arraycopy(a, 0, merged, 0, a.length);
        System.arraycopy(b, 0, merged, a.length, b.length);
        Arrays.sort(merged);
        double lo = b[0];
        double hi = b[b.length - 1];
        int q = Math.max(oldBasis.fitPointsPerPiece(), newBasis.fitPointsPerPiece());
        GaussLegendre rule = GaussLegendre.of(q);
        double[] unit = rule.unitNodes();
        double tol = 1e-14 * (hi - lo);
        int pieces = 0;
        double[] ends = new double[merged.length];
        for (double x : merged) {
            if (x >= lo - tol && x <= hi + tol && (pieces == 0 || x - ends[pieces - 1] > tol)) {
                ends[pieces++] = x;
            }
        }
        double[] x = new double[(pieces - 1) * q];
        double[] w = new double[x.length];
        for (int p = 0; p + 1 < pieces; p++) {
            double h = ends[p + 1] - ends[p];
            for (int r = 0; r < q; r++) {
                x[p * q + r] = ends[p] + h * unit[r];
                w[p * q + r] = h * (0.5 * rule.weight(r));
            }
        }
        return new double[][] {x, w};
    }

    /**
     * Fit points for a grid update: the node's values (the empirical distribution) plus Gauss points
     * of small total weight on every piece of the new basis, which keep pieces without samples well
     * posed.
     */
    private static double[][] sampleFit(double[] sorted, EdgeBasis basis) {
        int n = sorted.length;
        GaussLegendre rule = GaussLegendre.of(basis.fitPointsPerPiece());
        double[] unit = rule.unitNodes();
        double[] grid = basis.fitBreakpoints();
        int q = rule.size();
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
                x[n + s * q + r] = grid[s] + h * unit[r];
                w[n + s * q + r] = 1e-3 * h * (0.5 * rule.weight(r)) / range;
            }
        }
        return new double[][] {x, w};
    }

    @FunctionalInterface
    private interface FitPoints {
        /** Points and weights {x, w} on which edges of node (l, i) are refitted, or null to copy. */
        double[][] of(int layer, int node, EdgeBasis oldBasis, EdgeBasis newBasis);
    }

    private static Kan refit(Kan kan, EdgeBasis[][] newBases, FitPoints fitPoints) {
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
                EdgeBasis oldBasis = oldLayer.basis(i);
                EdgeBasis newBasis = newLayer.basis(i);
                double[][] fit = fitPoints.of(l, i, oldBasis, newBasis);
                if (fit == null) {
                    for (int j = 0; j < oldLayer.outputs(); j++) {
                        System.arraycopy(oldP, oldLayer.coefficientIndex(j, i, 0), newP, newLayer.coefficientIndex(j, i, 0),
                                oldLayer.basisSize());
                    }
                } else if (!embedNode(oldP, oldLayer, newP, newLayer, i)) {
                    fitNode(oldP, oldLayer, newP, newLayer, i, fit[0], fit[1]);
                }
            }
        }
        return result;
    }

    /** Closed-form coefficients of every edge leaving node i in the new basis, if it has them. */
    private static boolean embedNode(double[] oldP, KanLayer oldLayer, double[] newP, KanLayer newLayer, int i) {
        EdgeBasis oldBasis = oldLayer.basis(i);
        EdgeBasis newBasis = newLayer.basis(i);
        for (int j = 0; j < oldLayer.outputs(); j++) {
            if (!newBasis.embed(oldBasis, oldP, oldLayer.coefficientIndex(j, i, 0), newP, newLayer.coefficientIndex(j, i, 0))) {
                return false;
            }
        }
        return true;
    }

    /** Weighted least squares of every edge leaving node i onto the new basis, all at once. */
    private static void fitNode(double[] oldP, KanLayer oldLayer, double[] newP, KanLayer newLayer, int i,
                                double[] x, double[] w) {
        EdgeBasis oldBasis = oldLayer.basis(i);
        EdgeBasis newBasis = newLayer.basis(i);
        int n = x.length;
        int nb = newBasis.size();
        int outputs = oldLayer.outputs();
        int active = newBasis.activeCount();
        double[][] a = new double[n][nb];
        double[][] y = new double[n][outputs];
        double[] values = new double[(EdgeBasis.MAX_DERIVATIVE + 1) * active];
        double[] sum = new double[1];
        double[] work = new double[(EdgeBasis.MAX_DERIVATIVE + 1) * oldBasis.activeCount()];
        for (int t = 0; t < n; t++) {
            double sw = Math.sqrt(w[t]);
            int first = newBasis.evaluate(x[t], 0, values, 0);
            for (int m = 0; m < active; m++) {
                a[t][first + m] = sw * values[m];
            }
            for (int j = 0; j < outputs; j++) {
                oldBasis.evaluateSum(oldP, oldLayer.coefficientIndex(j, i, 0), x[t], 0, sum, work);
                y[t][j] = sw * sum[0];
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
