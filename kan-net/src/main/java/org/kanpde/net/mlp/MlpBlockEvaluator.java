package org.kanpde.net.mlp;

import java.util.Arrays;

import org.kanpde.net.BlockEvaluator;
import org.kanpde.net.Derivatives;
import org.kanpde.net.SecondPairs;
import org.kanpde.net.TrialFunction;
import org.kanpde.net.linalg.RowKernels;

/**
 * Forward and reverse passes of an {@link Mlp} over a block of B points as matrix products.
 *
 * <p>Every node holds its C channels (value, gradient, second derivatives, as in
 * {@link MlpEvaluator}) for all B points of the block as one row of C*B numbers, laid out
 * {@code [node][channel][point]}. An affine layer is then one product of the weight matrix with the
 * rows of its inputs, the adjoints of its inputs another, and its weight gradient a third, over
 * all channels and points at once. Each weight is loaded once per block instead of once per point
 * and channel, and the inner loops run over C*B contiguous numbers, which the JIT vectorizes.
 * Every node's row is an array of its own, as {@link RowKernels} needs.
 *
 * <p>The forward pass adds the terms in the same degree as {@link MlpEvaluator}, so values and
 * input derivatives are bit-identical to it; parameter gradients agree to round-off (their sums
 * over points run in another order).
 */
final class MlpBlockEvaluator implements BlockEvaluator {
    private final Mlp mlp;
    private final Derivatives level;
    private final int d;
    private final int dd;
    private final int pp;
    private final int[] pk;
    private final int[] pl;
    private final int channels;
    private final int capacity;
    /** C * B: the length of one node's row. */
    private final int row;
    private final int[] widths;
    private final int layers;
    /** y[l][i]: row of input node i of layer l (y[0] holds the points and the unit seeds of their gradients). */
    private final double[][][] y;
    /** a[l][j]: row of the pre-activation of layer l's output j. */
    private final double[][][] a;
    /** act[l][j]: the activation and its first three derivatives at that pre-activation's values, B each. */
    private final double[][][] act;
    private final double[][][] yb;
    private final double[][][] ab;
    /** The adjoint rows of one layer transposed, {@code [channel * B + point][node]}. */
    private final double[][] adjointsT;
    /** One layer's weight gradient over the block, {@code [input][output]} as the parameters are laid out. */
    private final double[][] weightSums;
    private final double[] sum1;
    private final double[] sum2;
    private final double[] sigma = new double[4];
    private final double[] jets;
    private int count;

    MlpBlockEvaluator(Mlp mlp, Derivatives level, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("block capacity must be >= 1, got " + capacity);
        }
        this.mlp = mlp;
        this.level = level;
        this.d = mlp.inputDimension();
        SecondPairs pairs = SecondPairs.of(level, d);
        this.dd = level.order() >= 1 ? d : 0;
        this.pp = pairs.count();
        this.pk = new int[pp];
        this.pl = new int[pp];
        for (int p = 0; p < pp; p++) {
            pk[p] = pairs.k(p);
            pl[p] = pairs.l(p);
        }
        this.channels = 1 + dd + pp;
        this.capacity = capacity;
        this.row = channels * capacity;
        this.widths = mlp.widths();
        this.layers = widths.length - 1;
        y = new double[layers][][];
        a = new double[layers][][];
        act = new double[layers][][];
        yb = new double[layers][][];
        ab = new double[layers][][];
        int widest = 1;
        int widestIn = 1;
        for (int l = 0; l < layers; l++) {
            y[l] = new double[widths[l]][row];
            a[l] = new double[widths[l + 1]][row];
            ab[l] = new double[widths[l + 1]][row];
            if (l > 0) {
                yb[l] = new double[widths[l]][row];
            }
            if (l + 1 < layers) {
                act[l] = new double[widths[l + 1]][4 * capacity];
            }
            widest = Math.max(widest, widths[l + 1]);
            widestIn = Math.max(widestIn, widths[l]);
        }
        for (int k = 0; k < dd; k++) {
            Arrays.fill(y[0][k], (1 + k) * capacity, (2 + k) * capacity, 1.0);
        }
        this.adjointsT = new double[row][widest];
        this.weightSums = new double[widestIn][widest];
        this.sum1 = new double[capacity];
        this.sum2 = new double[capacity];
        this.jets = new double[row];
    }

    @Override
    public TrialFunction function() {
        return mlp;
    }

    @Override
    public Derivatives level() {
        return level;
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public double[] forward(double[] points, int offset, int count) {
        BlockEvaluator.checkBlock(points, offset, count, d, capacity);
        this.count = count;
        for (int i = 0; i < d; i++) {
            double[] in = y[0][i];
            for (int t = 0; t < count; t++) {
                in[t] = points[offset + t * d + i];
            }
            // unused slots compute on zeros and get zero adjoints
            Arrays.fill(in, count, capacity, 0.0);
        }
        double[] p = mlp.parameters();
        for (int l = 0; l < layers; l++) {
            affine(p, l);
            if (l + 1 < layers) {
                activate(l);
            }
        }
        double[] top = a[layers - 1][0];
        for (int c = 0; c < channels; c++) {
            for (int t = 0; t < count; t++) {
                jets[t * channels + c] = top[c * capacity + t];
            }
        }
        return jets;
    }

    /** a[l] = W_l y[l] + b_l (the bias only in the value channel). */
    private void affine(double[] p, int l) {
        int nIn = widths[l];
        int nOut = widths[l + 1];
        int w = mlp.layerOffset(l);
        int bias = w + nIn * nOut;
        double[][] in = y[l];
        for (int j = 0; j < nOut; j++) {
            double[] out = a[l][j];
            Arrays.fill(out, 0, capacity, p[bias + j]);
            Arrays.fill(out, capacity, row, 0.0);
            // inputs in increasing order, as the per-point evaluator adds them
            int i = 0;
            for (; i + 3 < nIn; i += 4) {
                RowKernels.addScaled(out, in[i], in[i + 1], in[i + 2], in[i + 3], p[w + i * nOut + j],
                        p[w + (i + 1) * nOut + j], p[w + (i + 2) * nOut + j], p[w + (i + 3) * nOut + j], row);
            }
            for (; i < nIn; i++) {
                RowKernels.addScaled(out, in[i], p[w + i * nOut + j], row);
            }
        }
    }

    /** y[l+1] = sigma(a[l]) with the chain rule on the derivative channels. */
    private void activate(int l) {
        int n = widths[l + 1];
        int b = capacity;
        Activation activation = mlp.activation();
        for (int j = 0; j < n; j++) {
            double[] pre = a[l][j];
            double[] out = y[l + 1][j];
            double[] s = act[l][j];
            for (int t = 0; t < b; t++) {
                activation.derivatives(pre[t], sigma, 0);
                s[t] = sigma[0];
                s[b + t] = sigma[1];
                s[2 * b + t] = sigma[2];
                s[3 * b + t] = sigma[3];
                out[t] = sigma[0];
            }
            for (int k = 0; k < dd; k++) {
                int c = (1 + k) * b;
                for (int t = 0; t < b; t++) {
                    out[c + t] = s[b + t] * pre[c + t];
                }
            }
            for (int q = 0; q < pp; q++) {
                int c = (1 + dd + q) * b;
                int ck = (1 + pk[q]) * b;
                int cl = (1 + pl[q]) * b;
                for (int t = 0; t < b; t++) {
                    out[c + t] = s[2 * b + t] * pre[ck + t] * pre[cl + t] + s[b + t] * pre[c + t];
                }
            }
        }
    }

    @Override
    public void backward(double[] adjoints, double[] gradient) {
        double[] top = ab[layers - 1][0];
        for (int c = 0; c < channels; c++) {
            int r = c * capacity;
            for (int t = 0; t < count; t++) {
                top[r + t] = adjoints[t * channels + c];
            }
            Arrays.fill(top, r + count, r + capacity, 0.0);
        }
        double[] p = mlp.parameters();
        for (int l = layers - 1; l >= 0; l--) {
            if (l + 1 < layers) {
                deactivate(l);
            }
            weightGradient(l, gradient);
            if (l > 0) {
                inputAdjoints(p, l);
            }
        }
    }

    /** Adds the block's gradient of layer l's biases and weights: dW_ji = sum over channels and points of adj_j y_i. */
    private void weightGradient(int l, double[] gradient) {
        int nIn = widths[l];
        int nOut = widths[l + 1];
        int w = mlp.layerOffset(l);
        int bias = w + nIn * nOut;
        double[][] adj = ab[l];
        double[][] in = y[l];
        double[][] at = adjointsT;
        for (int j = 0; j < nOut; j++) {
            double[] aj = adj[j];
            double s = 0;
            for (int t = 0; t < capacity; t++) {
                s += aj[t];
            }
            gradient[bias + j] += s;
            for (int t = 0; t < row; t++) {
                at[t][j] = aj[t];
            }
        }
        for (int i = 0; i < nIn; i++) {
            double[] yi = in[i];
            double[] sums = weightSums[i];
            Arrays.fill(sums, 0, nOut, 0.0);
            int t = 0;
            for (; t + 3 < row; t += 4) {
                if (yi[t] == 0 && yi[t + 1] == 0 && yi[t + 2] == 0 && yi[t + 3] == 0) {
                    // the input layer's unused derivative channels
                    continue;
                }
                RowKernels.addScaled(sums, at[t], at[t + 1], at[t + 2], at[t + 3], yi[t], yi[t + 1], yi[t + 2], yi[t + 3], nOut);
            }
            for (; t < row; t++) {
                RowKernels.addScaled(sums, at[t], yi[t], nOut);
            }
            int g = w + i * nOut;
            for (int j = 0; j < nOut; j++) {
                gradient[g + j] += sums[j];
            }
        }
    }

    /** yb[l] = W_l^T ab[l]: the adjoints of layer l's inputs. */
    private void inputAdjoints(double[] p, int l) {
        int nIn = widths[l];
        int nOut = widths[l + 1];
        int w = mlp.layerOffset(l);
        double[][] adj = ab[l];
        for (int i = 0; i < nIn; i++) {
            double[] inb = yb[l][i];
            int wr = w + i * nOut;
            Arrays.fill(inb, 0.0);
            int j = 0;
            for (; j + 3 < nOut; j += 4) {
                RowKernels.addScaled(inb, adj[j], adj[j + 1], adj[j + 2], adj[j + 3], p[wr + j], p[wr + j + 1], p[wr + j + 2],
                        p[wr + j + 3], row);
            }
            for (; j < nOut; j++) {
                RowKernels.addScaled(inb, adj[j], p[wr + j], row);
            }
        }
    }

    /** ab[l]: adjoints of layer l's pre-activations from those of its activated outputs yb[l+1]. */
    private void deactivate(int l) {
        int n = widths[l + 1];
        int b = capacity;
        for (int j = 0; j < n; j++) {
            double[] pre = a[l][j];
            double[] outb = yb[l + 1][j];
            double[] preb = ab[l][j];
            double[] s = act[l][j];
            Arrays.fill(sum1, 0.0);
            Arrays.fill(sum2, 0.0);
            for (int k = 0; k < dd; k++) {
                int c = (1 + k) * b;
                for (int t = 0; t < b; t++) {
                    sum1[t] += outb[c + t] * pre[c + t];
                    preb[c + t] = outb[c + t] * s[b + t];
                }
            }
            for (int q = 0; q < pp; q++) {
                int c = (1 + dd + q) * b;
                int ck = (1 + pk[q]) * b;
                int cl = (1 + pl[q]) * b;
                for (int t = 0; t < b; t++) {
                    double wq = outb[c + t];
                    sum1[t] += wq * pre[c + t];
                    sum2[t] += wq * pre[ck + t] * pre[cl + t];
                    preb[ck + t] += wq * s[2 * b + t] * pre[cl + t];
                    preb[cl + t] += wq * s[2 * b + t] * pre[ck + t];
                    preb[c + t] = wq * s[b + t];
                }
            }
            for (int t = 0; t < b; t++) {
                preb[t] = outb[t] * s[b + t] + sum1[t] * s[2 * b + t] + sum2[t] * s[3 * b + t];
            }
        }
    }
}
