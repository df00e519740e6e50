package org.kanpde.interpret.prune;

import java.util.ArrayList;
import java.util.List;

import org.kanpde.net.kan.Kan;
import org.kanpde.interpret.symbolic.EdgeKind;
import org.kanpde.interpret.symbolic.SymbolicKan;

/**
 * Prunes a trained KAN: removes the hidden nodes and the edges whose {@link EdgeScores} are below
 * thresholds and returns a smaller network that computes the same function up to the removed
 * edges. Immutable settings; {@code withX} methods return modified copies.
 *
 * <p>Rules (the KAN paper's, plus constant bookkeeping):
 * <ol>
 * <li>a hidden node stays if its score (the smaller of its largest incoming and largest outgoing
 *     edge score) is at least the node threshold; every hidden layer keeps at least its best node;
 *     input and output nodes always stay;</li>
 * <li>an edge between kept nodes is removed (it becomes a {@link EdgeKind#ZERO} edge, a mask) if
 *     its score is below the edge threshold;</li>
 * <li>the mean over the samples of every removed edge that fed a kept node (also the edges out of
 *     removed nodes) is added to the best kept edge into the same node that can take a constant
 *     ({@link SymbolicKan#canShift}), so removing an edge changes the function by its fluctuation
 *     only: a dead node's outgoing edges, which are constant, disappear without a trace;</li>
 * <li>the removed nodes go ({@link SymbolicKan#keepNodes}).</li>
 * </ol>
 * Defaults: thresholds 1e-2 for nodes and edges (the KAN paper's theta), absolute, edges scored by
 * {@link ScoreKind#MEAN_ABS}.
 *
 * <p>A pruned {@link Kan} ({@link Pruning#toKan()}) trains further with the same trainer; with
 * the default trainable set (spline coefficients only) its removed edges, whose w_b = w_s = 0,
 * stay zero. A pruned {@link SymbolicKan} keeps true masks.
 */
public final class Pruner {
    private final double nodeThreshold;
    private final double edgeThreshold;
    private final ScoreKind kind;
    private final boolean relative;

    /** A pruner with the defaults listed in the class comment. */
    public Pruner() {
        this(1e-2, 1e-2, ScoreKind.MEAN_ABS, false);
    }

    private Pruner(double nodeThreshold, double edgeThreshold, ScoreKind kind, boolean relative) {
        this.nodeThreshold = nodeThreshold;
        this.edgeThreshold = edgeThreshold;
        this.kind = kind;
        this.relative = relative;
    }

    /** A copy with another node threshold (&gt;= 0). */
    public Pruner withNodeThreshold(double threshold) {
        return new Pruner(check("node", threshold), edgeThreshold, kind, relative);
    }

    /** A copy with another edge threshold (&gt;= 0; 0 removes no edge on its own). */
    public Pruner withEdgeThreshold(double threshold) {
        return new Pruner(nodeThreshold, check("edge", threshold), kind, relative);
    }

    /**
     * A copy that scores edges this way.
     *
     * @throws IllegalArgumentException if the kind is null
     */
    public Pruner withScore(ScoreKind score) {
        if (score == null) {
            throw new IllegalArgumentException("score kind must not be null");
        }
        return new Pruner(nodeThreshold, edgeThreshold, score, relative);
    }

    /** A copy whose thresholds are relative to the largest edge score of the network (true) or absolute (false). */
    public Pruner withRelativeThresholds(boolean on) {
        return new Pruner(nodeThreshold, edgeThreshold, kind, on);
    }

    private static double check(String what, double threshold) {
        if (!(threshold >= 0) || !Double.isFinite(threshold)) {
            throw new IllegalArgumentException(what + " threshold must be finite and >= 0, got " + threshold);
        }
        return threshold;
    }

    /**
     * Prunes a KAN (through the equivalent {@link SymbolicKan}); {@link Pruning#toKan()} gives the smaller KAN.
     *
     * @throws IllegalArgumentException as {@link #prune(SymbolicKan, double[])}
     */
    public Pruning prune(Kan kan, double[] points) {
        return prune(SymbolicKan.of(kan), points);
    }

    /**
     * Prunes a network over sample points.
     *
     * @param points network input points, n x d (the collocation points, say)
     * @throws IllegalArgumentException if the points do not fit the input dimension, or an edge
     *                                  value is not finite at one of them (naming the edge and the
     *                                  point, see {@link EdgeScores#of(SymbolicKan, double[], ScoreKind)}):
     *                                  the network is then not pruned at all
     */
    public Pruning prune(SymbolicKan net, double[] points) {
        EdgeScores scores = EdgeScores.of(net, points, kind);
        int[] widths = net.widths();
        int layers = widths.length - 1;
        double scale = 1;
        if (relative) {
            scale = 0;
            for (int l = 0; l < layers; l++) {
                for (int j = 0; j < widths[l + 1]; j++) {
                    for (int i = 0; i < widths[l]; i++) {
                        scale = Math.max(scale, scores.edge(l, j, i));
                    }
                }
            }
        }
        boolean[][] keep = new boolean[layers + 1][];
        int removedNodes = 0;
        for (int l = 0; l <= layers; l++) {
            keep[l] = new boolean[widths[l]];
            if (l == 0 || l == layers) {
                java.util.Arrays.fill(keep[l], true);
                continue;
            }
            int best = 0;
            boolean any = false;
            for (int i = 0; i < widths[l]; i++) {
                keep[l][i] = scores.node(l, i) >= nodeThreshold * scale;
                any |= keep[l][i];
                if (scores.node(l, i) > scores.node(l, best)) {
                    best = i;
                }
            }
            if (!any) {
                keep[l][best] = true;
            }
            for (boolean k : keep[l]) {
                removedNodes += k ? 0 : 1;
            }
        }
        // edges to remove: those at removed nodes and weak ones between kept nodes
        boolean[][] removed = new boolean[layers][];
        for (int l = 0; l < layers; l++) {
            removed[l] = new boolean[widths[l] * widths[l + 1]];
            for (int j = 0; j < widths[l + 1]; j++) {
                for (int i = 0; i < widths[l]; i++) {
                    if (net.kind(l, j, i) == EdgeKind.ZERO) {
                        continue;
                    }
                    removed[l][j * widths[l] + i] = !keep[l][i] || !keep[l + 1][j]
                            || scores.edge(l, j, i) < edgeThreshold * scale;
                }
            }
        }
        int removedEdges = 0;
        double unabsorbed = 0;
        SymbolicKan out = net;
        List<int[]> masks = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            for (int j = 0; j < widths[l + 1]; j++) {
                double moved = 0;
                for (int i = 0; i < widths[l]; i++) {
                    if (!removed[l][j * widths[l] + i]) {
                        continue;
                    }
                    removedEdges++;
                    if (keep[l + 1][j]) {
                        moved += scores.mean(l, j, i);
                        if (keep[l][i]) {
                            masks.add(new int[] {l, j, i});
                        }
                    }
                }
                if (moved == 0 || !keep[l + 1][j]) {
                    continue;
                }
                int target = -1;
                for (int i = 0; i < widths[l]; i++) {
                    boolean candidate = keep[l][i] && !removed[l][j * widths[l] + i] && net.kind(l, j, i) != EdgeKind.ZERO
                            && net.canShift(l, j, i);
                    if (candidate && (target < 0 || scores.edge(l, j, i) > scores.edge(l, j, target))) {
                        target = i;
                    }
                }
                if (target >= 0) {
                    out = out.withShift(l, j, target, moved);
                } else {
                    unabsorbed += Math.abs(moved);
                }
            }
        }
        for (int[] m : masks) {
            out = out.withZero(m[0], m[1], m[2]);
        }
        int[][] kept = new int[layers + 1][];
        for (int l = 0; l <= layers; l++) {
            int count = 0;
            for (boolean k : keep[l]) {
                count += k ? 1 : 0;
            }
            kept[l] = new int[count];
            int c = 0;
            for (int i = 0; i < widths[l]; i++) {
                if (keep[l][i]) {
                    kept[l][c++] = i;
                }
            }
        }
        return new Pruning(out.keepNodes(kept), kept, removedNodes, removedEdges, unabsorbed, scores);
    }

    @Override
    public String toString() {
        return "Pruner[nodeThreshold=" + nodeThreshold + ", edgeThreshold=" + edgeThreshold + ", score=" + kind
                + (relative ? ", relative" : "") + "]";
    }
}
