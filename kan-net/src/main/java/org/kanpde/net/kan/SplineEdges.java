package org.kanpde.net.kan;

import org.kanpde.net.basis.EdgeBasis;

/**
 * The edges of one {@link Kan} layer, phi(x) = w_b silu(x) + w_s sum_m c_m B_m(x) with any edge
 * basis, as {@link LayerEdges}: parameters in the layer's contiguous layout ({@link KanLayer}).
 *
 * <p>The per-edge arithmetic is in the static kernels {@link #phi} and {@link #coefficientAdjoints}
 * (with {@link #combine}), which the symbolic networks of the interpret module call for their spline
 * edges, wherever those keep their constants: a network converted from a KAN then gives bit-identical
 * results. Their long argument lists are the price of serving both: each caller passes where its
 * constants are, and nothing is allocated or looked up per edge.
 */
public final class SplineEdges implements LayerEdges {
    private static final int STRIDE = LayerEdges.STRIDE;

    private final KanLayer layer;
    private final NodeBases nodes;
    private final double[] values;
    private final double[] silu;
    private final int[] first;
    /** The basis sums s to s''' per edge, for the w_s adjoint. */
    private final double[] sums;
    private final int active;
    private final int stride;
    private final int size;
    private final int coefficients;
    private final int baseScales;
    private final int splineScales;

    SplineEdges(KanLayer layer) {
        this.layer = layer;
        EdgeBasis[] bases = new EdgeBasis[layer.inputs()];
        for (int i = 0; i < bases.length; i++) {
            bases[i] = layer.basis(i);
        }
        this.nodes = new NodeBases(bases, null);
        this.values = nodes.values();
        this.silu = nodes.silu();
        this.first = nodes.first();
        this.sums = new double[layer.edges() * STRIDE];
        this.active = layer.activeCount();
        this.stride = STRIDE * active;
        this.size = layer.basisSize();
        this.coefficients = layer.offset();
        this.baseScales = coefficients + layer.edges() * size;
        this.splineScales = baseScales + layer.edges();
    }

    @Override
    public int inputs() {
        return layer.inputs();
    }

    @Override
    public int outputs() {
        return layer.outputs();
    }

    /** None: every edge of a KAN contributes. */
    @Override
    public boolean[] zeroEdges() {
        return null;
    }

    /** k + 1 coefficients, w_b and w_s per edge. */
    @Override
    public int maxNonZeros() {
        return layer.edges() * (active + 2);
    }

    @Override
    public void prepare(double[] x, int derivative) {
        nodes.evaluate(x, derivative);
    }

    @Override
    public void phi(int e, int i, double x, int derivative, double[] p, double[] phi) {
        phi(values, i * stride, active, silu, STRIDE * i, p, coefficients + e * size + first[i], p[baseScales + e],
                p[splineScales + e], derivative, phi, sums, STRIDE * e);
    }

    @Override
    public int adjoints(int e, int i, double x, double a0, double a1, double a2, boolean second, double[] p,
                        int[] index, double[] value, int n) {
        n = coefficientAdjoints(values, i * stride, active, p[splineScales + e], a0, a1, a2, second,
                coefficients + e * size + first[i], index, value, n);
        index[n] = baseScales + e;
        value[n++] = combine(silu, STRIDE * i, a0, a1, a2, second);
        index[n] = splineScales + e;
        value[n++] = combine(sums, STRIDE * e, a0, a1, a2, second);
        return n;
    }

    /**
     * One spline edge: phi^(r) = w_b silu^(r) + w_s s^(r), s^(r) = sum_m c_m B_m^(r), r = 0 .. 3
     * (phi'' and phi''' are 0 below {@code derivative} 2 and 3; s^(r) as summed).
     *
     * @param bas        the node's active basis functions and derivatives ({@link NodeBases#values()})
     * @param bo         where the node's block starts in {@code bas}
     * @param k1         active functions per node
     * @param sil        silu and derivatives ({@link NodeBases#silu()})
     * @param so         where the node's silu starts
     * @param c          coefficients (the parameters, or wherever frozen ones are kept)
     * @param co         index in {@code c} of the coefficient of the node's first active function
     * @param wb         w_b
     * @param ws         w_s
     * @param derivative highest derivative wanted, 1 .. 3
     * @param phi        receives phi .. phi''' at {@code phi[eo ..]} (modified)
     * @param sums       receives s .. s''' at {@code sums[eo ..]} (modified)
     * @param eo         the edge's offset in {@code phi} and {@code sums}
     */
    public static void phi(double[] bas, int bo, int k1, double[] sil, int so, double[] c, int co, double wb, double ws,
                           int derivative, double[] phi, double[] sums, int eo) {
        // one small method per derivative level: each stays under the JIT's inlining limit for hot
        // methods (325 bytes of bytecode), so the edge loop runs without calls
        if (derivative == 3) {
            phi3(bas, bo, k1, sil, so, c, co, wb, ws, phi, sums, eo);
        } else {
            phi12(bas, bo, k1, sil, so, c, co, wb, ws, derivative == 2, phi, sums, eo);
        }
    }

    private static void phi3(double[] bas, int bo, int k1, double[] sil, int so, double[] c, int co, double wb,
                             double ws, double[] phi, double[] sums, int eo) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        for (int m = 0; m < k1; m++) {
            double cm = c[co + m];
            s0 += cm * bas[bo + m];
            s1 += cm * bas[bo + k1 + m];
            s2 += cm * bas[bo + 2 * k1 + m];
            s3 += cm * bas[bo + 3 * k1 + m];
        }
        sums[eo] = s0;
        sums[eo + 1] = s1;
        sums[eo + 2] = s2;
        sums[eo + 3] = s3;
        phi[eo] = wb * sil[so] + ws * s0;
        phi[eo + 1] = wb * sil[so + 1] + ws * s1;
        phi[eo + 2] = wb * sil[so + 2] + ws * s2;
        phi[eo + 3] = wb * sil[so + 3] + ws * s3;
    }

    private static void phi12(double[] bas, int bo, int k1, double[] sil, int so, double[] c, int co, double wb,
                              double ws, boolean second, double[] phi, double[] sums, int eo) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        for (int m = 0; m < k1; m++) {
            double cm = c[co + m];
            s0 += cm * bas[bo + m];
            s1 += cm * bas[bo + k1 + m];
            if (second) {
                s2 += cm * bas[bo + 2 * k1 + m];
            }
        }
        sums[eo] = s0;
        sums[eo + 1] = s1;
        sums[eo + 2] = s2;
        sums[eo + 3] = 0;
        phi[eo] = wb * sil[so] + ws * s0;
        phi[eo + 1] = wb * sil[so + 1] + ws * s1;
        phi[eo + 2] = second ? wb * sil[so + 2] + ws * s2 : 0.0;
        phi[eo + 3] = 0.0;
    }

    /**
     * Adjoints of one spline edge's active coefficients: w_s (A0 B_m + A1 B_m' + A2 B_m''), appended
     * with their parameter indices co + m.
     *
     * @param co the parameter index of the coefficient of the node's first active function
     * @return the new number of entries
     */
    public static int coefficientAdjoints(double[] bas, int bo, int k1, double ws, double a0, double a1, double a2,
                                          boolean second, int co, int[] index, double[] value, int n) {
        if (second) {
            for (int m = 0; m < k1; m++) {
                index[n] = co + m;
                value[n++] = ws * (a0 * bas[bo + m] + a1 * bas[bo + k1 + m] + a2 * bas[bo + 2 * k1 + m]);
            }
        } else {
            for (int m = 0; m < k1; m++) {
                index[n] = co + m;
                value[n++] = ws * (a0 * bas[bo + m] + a1 * bas[bo + k1 + m]);
            }
        }
        return n;
    }

    /**
     * A0 f + A1 f' + A2 f'' for f at {@code f[o ..]} (A2 left out unless {@code second}): the
     * adjoint of w_b with f = silu, of w_s with f = the basis sum.
     */
    public static double combine(double[] f, int o, double a0, double a1, double a2, boolean second) {
        return second ? a0 * f[o] + a1 * f[o + 1] + a2 * f[o + 2] : a0 * f[o] + a1 * f[o + 1];
    }
}
