package org.kanpde.net.kan;

import org.kanpde.net.Derivatives;
import org.kanpde.net.Evaluator;
import org.kanpde.net.Jet;
import org.kanpde.net.SecondPairs;
import org.kanpde.net.TrialFunction;
import org.kanpde.net.basis.EdgeBasis;

/**
 * Forward and reverse passes of a {@link Kan} at one point, with every intermediate in flat arrays
 * allocated once.
 *
 * <p>Each node carries (v, g_k, s_p): its value, its gradient with respect to the network input and
 * its second derivatives over the carried pairs (k_p, l_p). An edge phi maps them as
 * <pre>
 *   y   += phi(x)
 *   gy_k += phi'(x) gx_k
 *   sy_p += phi''(x) gx_kp gx_lp + phi'(x) sx_p
 * </pre>
 * and the reverse pass, with A0 = ybar, A1 = sum_k gybar_k gx_k + sum_p sybar_p sx_p and
 * A2 = sum_p sybar_p gx_kp gx_lp, gives dL/dc_m = w_s (A0 B_m + A1 B_m' + A2 B_m''), the same
 * combination of silu and of the spline for w_b and w_s, and the input adjoints
 * xbar += A0 phi' + A1 phi'' + A2 phi''', gxbar_k += gybar_k phi' + sum_p sybar_p phi'' d(gx_kp gx_lp)/dgx_k,
 * sxbar_p += sybar_p phi'.
 *
 * <p>The edge basis only supplies the values and derivatives of its active functions at a node's
 * value (k + 1 for B-splines, all of them for global bases); every loop runs over those.
 */
public final class KanEvaluator implements Evaluator {
    private static final int STRIDE = EdgeBasis.MAX_DERIVATIVE + 1;

    private final Kan kan;
    private final Derivatives level;
    private final int d;
    private final int pairCount;
    private final int dd;
    private final int pp;
    private final int nd;
    private final int[] pk;
    private final int[] pl;
    private final double[][] v;
    private final double[][] g;
    private final double[][] s;
    private final double[][] vb;
    private final double[][] gb;
    private final double[][] sb;
    private final EdgeBasis[][] bases;
    private final int[][] first;
    private final double[][] basis;
    private final double[][] silu;
    private final double[][] phi;
    private final double[][] spline;
    private final Jet jet;
    private final int maxNonZeros;
    private final int[] rowIndex;
    private final double[] rowValue;

    KanEvaluator(Kan kan, Derivatives level) {
        this.kan = kan;
        this.level = level;
        this.d = kan.inputDimension();
        SecondPairs pairs = SecondPairs.of(level, d);
        this.pairCount = pairs.count();
        this.dd = level.order() >= 1 ? d : 0;
        this.pp = level.order() >= 2 ? pairCount : 0;
        this.nd = level.order() + 1;
        this.pk = new int[pairCount];
        this.pl = new int[pairCount];
        for (int p = 0; p < pairCount; p++) {
            pk[p] = pairs.k(p);
            pl[p] = pairs.l(p);
        }
        int layers = kan.layerCount();
        int[] widths = kan.widths();
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
        bases = kan.bases();
        first = new int[layers][];
        basis = new double[layers][];
        silu = new double[layers][];
        phi = new double[layers][];
        spline = new double[layers][];
        int nnz = 0;
        for (int l = 0; l < layers; l++) {
            KanLayer layer = kan.layer(l);
            int k1 = layer.activeCount();
            first[l] = new int[layer.inputs()];
            basis[l] = new double[layer.inputs() * STRIDE * k1];
            silu[l] = new double[layer.inputs() * STRIDE];
            phi[l] = new double[layer.edges() * STRIDE];
            spline[l] = new double[layer.edges() * STRIDE];
            nnz += layer.edges() * (k1 + 2);
        }
        maxNonZeros = nnz;
        rowIndex = new int[nnz];
        rowValue = new double[nnz];
        jet = new Jet(d, level);
    }

    @Override
    public TrialFunction function() {
        return kan;
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

    @Override
    public Jet forward(double[] points, int offset) {
        System.arraycopy(points, offset, v[0], 0, d);
        double[] p = kan.parameters();
        for (int l = 0; l < kan.layerCount(); l++) {
            forwardLayer(l, p);
        }
        int top = kan.layerCount();
        jet.set(v[top][0], g[top], s[top]);
        return jet;
    }

    private void forwardLayer(int l, double[] p) {
        KanLayer layer = kan.layer(l);
        int nIn = layer.inputs();
        int nOut = layer.outputs();
        int k1 = layer.activeCount();
        int nb = layer.basisSize();
        int edges = layer.edges();
        int cBase = layer.offset();
        int wbBase = cBase + edges * nb;
        int wsBase = wbBase + edges;
        double[] xv = v[l];
        double[] xg = g[l];
        double[] xs = s[l];
        double[] yv = v[l + 1];
        double[] yg = g[l + 1];
        double[] ys = s[l + 1];
        double[] bas = basis[l];
        double[] sil = silu[l];
        double[] ph = phi[l];
        double[] sp = spline[l];
        int[] fst = first[l];
        int stride = STRIDE * k1;
        EdgeBasis[] nodeBases = bases[l];
        for (int i = 0; i < nIn; i++) {
            fst[i] = nodeBases[i].evaluate(xv[i], nd, bas, i * stride);
            Silu.derivatives(xv[i], sil, STRIDE * i);
        }
        java.util.Arrays.fill(yv, 0.0);
        java.util.Arrays.fill(yg, 0.0);
        java.util.Arrays.fill(ys, 0.0);
        for (int j = 0; j < nOut; j++) {
            for (int i = 0; i < nIn; i++) {
                int e = j * nIn + i;
                int c = cBase + e * nb + fst[i];
                int bo = i * stride;
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                if (nd == 3) {
                    for (int m = 0; m < k1; m++) {
                        double cm = p[c + m];
                        s0 += cm * bas[bo + m];
                        s1 += cm * bas[bo + k1 + m];
                        s2 += cm * bas[bo + 2 * k1 + m];
                        s3 += cm * bas[bo + 3 * k1 + m];
                    }
                } else {
                    for (int m = 0; m < k1; m++) {
                        double cm = p[c + m];
                        s0 += cm * bas[bo + m];
                        s1 += cm * bas[bo + k1 + m];
                        if (nd == 2) {
                            s2 += cm * bas[bo + 2 * k1 + m];
                        }
                    }
                }
                double wb = p[wbBase + e];
                double ws = p[wsBase + e];
                int so = STRIDE * i;
                int eo = STRIDE * e;
                double ph1 = wb * sil[so + 1] + ws * s1;
                double ph2 = nd >= 2 ? wb * sil[so + 2] + ws * s2 : 0.0;
                sp[eo] = s0;
                sp[eo + 1] = s1;
                sp[eo + 2] = s2;
                sp[eo + 3] = s3;
                ph[eo] = wb * sil[so] + ws * s0;
                ph[eo + 1] = ph1;
                ph[eo + 2] = ph2;
                ph[eo + 3] = nd >= 3 ? wb * sil[so + 3] + ws * s3 : 0.0;
                yv[j] += ph[eo];
                int gi = i * d;
                int gj = j * d;
                for (int k = 0; k < dd; k++) {
                    yg[gj + k] += ph1 * xg[gi + k];
                }
                int si = i * pairCount;
                int sj = j * pairCount;
                for (int q = 0; q < pp; q++) {
                    ys[sj + q] += ph2 * xg[gi + pk[q]] * xg[gi + pl[q]] + ph1 * xs[si + q];
                }
            }
        }
    }

    @Override
    public void backward(double ubar, double[] gbar, double[] sbar, double[] gradient) {
        int n = reverse(ubar, gbar, sbar, rowIndex, rowValue);
        for (int t = 0; t < n; t++) {
            gradient[rowIndex[t]] += rowValue[t];
        }
    }

    @Override
    public int backwardSparse(double ubar, double[] gbar, double[] sbar, int[] index, double[] value) {
        return reverse(ubar, gbar, sbar, index, value);
    }

    private int reverse(double ubar, double[] gbar, double[] sbar, int[] index, double[] value) {
        int top = kan.layerCount();
        vb[top][0] = ubar;
        for (int k = 0; k < dd; k++) {
            gb[top][k] = gbar == null ? 0.0 : gbar[k];
        }
        for (int q = 0; q < pp; q++) {
            sb[top][q] = sbar == null ? 0.0 : sbar[q];
        }
        double[] p = kan.parameters();
        int n = 0;
        for (int l = top - 1; l >= 0; l--) {
            n = reverseLayer(l, p, index, value, n);
        }
        return n;
    }

    private int reverseLayer(int l, double[] p, int[] index, double[] value, int n) {
        KanLayer layer = kan.layer(l);
        int nIn = layer.inputs();
        int nOut = layer.outputs();
        int k1 = layer.activeCount();
        int nb = layer.basisSize();
        int edges = layer.edges();
        int cBase = layer.offset();
        int wbBase = cBase + edges * nb;
        int wsBase = wbBase + edges;
        boolean inputAdjoint = l > 0;
        double[] xg = g[l];
        double[] xs = s[l];
        double[] yb = vb[l + 1];
        double[] ygb = gb[l + 1];
        double[] ysb = sb[l + 1];
        double[] xb = vb[l];
        double[] xgb = gb[l];
        double[] xsb = sb[l];
        if (inputAdjoint) {
            java.util.Arrays.fill(xb, 0.0);
            java.util.Arrays.fill(xgb, 0.0);
            java.util.Arrays.fill(xsb, 0.0);
        }
        double[] bas = basis[l];
        double[] sil = silu[l];
        double[] ph = phi[l];
        double[] sp = spline[l];
        int[] fst = first[l];
        int stride = STRIDE * k1;
        for (int j = 0; j < nOut; j++) {
            double a0 = yb[j];
            int gj = j * d;
            int sj = j * pairCount;
            for (int i = 0; i < nIn; i++) {
                int e = j * nIn + i;
                int gi = i * d;
                int si = i * pairCount;
                double a1 = 0;
                for (int k = 0; k < dd; k++) {
                    a1 += ygb[gj + k] * xg[gi + k];
                }
                double a2 = 0;
                for (int q = 0; q < pp; q++) {
                    double w = ysb[sj + q];
                    a1 += w * xs[si + q];
                    a2 += w * xg[gi + pk[q]] * xg[gi + pl[q]];
                }
                double ws = p[wsBase + e];
                int c = cBase + e * nb + fst[i];
                int bo = i * stride;
                int so = STRIDE * i;
                int eo = STRIDE * e;
                if (pp > 0) {
                    for (int m = 0; m < k1; m++) {
                        index[n] = c + m;
                        value[n++] = ws * (a0 * bas[bo + m] + a1 * bas[bo + k1 + m] + a2 * bas[bo + 2 * k1 + m]);
                    }
                    index[n] = wbBase + e;
                    value[n++] = a0 * sil[so] + a1 * sil[so + 1] + a2 * sil[so + 2];
                    index[n] = wsBase + e;
                    value[n++] = a0 * sp[eo] + a1 * sp[eo + 1] + a2 * sp[eo + 2];
                } else {
                    for (int m = 0; m < k1; m++) {
                        index[n] = c + m;
                        value[n++] = ws * (a0 * bas[bo + m] + a1 * bas[bo + k1 + m]);
                    }
                    index[n] = wbBase + e;
                    value[n++] = a0 * sil[so] + a1 * sil[so + 1];
                    index[n] = wsBase + e;
                    value[n++] = a0 * sp[eo] + a1 * sp[eo + 1];
                }
                if (inputAdjoint) {
                    double ph1 = ph[eo + 1];
                    double ph2 = ph[eo + 2];
                    xb[i] += a0 * ph1 + a1 * ph2 + a2 * ph[eo + 3];
                    for (int k = 0; k < dd; k++) {
                        xgb[gi + k] += ygb[gj + k] * ph1;
                    }
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
        return n;
    }
}
