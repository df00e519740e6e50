package org.kanpde.net.kan;

import org.kanpde.net.basis.EdgeBasis;

/**
 * The edges of one layer of a KAN-like network, as the {@link LayerChain} sees them: all that
 * differs between spline edges (any {@link EdgeBasis}), symbolic edges and removed edges is how an
 * edge gives phi, phi', phi'', phi''' at its input and how its parameters enter them. The chain
 * rule through the nodes is the chain's and is written once.
 *
 * <p>Edges are numbered e = j n_in + i (output node j, input node i). An instance belongs to one
 * evaluator and may keep scratch between {@link #forward} and {@link #adjoints} at the same point;
 * it is not thread-safe.
 */
public interface LayerEdges {
    /** Doubles per edge in the phi array: phi, phi', phi'', phi'''. */
    int STRIDE = EdgeBasis.MAX_DERIVATIVE + 1;

    /** n_in. */
    int inputs();

    /** n_out. */
    int outputs();

    /**
     * Which edges are identically zero, so that the chain skips them in both passes (their phi is
     * never read); null when every edge contributes. Fixed for the instance's life.
     */
    boolean[] zeroEdges();

    /** Most entries {@link #adjoints} writes at one point. */
    int maxNonZeros();

    /**
     * Evaluates every (non-zero) edge at its input.
     *
     * @param x          the layer's input node values, n_in (not modified)
     * @param derivative highest derivative of phi wanted, 1 .. 3: the derivative order the chain
     *                   carries plus one, as its reverse pass needs (entries above it may be left
     *                   stale)
     * @param p          the network's parameters (not modified)
     * @param phi        receives phi^(r) of edge e at {@code phi[STRIDE e + r]}, r = 0 .. 3 (modified)
     */
    void forward(double[] x, int derivative, double[] p, double[] phi);

    /**
     * Parameter adjoints at the last {@link #forward} point: for every trainable constant theta of
     * every (non-zero) edge, A0 dphi/dtheta + A1 dphi'/dtheta + A2 dphi''/dtheta, appended as sparse
     * entries in edge order.
     *
     * @param x         the layer's input node values, as given to {@link #forward} (not modified)
     * @param a         A0, A1, A2 of edge e at {@code a[3e ..]} (not modified)
     * @param second    whether second derivatives are carried (else A2 = 0 and the A2 terms are left out)
     * @param p         the network's parameters (not modified)
     * @param index     receives parameter indices (modified)
     * @param value     receives the adjoints (modified)
     * @param n         entries already written
     * @return the new number of entries
     */
    int adjoints(double[] x, double[] a, boolean second, double[] p, int[] index, double[] value, int n);
}
