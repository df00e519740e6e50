package org.kanpde.net.kan;

import org.kanpde.net.basis.EdgeBasis;

/**
 * The edge bases and silu of one layer's input nodes, evaluated at the current point: what all
 * spline edges leaving a node share, so each node's basis is evaluated once, not once per edge.
 * Scratch of one evaluator; the arrays are live, for the hot loops of {@link SplineEdges}.
 */
public final class NodeBases {
    private static final int STRIDE = LayerEdges.STRIDE;

    private final EdgeBasis[] bases;
    private final boolean[] needed;
    private final int active;
    private final int[] first;
    private final double[] values;
    private final double[] silu;

    /**
     * @param bases  one basis per input node, all with the same {@link EdgeBasis#activeCount()}
     * @param needed which nodes feed a spline edge (others are not evaluated); null for all
     */
    public NodeBases(EdgeBasis[] bases, boolean[] needed) {
        this.bases = bases.clone();
        this.needed = needed == null ? null : needed.clone();
        this.active = bases[0].activeCount();
        this.first = new int[bases.length];
        this.values = new double[bases.length * STRIDE * active];
        this.silu = new double[bases.length * STRIDE];
    }

    /**
     * Evaluates each needed node's basis and silu at its value.
     *
     * @param x          the node values (not modified)
     * @param derivative highest derivative wanted, 1 .. 3
     */
    public void evaluate(double[] x, int derivative) {
        int stride = STRIDE * active;
        for (int i = 0; i < bases.length; i++) {
            if (needed == null || needed[i]) {
                first[i] = bases[i].evaluate(x[i], derivative, values, i * stride);
                Silu.derivatives(x[i], silu, STRIDE * i);
            }
        }
    }

    /** Active functions per node, k + 1 for B-splines. */
    public int active() {
        return active;
    }

    /** Index of node i's first active function (live array). */
    public int[] first() {
        return first;
    }

    /**
     * The active functions and derivatives (live array): node i's d-th derivative of function
     * first[i] + m at {@code (i * STRIDE + d) * active() + m}.
     */
    public double[] values() {
        return values;
    }

    /** silu and its three derivatives at node i, at {@code STRIDE * i ..} (live array). */
    public double[] silu() {
        return silu;
    }
}
