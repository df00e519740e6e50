package org.kanpde.interpret.symbolic;

import java.util.Arrays;

import org.kanpde.net.Derivatives;
import org.kanpde.net.Evaluator;
import org.kanpde.net.Jet;
import org.kanpde.net.SecondPairs;
import org.kanpde.net.TrialFunction;
import org.kanpde.net.kan.Silu;
import org.kanpde.net.basis.EdgeBasis;

/**
 * Forward and reverse passes of a {@link SymbolicKan} at one point. The node rules are those of
 * {@link org.kanpde.net.kan.KanEvaluator}: with per-node (v, g_k, s_p) an edge phi maps
 * <pre>
 *   y    += phi(x)
 *   gy_k += phi'(x) gx_k
 *   sy_p += phi''(x) gx_kp gx_lp + phi'(x) sx_p
 * </pre>
 * and the reverse pass, with A0 = ybar, A1 = sum_k gybar_k gx_k + sum_p sybar_p sx_p and
 * A2 = sum_p sybar_p gx_kp gx_lp, adds A0 dphi/dtheta + A1 dphi'/dtheta + A2 dphi''/dtheta to each
 * edge constant theta and propagates xbar += A0 phi' + A1 phi'' + A2 phi''',
 * gxbar_k += gybar_k phi' + sum_p sybar_p phi'' d(gx_kp gx_lp)/dgx_k, sxbar_p += sybar_p phi'.
 *
 * <p>A symbolic edge phi = c f(t) + d, t = a x + b, has phi' = c a f'(t), phi'' = c a^2 f''(t),
 * phi''' = c a^3 f'''(t), and constant derivatives
 * <pre>
 *   d(phi, phi', phi'')/da = (c x f', c (f' + a x f''), c (2 a f'' + a^2 x f'''))
 *   d(phi, phi', phi'')/db = (c f',   c a f'',          c a^2 f''')
 *   d(phi, phi', phi'')/dc = (f,      a f',             a^2 f'')
 *   d(phi, phi', phi'')/dd = (1,      0,                0)
 * </pre>
 * Spline edges are computed exactly as by the KAN evaluator (the same operations in the same degree),
 * so a network converted from a KAN gives bit-identical results. Zero edges cost nothing.
 *
 * <p>Not thread-safe: one evaluator per thread. Nothing is allocated per point.
 */
public final class SymbolicKanEvaluator implements Evaluator {
    private static final int STRIDE = EdgeBasis.MAX_DERIVATIVE + 1;

    private final SymbolicKan net;
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
    private final int[][] first;
    private final double[][] basis;
    private final double[][] silu;
    private final boolean[][] needsBasis;
    private final EdgeBasis[][] bases;
    /** phi, phi', phi'', phi''' per edge. */
    private final double[][] phi;
    /** Spline edges: the spline s, s', s'', s'''; symbolic edges: f, f', f'', f''' at t. */
    private final double[][] aux;
    private final Jet jet;
    private final int maxNonZeros;
    private final int[] rowIndex;
    private final double[] rowValue;

    SymbolicKanEvaluator(SymbolicKan net, Derivatives level) {
        this.net = net;
        this.level = level;
        this.d = net.inputDimension();
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
        int layers = net.layerCount();
        int[] widths = net.widths();
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
        first = new int[layers][];
        basis = new double[layers][];
        silu = new double[layers][];
        needsBasis = new boolean[layers][];
        bases = new EdgeBasis[layers][];
        phi = new double[layers][];
        aux = new double[layers][];
        int nnz = 0;
        for (int l = 0; l < layers; l++) {
            int nIn = widths[l];
            int edges = nIn * widths[l + 1];
            int k1 = net.basis(l, 0).activeCount();
            first[l] = new int[nIn];
            basis[l] = new double[nIn * STRIDE * k1];
            silu[l] = new double[nIn * STRIDE];
            needsBasis[l] = new boolean[nIn];
            bases[l] = new EdgeBasis[nIn];
            for (int i = 0; i < nIn; i++) {
                bases[l][i] = net.basis(l, i);
            }
            phi[l] = new double[edges * STRIDE];
            aux[l] = new double[edges * STRIDE];
            int[] loc = net.locs[l];
            for (int e = 0; e < edges; e++) {
                EdgeKind kind = net.kinds[l][e];
                if (kind == EdgeKind.SPLINE) {
                    needsBasis[l][e % nIn] = true;
                    nnz += (loc[4 * e] >= 0 ? k1 : 0) + (loc[4 * e + 1] >= 0 ? 1 : 0) + (loc[4 * e + 2] >= 0 ? 1 : 0);
                } else if (kind == EdgeKind.SYMBOLIC) {
                    for (int r = 0; r < 4; r++) {
                        nnz += loc[4 * e + r] >= 0 ? 1 : 0;
                    }
                }
            }
        }
        maxNonZeros = nnz;
        rowIndex = new int[nnz];
        rowValue = new double[nnz];
        jet = new Jet(d, level);
    }

    @Override
    public TrialFunction function() {
        return net;
    }

    @Override
    public Derivatives level() {
        return level;
    }

    @Override
    public int maxNonZeros() {
        return maxNonZeros;
    }

    /** Value of node {@code node} of layer {@code layer} at the last forward point (layer 0: the input). */
    public double nodeValue(int layer, int node) {
        return v[layer][node];
    }

    /** Value of edge (l, j, i) at the last forward point. */
    public double edgeValue(int l, int j, int i) {
        return phi[l][STRIDE * net.edgeIndex(l, j, i)];
    }

    @Override
    public Jet forward(double[] points, int offset) {
        System.arraycopy(points, offset, v[0], 0, d);
        double[] p = net.parameters();
        for (int l = 0; l < net.layerCount(); l++) {
            forwardLayer(l, p);
        }
        int top = net.layerCount();
        jet.set(v[top][0], g[top], s[top]);
        return jet;
    }

    private void forwardLayer(int l, double[] p) {
        double[] fz = net.frozen;
        int nIn = v[l].length;
        int nOut = v[l + 1].length;
        EdgeKind[] kinds = net.kinds[l];
        SymbolicFunction[] functions = net.functions[l];
        int[] loc = net.locs[l];
        int k1 = bases[l][0].activeCount();
        double[] xv = v[l];
        double[] xg = g[l];
        double[] xs = s[l];
        double[] yv = v[l + 1];
        double[] yg = g[l + 1];
        double[] ys = s[l + 1];
        double[] bas = basis[l];
        double[] sil = silu[l];
        double[] ph = phi[l];
        double[] ax = aux[l];
        int[] fst = first[l];
        boolean[] need = needsBasis[l];
        int stride = STRIDE * k1;
        for (int i = 0; i < nIn; i++) {
            if (need[i]) {
                fst[i] = bases[l][i].evaluate(xv[i], nd, bas, i * stride);
                Silu.derivatives(xv[i], sil, STRIDE * i);
            }
        }
        Arrays.fill(yv, 0.0);
        Arrays.fill(yg, 0.0);
        Arrays.fill(ys, 0.0);
        for (int j = 0; j < nOut; j++) {
            for (int i = 0; i < nIn; i++) {
                int e = j * nIn + i;
                EdgeKind kind = kinds[e];
                if (kind == EdgeKind.ZERO) {
                    continue;
                }
                int eo = STRIDE * e;
                double ph1;
                double ph2;
                if (kind == EdgeKind.SPLINE) {
                    int cl = loc[4 * e];
                    double[] cs = cl >= 0 ? p : fz;
                    int c = (cl >= 0 ? cl : ~cl) + fst[i];
                    int bo = i * stride;
                    double s0 = 0;
                    double s1 = 0;
                    double s2 = 0;
                    double s3 = 0;
                    if (nd == 3) {
                        for (int m = 0; m < k1; m++) {
                            double cm = cs[c + m];
                            s0 += cm * bas[bo + m];
                            s1 += cm * bas[bo + k1 + m];
                            s2 += cm * bas[bo + 2 * k1 + m];
                            s3 += cm * bas[bo + 3 * k1 + m];
                        }
                    } else {
                        for (int m = 0; m < k1; m++) {
                            double cm = cs[c + m];
                            s0 += cm * bas[bo + m];
                            s1 += cm * bas[bo + k1 + m];
                            if (nd == 2) {
                                s2 += cm * bas[bo + 2 * k1 + m];
                            }
                        }
                    }
                    int wl = loc[4 * e + 1];
                    int sl = loc[4 * e + 2];
                    double wb = wl >= 0 ? p[wl] : fz[~wl];
                    double ws = sl >= 0 ? p[sl] : fz[~sl];
                    int so = STRIDE * i;
                    ph1 = wb * sil[so + 1] + ws * s1;
                    ph2 = nd >= 2 ? wb * sil[so + 2] + ws * s2 : 0.0;
                    ax[eo] = s0;
                    ax[eo + 1] = s1;
                    ax[eo + 2] = s2;
                    ax[eo + 3] = s3;
                    ph[eo] = wb * sil[so] + ws * s0;
                    ph[eo + 1] = ph1;
                    ph[eo + 2] = ph2;
                    ph[eo + 3] = nd >= 3 ? wb * sil[so + 3] + ws * s3 : 0.0;
                } else {
                    double a = value(loc[4 * e], p, fz);
                    double b = value(loc[4 * e + 1], p, fz);
                    double c = value(loc[4 * e + 2], p, fz);
                    double dc = value(loc[4 * e + 3], p, fz);
                    functions[e].derivatives(a * xv[i] + b, ax, eo);
                    double ca = c * a;
                    ph1 = ca * ax[eo + 1];
                    ph2 = ca * a * ax[eo + 2];
                    ph[eo] = c * ax[eo] + dc;
                    ph[eo + 1] = ph1;
                    ph[eo + 2] = ph2;
                    ph[eo + 3] = ca * a * a * ax[eo + 3];
                }
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

    private static double value(int loc, double[] p, double[] fz) {
        return loc >= 0 ? p[loc] : fz[~loc];
    }

    @Override
    public void backward(double ubar, double[] gbar, double[] sbar, double[] gradient) {
        int n = reverse(ubar, gbar, sbar, null, rowIndex, rowValue);
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
     * {@code gradient}. This is what regularizers on edge activations need
     * (see {@link org.kanpde.interpret.prune.SparsityRegularizer}).
     *
     * @param ubar        adjoint of u
     * @param edgeWeights one array per layer with one weight per edge (not modified)
     * @param gradient    accumulated into (length {@link TrialFunction#parameterCount()}; modified)
     */
    public void backwardEdges(double ubar, double[][] edgeWeights, double[] gradient) {
        if (edgeWeights.length != net.layerCount()) {
            throw new IllegalArgumentException("need edge weights for " + net.layerCount() + " layers, got " + edgeWeights.length);
        }
        int n = reverse(ubar, null, null, edgeWeights, rowIndex, rowValue);
        for (int t = 0; t < n; t++) {
            gradient[rowIndex[t]] += rowValue[t];
        }
    }

    private int reverse(double ubar, double[] gbar, double[] sbar, double[][] edgeWeights, int[] index, double[] value) {
        int top = net.layerCount();
        vb[top][0] = ubar;
        for (int k = 0; k < dd; k++) {
            gb[top][k] = gbar == null ? 0.0 : gbar[k];
        }
        for (int q = 0; q < pp; q++) {
            sb[top][q] = sbar == null ? 0.0 : sbar[q];
        }
        double[] p = net.parameters();
        int n = 0;
        for (int l = top - 1; l >= 0; l--) {
            n = reverseLayer(l, p, edgeWeights == null ? null : edgeWeights[l], index, value, n);
        }
        return n;
    }

    private int reverseLayer(int l, double[] p, double[] edgeWeight, int[] index, double[] value, int n) {
        double[] fz = net.frozen;
        int nIn = v[l].length;
        int nOut = v[l + 1].length;
        EdgeKind[] kinds = net.kinds[l];
        int[] loc = net.locs[l];
        int k1 = bases[l][0].activeCount();
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
        if (edgeWeight != null && edgeWeight.length != nIn * nOut) {
            throw new IllegalArgumentException("layer " + l + " has " + nIn * nOut + " edges, got " + edgeWeight.length + " weights");
        }
        double[] bas = basis[l];
        double[] sil = silu[l];
        double[] ph = phi[l];
        double[] ax = aux[l];
        int[] fst = first[l];
        int stride = STRIDE * k1;
        for (int j = 0; j < nOut; j++) {
            int gj = j * d;
            int sj = j * pairCount;
            for (int i = 0; i < nIn; i++) {
                int e = j * nIn + i;
                EdgeKind kind = kinds[e];
                if (kind == EdgeKind.ZERO) {
                    continue;
                }
                double a0 = edgeWeight == null ? yb[j] : yb[j] + edgeWeight[e];
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
                int eo = STRIDE * e;
                if (kind == EdgeKind.SPLINE) {
                    int cl = loc[4 * e];
                    int wl = loc[4 * e + 1];
                    int sl = loc[4 * e + 2];
                    double ws = sl >= 0 ? p[sl] : fz[~sl];
                    int bo = i * stride;
                    int so = STRIDE * i;
                    if (pp > 0) {
                        if (cl >= 0) {
                            int c = cl + fst[i];
                            for (int m = 0; m < k1; m++) {
                                index[n] = c + m;
                                value[n++] = ws * (a0 * bas[bo + m] + a1 * bas[bo + k1 + m] + a2 * bas[bo + 2 * k1 + m]);
                            }
                        }
                        if (wl >= 0) {
                            index[n] = wl;
                            value[n++] = a0 * sil[so] + a1 * sil[so + 1] + a2 * sil[so + 2];
                        }
                        if (sl >= 0) {
                            index[n] = sl;
                            value[n++] = a0 * ax[eo] + a1 * ax[eo + 1] + a2 * ax[eo + 2];
                        }
                    } else {
                        if (cl >= 0) {
                            int c = cl + fst[i];
                            for (int m = 0; m < k1; m++) {
                                index[n] = c + m;
                                value[n++] = ws * (a0 * bas[bo + m] + a1 * bas[bo + k1 + m]);
                            }
                        }
                        if (wl >= 0) {
                            index[n] = wl;
                            value[n++] = a0 * sil[so] + a1 * sil[so + 1];
                        }
                        if (sl >= 0) {
                            index[n] = sl;
                            value[n++] = a0 * ax[eo] + a1 * ax[eo + 1];
                        }
                    }
                } else {
                    int la = loc[4 * e];
                    int lb = loc[4 * e + 1];
                    int lc = loc[4 * e + 2];
                    int ld = loc[4 * e + 3];
                    double a = value(la, p, fz);
                    double c = value(lc, p, fz);
                    double x = xv[i];
                    double f0 = ax[eo];
                    double f1 = ax[eo + 1];
                    double f2 = ax[eo + 2];
                    double f3 = ax[eo + 3];
                    if (la >= 0) {
                        double dv = c * x * f1;
                        double d1 = c * (f1 + a * x * f2);
                        double d2 = pp > 0 ? c * (2 * a * f2 + a * a * x * f3) : 0.0;
                        index[n] = la;
                        value[n++] = a0 * dv + a1 * d1 + a2 * d2;
                    }
                    if (lb >= 0) {
                        double d2 = pp > 0 ? c * a * a * f3 : 0.0;
                        index[n] = lb;
                        value[n++] = a0 * c * f1 + a1 * c * a * f2 + a2 * d2;
                    }
                    if (lc >= 0) {
                        double d2 = pp > 0 ? a * a * f2 : 0.0;
                        index[n] = lc;
                        value[n++] = a0 * f0 + a1 * a * f1 + a2 * d2;
                    }
                    if (ld >= 0) {
                        index[n] = ld;
                        value[n++] = a0;
                    }
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
