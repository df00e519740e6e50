package org.kanpde.net.kan;

import java.util.Arrays;

import org.kanpde.net.Derivatives;
import org.kanpde.net.Evaluator;
import org.kanpde.net.Jet;
import org.kanpde.net.SecondPairs;
import org.kanpde.net.TrialFunction;

/**
 * The evaluator of every KAN-like network: forward and reverse passes through layers whose output
 * nodes sum their incoming edges, with every intermediate in flat arrays allocated once. The edges
 * themselves ({@link LayerEdges}: spline edges of any basis, symbolic edges) only supply phi to
 * phi''' and their parameter adjoints; the chain rule through the nodes is written here, once.
 *
 * <p>Each node carries (v, g_k, s_p): its value, its gradient with respect to the network input and
 * its second derivatives over the carried pairs (k_p, l_p). An edge phi maps them as
 * <pre>
 *   y    += phi(x)
 *   gy_k += phi'(x) gx_k
 *   sy_p += phi''(x) gx_kp gx_lp + phi'(x) sx_p
 * </pre>
 * and the reverse pass, with A0 = ybar, A1 = sum_k gybar_k gx_k + sum_p sybar_p sx_p and
 * A2 = sum_p sybar_p gx_kp gx_lp, hands A0, A1, A2 to the edge (each constant theta gets
 * A0 dphi/dtheta + A1 dphi'/dtheta + A2 dphi''/dtheta) and propagates
 * xbar += A0 phi' + A1 phi'' + A2 phi''', gxbar_k += gybar_k phi' + sum_p sybar_p phi'' d(gx_kp gx_lp)/dgx_k,
 * sxbar_p += sybar_p phi'.
 *
 * <p>Not thread-safe: one evaluator per thread. Nothing is allocated per point.
 */
public final class LayerChain implements Evaluator {
    private static final int STRIDE = LayerEdges.STRIDE;

    private final TrialFunction function;
    private final Derivatives level;
    private final LayerEdges[] edges;
    private final boolean[][] zero;
    private final int d;
    private final int pairCount;
    private final int dd;
    private final int pp;
    private final int nd;
    private final int[] pk;
    private final int[] pl;
    /**
     * Whether the carried second derivatives are the Hessian's diagonal (pair q is (q, q)): the
     * chain's pair loops then index directly. With the input layer's gradient the identity and its
     * second derivatives zero, its edges touch one gradient and one second-derivative entry each;
     * {@link #forwardInput} and {@link #reverseLayer} use that.
     */
    private final boolean diagonal;
    private final double[][] v;
    private final double[][] g;
    private final double[][] s;
    private final double[][] vb;
    private final double[][] gb;
    private final double[][] sb;
    /** phi, phi', phi'', phi''' per edge, per layer. */
    private final double[][] phi;
    private final Jet jet;
    private final int maxNonZeros;
    private final int[] rowIndex;
    private final double[] rowValue;

    /**
     * @param function the network, whose {@link TrialFunction#parameters()} the edges read
     * @param level    the derivatives carried
     * @param edges    one per layer, layer l's outputs being layer l+1's inputs, the last with one output
     * @throws IllegalArgumentException if the layers do not chain, naming the layer
     */
    public LayerChain(TrialFunction function, Derivatives level, LayerEdges[] edges) {
        this.function = function;
        this.level = level;
        this.edges = edges.clone();
        int layers = edges.length;
        int[] widths = new int[layers + 1];
        widths[0] = edges[0].inputs();
        for (int l = 0; l < layers; l++) {
            if (edges[l].inputs() != widths[l]) {
                throw new IllegalArgumentException("layer " + l + " has " + edges[l].inputs() + " inputs, but layer "
                        + (l - 1) + " has " + widths[l] + " outputs");
            }
            widths[l + 1] = edges[l].outputs();
        }
        if (widths[layers] != 1 || widths[0] != function.inputDimension()) {
            throw new IllegalArgumentException("layers map " + widths[0] + " inputs to " + widths[layers]
                    + " outputs, need " + function.inputDimension() + " to 1");
        }
        this.d = widths[0];
        SecondPairs pairs = SecondPairs.of(level, d);
        this.pairCount = pairs.count();
        this.dd = level.order() >= 1 ? d : 0;
        this.pp = level.order() >= 2 ? pairCount : 0;
        this.nd = level.order() + 1;
        this.diagonal = level != Derivatives.HESSIAN;
        this.pk = new int[pairCount];
        this.pl = new int[pairCount];
        for (int p = 0; p < pairCount; p++) {
            pk[p] = pairs.k(p);
            pl[p] = pairs.l(p);
        }
        v = new double[layers + 1][];
        g = new double[layers + 1][];
        s = new double[layers + 1][];
        vb = new double[layers + 1][];
        gb = new double[layers + 1][];
        sb = new double[layers + 1][];
        for (int l = 0; l <= layers; l++) {
            v[l] = new double[widths[l]];
            g[l] = new double[widths[l] * d];
            s[l] = new double[widths[l] * pairCount];
            vb[l] = new double[widths[l]];
            gb[l] = new double[widths[l] * d];
            sb[l] = new double[widths[l] * pairCount];
        }
        for (int k = 0; k < d; k++) {
            g[0][k * d + k] = 1.0;
        }
        zero = new boolean[layers][];
        phi = new double[layers][];
        int nnz = 0;
        for (int l = 0; l < layers; l++) {
            int count = widths[l] * widths[l + 1];
            zero[l] = edges[l].zeroEdges();
            phi[l] = new double[count * STRIDE];
            nnz += edges[l].maxNonZeros();
        }
        maxNonZeros = nnz;
        rowIndex = new int[nnz];
        rowValue = new double[nnz];
        jet = new Jet(d, level);
    }

    @Override
    public TrialFunction function() {
        return function;
    }

    @Override
    public Derivatives level() {
        return level;
    }

    @Override
    public int maxNonZeros() {
        return maxNonZeros;
    }

    /** Value of input node {@code node} of layer {@code layer} at the last forward point (layer 0: the input). */
    public double nodeValue(int layer, int node) {
        return v[layer][node];
    }

    /** Value of edge (l, j, i) at the last forward point (0 for a zero edge). */
    public double edgeValue(int l, int j, int i) {
        int e = j * v[l].length + i;
        return zero[l] != null && zero[l][e] ? 0.0 : phi[l][STRIDE * e];
    }

    @Override
    public Jet forward(double[] points, int offset) {
        System.arraycopy(points, offset, v[0], 0, d);
        double[] p = function.parameters();
        if (diagonal) {
            forwardInput(p);
        } else {
            forwardLayer(0, p);
        }
        for (int l = 1; l < edges.length; l++) {
            forwardLayer(l, p);
        }
        int top = edges.length;
        jet.set(v[top][0], g[top], s[top]);
        return jet;
    }

    /**
     * The input layer when the second derivatives are diagonal: node i's gradient is e_i and its
     * second derivatives are 0, so edge (j, i) adds phi' to gy_ji and phi'' to sy_ji only. The
     * same sums as {@link #forwardLayer}, without the terms that are exactly 0 (adding +0.0 or
     * 1 * phi' changes no bit).
     */
    private void forwardInput(double[] p) {
        LayerEdges layer = edges[0];
        int nIn = d;
        int nOut = v[1].length;
        double[] xv = v[0];
        double[] yv = v[1];
        double[] yg = g[1];
        double[] ys = s[1];
        double[] ph = phi[0];
        boolean[] skip = zero[0];
        // the input nodes need no adjoint, so no phi''': their edges stop at the carried order
        int upTo = Math.max(1, nd - 1);
        layer.prepare(xv, upTo);
        Arrays.fill(yv, 0.0);
        Arrays.fill(yg, 0.0);
        Arrays.fill(ys, 0.0);
        for (int j = 0; j < nOut; j++) {
            for (int i = 0; i < nIn; i++) {
                int e = j * nIn + i;
                if (skip != null && skip[e]) {
                    continue;
                }
                layer.phi(e, i, xv[i], upTo, p, ph);
                int eo = STRIDE * e;
                yv[j] += ph[eo];
                if (dd > 0) {
                    yg[j * d + i] += ph[eo + 1];
                }
                if (pp > 0) {
                    ys[j * pairCount + i] += ph[eo + 2];
                }
            }
        }
    }

    private void forwardLayer(int l, double[] p) {
        LayerEdges layer = edges[l];
        int nIn = v[l].length;
        int nOut = v[l + 1].length;
        double[] xv = v[l];
        double[] xg = g[l];
        double[] xs = s[l];
        double[] yv = v[l + 1];
        double[] yg = g[l + 1];
        double[] ys = s[l + 1];
        double[] ph = phi[l];
        boolean[] skip = zero[l];
        layer.prepare(xv, nd);
        Arrays.fill(yv, 0.0);
        Arrays.fill(yg, 0.0);
        Arrays.fill(ys, 0.0);
        for (int j = 0; j < nOut; j++) {
            for (int i = 0; i < nIn; i++) {
                int e = j * nIn + i;
                if (skip != null && skip[e]) {
                    continue;
                }
                layer.phi(e, i, xv[i], nd, p, ph);
                int eo = STRIDE * e;
                double ph1 = ph[eo + 1];
                double ph2 = ph[eo + 2];
                yv[j] += ph[eo];
                int gi = i * d;
                int gj = j * d;
                for (int k = 0; k < dd; k++) {
                    yg[gj + k] += ph1 * xg[gi + k];
                }
                int si = i * pairCount;
                int sj = j * pairCount;
                if (diagonal) {
                    for (int q = 0; q < pp; q++) {
                        ys[sj + q] += ph2 * xg[gi + q] * xg[gi + q] + ph1 * xs[si + q];
                    }
                } else {
                    for (int q = 0; q < pp; q++) {
                        ys[sj + q] += ph2 * xg[gi + pk[q]] * xg[gi + pl[q]] + ph1 * xs[si + q];
                    }
                }
            }
        }
    }

    @Override
    public void backward(double ubar, double[] gbar, double[] sbar, double[] gradient) {
        scatter(reverse(ubar, gbar, sbar, null, rowIndex, rowValue), gradient);
    }

    private void scatter(int n, double[] gradient) {
        for (int t = 0; t < n; t++) {
            gradient[rowIndex[t]] += rowValue[t];
        }
    }

    @Override
    public int backwardSparse(double ubar, double[] gbar, double[] sbar, int[] index, double[] value) {
        return reverse(ubar, gbar, sbar, null, index, value);
    }

    /**
     * Reverse pass for the last forward point of L = ubar u + sum_l sum_e w[l][e] phi_{l,e}(x), a
     * weighted sum of the output and of the edge values (e = j n_l + i): adds dL/dtheta to
     * {@code gradient}. This is what regularizers on edge activations need.
     *
     * @param ubar        adjoint of u
     * @param edgeWeights one array per layer with one weight per edge (not modified)
     * @param gradient    accumulated into (length {@link TrialFunction#parameterCount()}; modified)
     * @throws IllegalArgumentException if the weights do not match the layers and edges
     */
    public void backwardEdges(double ubar, double[][] edgeWeights, double[] gradient) {
        if (edgeWeights.length != edges.length) {
            throw new IllegalArgumentException("need edge weights for " + edges.length + " layers, got " + edgeWeights.length);
        }
        for (int l = 0; l < edges.length; l++) {
            int count = v[l].length * v[l + 1].length;
            if (edgeWeights[l].length != count) {
                throw new IllegalArgumentException("layer " + l + " has " + count + " edges, got " + edgeWeights[l].length + " weights");
            }
        }
        scatter(reverse(ubar, null, null, edgeWeights, rowIndex, rowValue), gradient);
    }

    private int reverse(double ubar, double[] gbar, double[] sbar, double[][] edgeWeights, int[] index, double[] value) {
        int top = edges.length;
        vb[top][0] = ubar;
        for (int k = 0; k < dd; k++) {
            gb[top][k] = gbar == null ? 0.0 : gbar[k];
        }
        for (int q = 0; q < pp; q++) {
            sb[top][q] = sbar == null ? 0.0 : sbar[q];
        }
        double[] p = function.parameters();
        int n = 0;
        for (int l = top - 1; l >= 0; l--) {
            n = reverseLayer(l, p, edgeWeights == null ? null : edgeWeights[l], index, value, n);
        }
        return n;
    }

    /** The parameter adjoints of layer l's edges, and the adjoints of its input nodes (l &gt; 0). */
    private int reverseLayer(int l, double[] p, double[] edgeWeight, int[] index, double[] value, int n) {
        LayerEdges layer = edges[l];
        boolean second = pp > 0;
        int nIn = v[l].length;
        int nOut = v[l + 1].length;
        boolean inputAdjoint = l > 0;
        double[] xv = v[l];
        double[] xg = g[l];
        double[] xs = s[l];
        double[] yb = vb[l + 1];
        double[] ygb = gb[l + 1];
        double[] ysb = sb[l + 1];
        double[] xb = vb[l];
        double[] xgb = gb[l];
        double[] xsb = sb[l];
        if (inputAdjoint) {
            Arrays.fill(xb, 0.0);
            Arrays.fill(xgb, 0.0);
            Arrays.fill(xsb, 0.0);
        }
        double[] ph = phi[l];
        boolean[] skip = zero[l];
        for (int j = 0; j < nOut; j++) {
            int gj = j * d;
            int sj = j * pairCount;
            for (int i = 0; i < nIn; i++) {
                int e = j * nIn + i;
                if (skip != null && skip[e]) {
                    continue;
                }
                double a0 = edgeWeight == null ? yb[j] : yb[j] + edgeWeight[e];
                int gi = i * d;
                int si = i * pairCount;
                double a1 = 0;
                double a2 = 0;
                if (!inputAdjoint && diagonal) {
                    // input layer: gx = e_i, sx = 0
                    a1 = dd > 0 ? 0.0 + ygb[gj + i] : 0.0;
                    a2 = pp > 0 ? 0.0 + ysb[sj + i] : 0.0;
                } else {
                    for (int k = 0; k < dd; k++) {
                        a1 += ygb[gj + k] * xg[gi + k];
                    }
                    if (diagonal) {
                        for (int q = 0; q < pp; q++) {
                            double w = ysb[sj + q];
                            a1 += w * xs[si + q];
                            a2 += w * xg[gi + q] * xg[gi + q];
                        }
                    } else {
                        for (int q = 0; q < pp; q++) {
                            double w = ysb[sj + q];
                            a1 += w * xs[si + q];
                            a2 += w * xg[gi + pk[q]] * xg[gi + pl[q]];
                        }
                    }
                }
                n = layer.adjoints(e, i, xv[i], a0, a1, a2, second, p, index, value, n);
                if (inputAdjoint) {
                    int eo = STRIDE * e;
                    double ph1 = ph[eo + 1];
                    double ph2 = ph[eo + 2];
                    xb[i] += a0 * ph1 + a1 * ph2 + a2 * ph[eo + 3];
                    for (int k = 0; k < dd; k++) {
                        xgb[gi + k] += ygb[gj + k] * ph1;
                    }
                    if (diagonal) {
                        for (int q = 0; q < pp; q++) {
                            double w = ysb[sj + q];
                            double w2 = w * ph2;
                            double x = w2 * xg[gi + q];
                            xgb[gi + q] += x;
                            xgb[gi + q] += x;
                            xsb[si + q] += w * ph1;
                        }
                    } else {
                        for (int q = 0; q < pp; q++) {
                            double w = ysb[sj + q];
                            double w2 = w * ph2;
                            xgb[gi + pk[q]] += w2 * xg[gi + pl[q]];
                            xgb[gi + pl[q]] += w2 * xg[gi + pk[q]];
                            xsb[si + q] += w * ph1;
                        }
                    }
                }
            }
        }
        return n;
    }
}
