package org.kanpde.net.kan;

import org.kanpde.net.basis.EdgeBasis;

/**
 * The edges of one layer of a KAN-like network, as the {@link LayerChain} sees them: all that
 * differs between spline edges (any {@link EdgeBasis}), symbolic edges and removed edges is how an
 * edge gives phi, phi', phi'', phi''' at its input and how its parameters enter them. The chain
 * rule through the nodes is the chain's and is written once.
 *
 * <p>The chain calls these per edge from inside its own loops, so that the edge arithmetic and
 * the node rule run fused, as in one hand-written loop (the JIT inlines the one or two
 * implementations a program uses). Edges are numbered e = j n_in + i (output node j, input node i).
 * An instance belongs to one evaluator and keeps scratch from {@link #prepare} to the adjoints at
 * the same point; it is not thread-safe.
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
     * never asked for); null when every edge contributes. Fixed for the instance's life.
     */
    boolean[] zeroEdges();

    /** Most entries the adjoints of all edges write at one point. */
    int maxNonZeros();

    /**
     * Evaluates what the edges leaving each input node share (its basis functions, silu) at a new
     * point, before the chain asks for any {@link #phi}.
     *
     * @param x          the layer's input node values, n_in (not modified)
     * @param derivative highest derivative of phi wanted, 1 .. 3: the derivative order the chain
     *                   carries plus one, as its reverse pass needs
     */
    void prepare(double[] x, int derivative);

    /**
     * phi^(r) of edge e at its input, r = 0 .. 3 (entries above {@code derivative} are 0).
     *
     * @param e          the edge, j n_in + i
     * @param i          its input node
     * @param x          the input node's value
     * @param derivative as given to {@link #prepare}
     * @param p          the network's parameters (not modified)
     * @param phi        receives phi^(r) at {@code phi[STRIDE e + r]} (modified)
     */
    void phi(int e, int i, double x, int derivative, double[] p, double[] phi);

    /**
     * Parameter adjoints of edge e at the prepared point: for each of its trainable constants theta,
     * A0 dphi/dtheta + A1 dphi'/dtheta + A2 dphi''/dtheta, appended as sparse entries.
     *
     * @param second whether second derivatives are carried (else A2 = 0 and its terms are left out)
     * @param index  receives parameter indices (modified)
     * @param value  receives the adjoints (modified)
     * @param n      entries already written
     * @return the new number of entries
     */
    int adjoints(int e, int i, double x, double a0, double a1, double a2, boolean second, double[] p, int[] index,
                 double[] value, int n);
}
