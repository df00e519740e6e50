package org.kanpde.interpret.prune;

import org.kanpde.net.kan.Kan;
import org.kanpde.interpret.symbolic.SymbolicKan;

/**
 * The result of {@link Pruner#prune}: the smaller network and what was removed.
 *
 * @param network      the pruned network (removed edges between kept nodes are {@code ZERO} edges)
 * @param keptNodes    per layer 0 .. L, the original indices of the nodes that stayed, increasing
 * @param removedNodes number of hidden nodes removed
 * @param removedEdges number of edges removed (with their nodes or on their own) that were not zero edges already
 * @param unabsorbed   summed over the nodes whose removed incoming edges found no kept edge to take
 *                     their means: |sum of those means| (the function shifted by up to this much)
 * @param scores       the scores the decisions were made on (of the original network)
 */
public record Pruning(SymbolicKan network, int[][] keptNodes, int removedNodes, int removedEdges, double unabsorbed,
                      EdgeScores scores) {

    /**
     * The pruned network as a KAN (removed edges between kept nodes become spline edges with
     * w_b = w_s = 0 and zero coefficients: they stay exactly zero while w_b does not train, as by
     * default); for networks without symbolic edges.
     */
    public Kan toKan() {
        return network.toKan();
    }

    /** Widths of the pruned network. */
    public int[] widths() {
        return network.widths();
    }
}
