package org.kanpde.interpret.symbolic;

import org.kanpde.net.basis.EdgeBasis;
import org.kanpde.net.kan.LayerEdges;
import org.kanpde.net.kan.NodeBases;
import org.kanpde.net.kan.SplineEdges;

/**
 * The edges of one {@link SymbolicKan} layer, as {@link LayerEdges} for the shared chain rule
 * ({@link org.kanpde.net.kan.LayerChain}). Each constant lives where the network put it (a
 * parameter, or a frozen value).
 *
 * <p>Spline edges use the KAN's own kernels ({@link SplineEdges#phi}), so a network converted from
 * a KAN gives bit-identical results. A symbolic edge phi = c f(t) + d, t = a x + b, has
 * phi' = c a f'(t), phi'' = c a^2 f''(t), phi''' = c a^3 f'''(t), and constant derivatives
 * <pre>
 *   d(phi, phi', phi'')/da = (c x f', c (f' + a x f''), c (2 a f'' + a^2 x f'''))
 *   d(phi, phi', phi'')/db = (c f',   c a f'',          c a^2 f''')
 *   d(phi, phi', phi'')/dc = (f,      a f',             a^2 f'')
 *   d(phi, phi', phi'')/dd = (1,      0,                0)
 * </pre>
 * Zero edges are skipped by the chain and never reach {@link #phi} or {@link #adjoints}.
 */
final class SymbolicEdges implements LayerEdges {
    private static final int STRIDE = LayerEdges.STRIDE;

    private final SymbolicKan net;
    private final int nIn;
    private final int nOut;
    private final EdgeKind[] kinds;
    private final SymbolicFunction[] functions;
    private final int[] loc;
    private final NodeBases nodes;
    private final double[] values;
    private final double[] silu;
    private final int[] first;
    private final int active;
    private final int stride;
    private final boolean[] zero;
    private final int maxNonZeros;
    /** Spline edges: the basis sums s, s', s'', s'''; symbolic edges: f, f', f'', f''' at t. */
    private final double[] aux;

    SymbolicEdges(SymbolicKan net, int l) {
        this.net = net;
        this.nIn = net.widths()[l];
        this.nOut = net.widths()[l + 1];
        this.kinds = net.kinds[l];
        this.functions = net.functions[l];
        this.loc = net.locs[l];
        int edges = nIn * nOut;
        EdgeBasis[] bases = new EdgeBasis[nIn];
        for (int i = 0; i < nIn; i++) {
            bases[i] = net.basis(l, i);
        }
        int k1 = bases[0].activeCount();
        boolean[] needed = new boolean[nIn];
        this.zero = new boolean[edges];
        int nnz = 0;
        for (int e = 0; e < edges; e++) {
            if (kinds[e] == EdgeKind.SPLINE) {
                needed[e % nIn] = true;
                nnz += (loc[4 * e] >= 0 ? k1 : 0) + (loc[4 * e + 1] >= 0 ? 1 : 0) + (loc[4 * e + 2] >= 0 ? 1 : 0);
            } else if (kinds[e] == EdgeKind.SYMBOLIC) {
                for (int r = 0; r < 4; r++) {
                    nnz += loc[4 * e + r] >= 0 ? 1 : 0;
                }
            } else {
                zero[e] = true;
            }
        }
        this.nodes = new NodeBases(bases, needed);
        this.values = nodes.values();
        this.silu = nodes.silu();
        this.first = nodes.first();
        this.active = k1;
        this.stride = STRIDE * k1;
        this.maxNonZeros = nnz;
        this.aux = new double[edges * STRIDE];
    }

    @Override
    public int inputs() {
        return nIn;
    }

    @Override
    public int outputs() {
        return nOut;
    }

    @Override
    public boolean[] zeroEdges() {
        return zero;
    }

    @Override
    public int maxNonZeros() {
        return maxNonZeros;
    }

    @Override
    public void prepare(double[] x, int derivative) {
        nodes.evaluate(x, derivative);
    }

    @Override
    public void phi(int e, int i, double x, int derivative, double[] p, double[] phi) {
        double[] fz = net.frozen;
        int eo = STRIDE * e;
        if (kinds[e] == EdgeKind.SPLINE) {
            int cl = loc[4 * e];
            SplineEdges.phi(values, i * stride, active, silu, STRIDE * i, cl >= 0 ? p : fz, (cl >= 0 ? cl : ~cl) + first[i],
                    value(loc[4 * e + 1], p, fz), value(loc[4 * e + 2], p, fz), derivative, phi, aux, eo);
        } else {
            double a = value(loc[4 * e], p, fz);
            double b = value(loc[4 * e + 1], p, fz);
            double c = value(loc[4 * e + 2], p, fz);
            double dc = value(loc[4 * e + 3], p, fz);
            functions[e].derivatives(a * x + b, aux, eo);
            double ca = c * a;
            phi[eo] = c * aux[eo] + dc;
            phi[eo + 1] = ca * aux[eo + 1];
            phi[eo + 2] = ca * a * aux[eo + 2];
            phi[eo + 3] = ca * a * a * aux[eo + 3];
        }
    }

    private static double value(int loc, double[] p, double[] fz) {
        return loc >= 0 ? p[loc] : fz[~loc];
    }

    @Override
    public int adjoints(int e, int i, double x, double a0, double a1, double a2, boolean second, double[] p,
                        int[] index, double[] value, int n) {
        double[] fz = net.frozen;
        if (kinds[e] != EdgeKind.SPLINE) {
            return symbolicAdjoints(e, x, a0, a1, a2, second, p, fz, index, value, n);
        }
        int cl = loc[4 * e];
        int wl = loc[4 * e + 1];
        int sl = loc[4 * e + 2];
        if (cl >= 0) {
            n = SplineEdges.coefficientAdjoints(values, i * stride, active, value(sl, p, fz), a0, a1, a2, second,
                    cl + first[i], index, value, n);
        }
        if (wl >= 0) {
            index[n] = wl;
            value[n++] = SplineEdges.combine(silu, STRIDE * i, a0, a1, a2, second);
        }
        if (sl >= 0) {
            index[n] = sl;
            value[n++] = SplineEdges.combine(aux, STRIDE * e, a0, a1, a2, second);
        }
        return n;
    }

    private int symbolicAdjoints(int e, double x, double a0, double a1, double a2, boolean second, double[] p,
                                 double[] fz, int[] index, double[] value, int n) {
        int la = loc[4 * e];
        int lb = loc[4 * e + 1];
        int lc = loc[4 * e + 2];
        int ld = loc[4 * e + 3];
        double a = value(la, p, fz);
        double c = value(lc, p, fz);
        int eo = STRIDE * e;
        double f0 = aux[eo];
        double f1 = aux[eo + 1];
        double f2 = aux[eo + 2];
        double f3 = aux[eo + 3];
        if (la >= 0) {
            double dv = c * x * f1;
            double d1 = c * (f1 + a * x * f2);
            double d2 = second ? c * (2 * a * f2 + a * a * x * f3) : 0.0;
            index[n] = la;
            value[n++] = a0 * dv + a1 * d1 + a2 * d2;
        }
        if (lb >= 0) {
            double d2 = second ? c * a * a * f3 : 0.0;
            index[n] = lb;
            value[n++] = a0 * c * f1 + a1 * c * a * f2 + a2 * d2;
        }
        if (lc >= 0) {
            double d2 = second ? a * a * f2 : 0.0;
            index[n] = lc;
            value[n++] = a0 * f0 + a1 * a * f1 + a2 * d2;
        }
        if (ld >= 0) {
            index[n] = ld;
            value[n++] = a0;
        }
        return n;
    }
}
