package org.kanpde.net.kan;

import org.kanpde.net.basis.BasisType;
import org.kanpde.net.basis.EdgeBasis;
import org.kanpde.net.mlp.Activation;
import org.kanpde.net.mlp.Mlp;
import org.kanpde.net.basis.BSplineBasis;

/**
 * "A KAN is just an MLP": the exact rewrite of a KAN with piecewise-linear edges as a ReLU
 * {@link Mlp}.
 *
 * <p>With degree-1 B-splines (k = 1) and no base function (every w_b = 0), an edge is the
 * piecewise-linear interpolant of its values v_0 .. v_G at the grid points g_0 .. g_G, continued
 * linearly beyond both ends (our splines extend their end intervals). With s_m its slope on
 * interval m,
 * <pre>
 *   phi(x) = v_0 + s_0 (relu(x - g_0) - relu(g_0 - x)) + sum_{m=1}^{G-1} (s_m - s_{m-1}) relu(x - g_m).
 * </pre>
 * The G + 1 ReLU units relu(x_i - g_0), relu(g_0 - x_i), relu(x_i - g_m) depend only on the input
 * node i, so all edges leaving node i share them. KAN layer l (n_l inputs, grid size G_l) thus becomes
 * affine (n_l -&gt; H_l = n_l (G_l + 1)) then ReLU then affine (H_l -&gt; n_{l+1}, the edge
 * combinations and the node sums). An MLP alternates affine maps and activations, so the affine map
 * that ends KAN layer l and the one that starts layer l + 1 merge into one affine map
 * H_l -&gt; H_{l+1}. The result is the MLP [n_0, H_0, H_1, ..., H_{L-1}, 1] with ReLU activations,
 * equal to the KAN everywhere up to round-off, inside and outside the grid ranges. It has more
 * parameters than the KAN: the merged maps are dense products of rank n_{l+1}.
 */
public final class KanToMlp {
    private KanToMlp() {
    }

    /** Hidden ReLU units that KAN layer {@code layer} becomes: n_in (G + 1). */
    public static int hiddenUnits(KanLayer layer) {
        return layer.inputs() * (layer.gridSize() + 1);
    }

    /**
     * The ReLU MLP equal to {@code kan}.
     *
     * @throws IllegalArgumentException if a layer's edges are not degree-1 B-splines or an edge has a
     *                                  non-zero base scale w_b (the message names the layer, the
     *                                  edge and the value)
     */
    public static Mlp convert(Kan kan) {
        int layers = kan.layerCount();
        double[] p = kan.parameters();
        for (int l = 0; l < layers; l++) {
            KanLayer layer = kan.layer(l);
            if (layer.basisType() != BasisType.BSPLINE) {
                throw new IllegalArgumentException("KAN-to-MLP needs degree-1 B-spline edges, layer " + l + " has "
                        + layer.basis(0).describe());
            }
            if (layer.degree() != 1) {
                throw new IllegalArgumentException("KAN-to-MLP needs degree-1 B-splines (k = 1, piecewise linear), layer " + l
                        + " has k = " + layer.degree());
            }
            for (int j = 0; j < layer.outputs(); j++) {
                for (int i = 0; i < layer.inputs(); i++) {
                    double wb = p[layer.baseScaleIndex(j, i)];
                    if (wb != 0.0) {
                        throw new IllegalArgumentException("KAN-to-MLP needs the base function off (w_b = 0), but layer " + l
                                + " edge " + i + " -> " + j + " has w_b = " + wb + " (build with baseFunction(false))");
                    }
                }
            }
        }
        // per KAN layer: A (n_l -> H_l, the ReLU arguments) and B (H_l -> n_{l+1}, the edge sums)
        double[][][] aW = new double[layers][][];
        double[][] aB = new double[layers][];
        double[][][] bW = new double[layers][][];
        double[][] bB = new double[layers][];
        for (int l = 0; l < layers; l++) {
            KanLayer layer = kan.layer(l);
            int g = layer.gridSize();
            int units = hiddenUnits(layer);
            aW[l] = new double[units][layer.inputs()];
            aB[l] = new double[units];
            bW[l] = new double[layer.outputs()][units];
            bB[l] = new double[layer.outputs()];
            double[] value = new double[1];
            double[] slope = new double[2];
            double[] work = new double[(EdgeBasis.MAX_DERIVATIVE + 1) * layer.activeCount()];
            for (int i = 0; i < layer.inputs(); i++) {
                EdgeBasis basis = layer.basis(i);
                double[] grid = ((BSplineBasis) basis).grid();
                int u0 = i * (g + 1);
                aW[l][u0][i] = 1.0;
                aB[l][u0] = -grid[0];
                aW[l][u0 + 1][i] = -1.0;
                aB[l][u0 + 1] = grid[0];
                for (int m = 1; m < g; m++) {
                    aW[l][u0 + 1 + m][i] = 1.0;
                    aB[l][u0 + 1 + m] = -grid[m];
                }
                for (int j = 0; j < layer.outputs(); j++) {
                    int c = layer.coefficientIndex(j, i, 0);
                    double ws = p[layer.splineScaleIndex(j, i)];
                    basis.evaluateSum(p, c, grid[0], 0, value, work);
                    bB[l][j] += ws * value[0];
                    double previous = 0;
                    for (int m = 0; m < g; m++) {
                        basis.evaluateSum(p, c, 0.5 * (grid[m] + grid[m + 1]), 1, slope, work);
                        double s = ws * slope[1];
                        if (m == 0) {
                            bW[l][j][u0] = s;
                            bW[l][j][u0 + 1] = -s;
                        } else {
                            bW[l][j][u0 + 1 + m] = s - previous;
                        }
                        previous = s;
                    }
                }
            }
        }
        int[] widths = new int[layers + 2];
        widths[0] = kan.inputDimension();
        for (int l = 0; l < layers; l++) {
            widths[l + 1] = aW[l].length;
        }
        widths[layers + 1] = 1;
        int count = 0;
        for (int t = 0; t + 1 < widths.length; t++) {
            count += widths[t] * widths[t + 1] + widths[t + 1];
        }
        double[] theta = new double[count];
        int offset = put(theta, 0, aW[0], aB[0]);
        for (int l = 1; l < layers; l++) {
            // A_l (B_{l-1} h + b_{l-1}) + a_l
            int rows = aW[l].length;
            int mid = bW[l - 1].length;
            int cols = bW[l - 1][0].length;
            double[][] w = new double[rows][cols];
            double[] b = aB[l].clone();
            for (int r = 0; r < rows; r++) {
                for (int k = 0; k < mid; k++) {
                    double f = aW[l][r][k];
                    if (f == 0.0) {
                        continue;
                    }
                    for (int c = 0; c < cols; c++) {
                        w[r][c] += f * bW[l - 1][k][c];
                    }
                    b[r] += f * bB[l - 1][k];
                }
            }
            offset = put(theta, offset, w, b);
        }
        put(theta, offset, bW[layers - 1], bB[layers - 1]);
        return Mlp.of(widths, Activation.RELU, theta);
    }

    /** Writes an affine layer in {@link Mlp}'s layout (weights input-major, then biases); returns the next offset. */
    private static int put(double[] theta, int offset, double[][] w, double[] b) {
        int out = w.length;
        int in = w[0].length;
        for (int r = 0; r < out; r++) {
            for (int c = 0; c < in; c++) {
                theta[offset + c * out + r] = w[r][c];
            }
            theta[offset + in * out + r] = b[r];
        }
        return offset + in * out + out;
    }
}
