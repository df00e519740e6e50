package org.kanpde.net.mlp;

import java.util.Arrays;

import org.kanpde.net.Derivatives;
import org.kanpde.net.Evaluator;
import org.kanpde.net.Jet;
import org.kanpde.net.SecondPairs;
import org.kanpde.net.TrialFunction;

/**
 * Forward and reverse passes of an {@link Mlp} at one point. Every node carries C = 1 + d + P
 * channels (value, gradient, second derivatives over the carried pairs) stored channel-major, so
 * an affine layer is the same matrix applied to each channel (the bias only to the value) and an
 * activation sigma maps (a, ga, sa) to (sigma(a), sigma'(a) ga_k, sigma''(a) ga_k ga_l + sigma'(a) sa_p).
 */
public final class MlpEvaluator implements Evaluator {
    private final Mlp mlp;
    private final Derivatives level;
    private final int d;
    private final int dd;
    private final int pp;
    private final int channels;
    private final int[] pk;
    private final int[] pl;
    private final int[] widths;
    /** y[l]: channels of the input nodes of layer l (y[0] is the network input). */
    private final double[][] y;
    /** a[l]: channels of the pre-activations of layer l's outputs. */
    private final double[][] a;
    private final double[][] act;
    private final double[][] yb;
    private final double[][] ab;
    private final double[] row;
    private final Jet jet;
    private final double[] gradOut;
    private final double[] secondOut;

    MlpEvaluator(Mlp mlp, Derivatives level) {
        this.mlp = mlp;
        this.level = level;
        this.d = mlp.inputDimension();
        SecondPairs pairs = SecondPairs.of(level, d);
        this.dd = level.order() >= 1 ? d : 0;
        this.pp = pairs.count();
        this.channels = 1 + dd + pp;
        this.pk = new int[pp];
        this.pl = new int[pp];
        for (int p = 0; p < pp; p++) {
            pk[p] = pairs.k(p);
            pl[p] = pairs.l(p);
        }
        this.widths = mlp.widths();
        int layers = widths.length - 1;
        y = new double[layers + 1][];
        a = new double[layers][];
        act = new double[layers][];
        yb = new double[layers + 1][];
        ab = new double[layers][];
        for (int l = 0; l <= layers; l++) {
            y[l] = new double[channels * widths[l]];
            yb[l] = new double[channels * widths[l]];
        }
        for (int l = 0; l < layers; l++) {
            a[l] = new double[channels * widths[l + 1]];
            ab[l] = new double[channels * widths[l + 1]];
            act[l] = new double[4 * widths[l + 1]];
        }
        for (int k = 0; k < dd; k++) {
            y[0][(1 + k) * d + k] = 1.0;
        }
        row = new double[mlp.parameterCount()];
        jet = new Jet(d, level);
        gradOut = new double[dd];
        secondOut = new double[pp];
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
    public int maxNonZeros() {
        return mlp.parameterCount();
    }

    @Override
    public Jet forward(double[] points, int offset) {
        System.arraycopy(points, offset, y[0], 0, d);
        double[] p = mlp.parameters();
        int layers = widths.length - 1;
        for (int l = 0; l < layers; l++) {
            int nIn = widths[l];
            int nOut = widths[l + 1];
            int w = mlp.layerOffset(l);
            int bias = w + nIn * nOut;
            double[] in = y[l];
            double[] out = a[l];
            Arrays.fill(out, 0.0);
            System.arraycopy(p, bias, out, 0, nOut);
            for (int c = 0; c < channels; c++) {
                int ci = c * nIn;
                int co = c * nOut;
                for (int i = 0; i < nIn; i++) {
                    double xi = in[ci + i];
                    if (xi == 0.0) {
                        continue;
                    }
                    int wr = w + i * nOut;
                    for (int j = 0; j < nOut; j++) {
                        out[co + j] += p[wr + j] * xi;
                    }
                }
            }
            if (l + 1 < layers) {
                activate(l, nOut);
            } else {
                System.arraycopy(out, 0, y[l + 1], 0, out.length);
            }
        }
        double[] top = y[layers];
        for (int k = 0; k < dd; k++) {
            gradOut[k] = top[1 + k];
        }
        for (int q = 0; q < pp; q++) {
            secondOut[q] = top[1 + dd + q];
        }
        jet.set(top[0], gradOut, secondOut);
        return jet;
    }

    private void activate(int l, int n) {
        double[] pre = a[l];
        double[] out = y[l + 1];
        double[] t = act[l];
        Activation activation = mlp.activation();
        for (int j = 0; j < n; j++) {
            activation.derivatives(pre[j], t, 4 * j);
            double t1 = t[4 * j + 1];
            double t2 = t[4 * j + 2];
            out[j] = t[4 * j];
            for (int k = 0; k < dd; k++) {
                out[(1 + k) * n + j] = t1 * pre[(1 + k) * n + j];
            }
            for (int q = 0; q < pp; q++) {
                int c = (1 + dd + q) * n + j;
                out[c] = t2 * pre[(1 + pk[q]) * n + j] * pre[(1 + pl[q]) * n + j] + t1 * pre[c];
            }
        }
    }

    @Override
    public void backward(double ubar, double[] gbar, double[] sbar, double[] gradient) {
        int layers = widths.length - 1;
        double[] top = yb[layers];
        top[0] = ubar;
        for (int k = 0; k < dd; k++) {
            top[1 + k] = gbar == null ? 0.0 : gbar[k];
        }
        for (int q = 0; q < pp; q++) {
            top[1 + dd + q] = sbar == null ? 0.0 : sbar[q];
        }
        double[] p = mlp.parameters();
        for (int l = layers - 1; l >= 0; l--) {
            int nIn = widths[l];
            int nOut = widths[l + 1];
            double[] adj = ab[l];
            if (l + 1 < layers) {
                deactivate(l, nOut);
            } else {
                System.arraycopy(yb[l + 1], 0, adj, 0, adj.length);
            }
            int w = mlp.layerOffset(l);
            int bias = w + nIn * nOut;
            double[] in = y[l];
            for (int j = 0; j < nOut; j++) {
                gradient[bias + j] += adj[j];
            }
            for (int c = 0; c < channels; c++) {
                int ci = c * nIn;
                int co = c * nOut;
                for (int i = 0; i < nIn; i++) {
                    double xi = in[ci + i];
                    if (xi == 0.0) {
                        continue;
                    }
                    int wr = w + i * nOut;
                    for (int j = 0; j < nOut; j++) {
                        gradient[wr + j] += adj[co + j] * xi;
                    }
                }
            }
            if (l > 0) {
                double[] inb = yb[l];
                for (int c = 0; c < channels; c++) {
                    int ci = c * nIn;
                    int co = c * nOut;
                    for (int i = 0; i < nIn; i++) {
                        int wr = w + i * nOut;
                        double sum = 0;
                        for (int j = 0; j < nOut; j++) {
                            sum += p[wr + j] * adj[co + j];
                        }
                        inb[ci + i] = sum;
                    }
                }
            }
        }
    }

    /** Adjoints of the pre-activations of layer l from the adjoints of its activated outputs. */
    private void deactivate(int l, int n) {
        double[] pre = a[l];
        double[] outb = yb[l + 1];
        double[] preb = ab[l];
        double[] t = act[l];
        for (int j = 0; j < n; j++) {
            double t1 = t[4 * j + 1];
            double t2 = t[4 * j + 2];
            double t3 = t[4 * j + 3];
            double a1 = 0;
            double a2 = 0;
            for (int k = 0; k < dd; k++) {
                a1 += outb[(1 + k) * n + j] * pre[(1 + k) * n + j];
                preb[(1 + k) * n + j] = outb[(1 + k) * n + j] * t1;
            }
            for (int q = 0; q < pp; q++) {
                int c = (1 + dd + q) * n + j;
                double w = outb[c];
                int ck = (1 + pk[q]) * n + j;
                int cl = (1 + pl[q]) * n + j;
                a1 += w * pre[c];
                a2 += w * pre[ck] * pre[cl];
                preb[ck] += w * t2 * pre[cl];
                preb[cl] += w * t2 * pre[ck];
                preb[c] = w * t1;
            }
            preb[j] = outb[j] * t1 + a1 * t2 + a2 * t3;
        }
    }

    @Override
    public int backwardSparse(double ubar, double[] gbar, double[] sbar, int[] index, double[] value) {
        Arrays.fill(row, 0.0);
        backward(ubar, gbar, sbar, row);
        for (int t = 0; t < row.length; t++) {
            index[t] = t;
            value[t] = row[t];
        }
        return row.length;
    }
}
