package org.kanpde.interpret.prune;

import java.util.Arrays;

import org.kanpde.net.Derivatives;
import org.kanpde.net.kan.Kan;
import org.kanpde.interpret.symbolic.SymbolicFunction;
import org.kanpde.interpret.symbolic.SymbolicKan;
import org.kanpde.net.kan.LayerChain;

/**
 * Importance of the edges and nodes of a KAN from its activations over sample points.
 *
 * <p>Edge (l, j, i) scores mean_s |phi(x_s)| ({@link ScoreKind#MEAN_ABS}, the KAN paper's L1
 * norm) or the standard deviation of phi(x_s) ({@link ScoreKind#STD}), x_s the values of input
 * node i of layer l at the sample points. A node follows the KAN paper: its incoming score is the
 * largest score of the edges into it, its outgoing score the largest of the edges out of it, and
 * its score the smaller of the two (a hidden node matters only if something important enters and
 * leaves it); input nodes have only outgoing, the output node only incoming scores. The mean of
 * every edge is kept too, for moving constants when edges are removed. Immutable.
 */
public final class EdgeScores {
    private final int[] widths;
    private final ScoreKind kind;
    /** scores[l][j * n_l + i]. */
    private final double[][] scores;
    private final double[][] means;

    private EdgeScores(int[] widths, ScoreKind kind, double[][] scores, double[][] means) {
        this.widths = widths;
        this.kind = kind;
        this.scores = scores;
        this.means = means;
    }

    /**
     * Scores of a network over sample points.
     *
     * <p>Every edge value must be finite: a NaN or infinite activation (a symbolic edge such as
     * sqrt or log evaluated outside its domain, say) would make the scores, and with them every
     * pruning decision and the constants moved into kept edges, meaningless, so it is rejected
     * with the edge and the point named. Score over points where the network is finite.
     *
     * @param points network input points, n x d, n &gt;= 1
     * @param kind   how edges are scored
     * @throws IllegalArgumentException if the points do not fit the input dimension, the kind is
     *                                  null, or an edge value, its mean or its score is not finite
     *                                  (naming the edge (l, j, i) and the point)
     */
    public static EdgeScores of(SymbolicKan net, double[] points, ScoreKind kind) {
        if (kind == null) {
            throw new IllegalArgumentException("score kind must not be null");
        }
        int d = net.inputDimension();
        if (points.length == 0 || points.length % d != 0) {
            throw new IllegalArgumentException("need a non-empty n x " + d + " point array, got length " + points.length);
        }
        int n = points.length / d;
        int[] widths = net.widths();
        int layers = widths.length - 1;
        double[][] abs = new double[layers][];
        double[][] sum = new double[layers][];
        double[][] sq = new double[layers][];
        for (int l = 0; l < layers; l++) {
            abs[l] = new double[widths[l] * widths[l + 1]];
            sum[l] = new double[abs[l].length];
            sq[l] = new double[abs[l].length];
        }
        LayerChain ev = net.evaluator(Derivatives.VALUE);
        for (int t = 0; t < n; t++) {
            ev.forward(points, t * d);
            // layers in order, so the edge named is the first to fail, not one downstream of it
            for (int l = 0; l < layers; l++) {
                for (int j = 0; j < widths[l + 1]; j++) {
                    for (int i = 0; i < widths[l]; i++) {
                        double v = ev.edgeValue(l, j, i);
                        if (!Double.isFinite(v)) {
                            throw new IllegalArgumentException("edge (" + l + ", " + j + ", " + i + ") is " + v
                                    + " at point " + t + " " + Arrays.toString(Arrays.copyOfRange(points, t * d, t * d + d))
                                    + " (its input is " + ev.nodeValue(l, i) + describe(net, l, j, i)
                                    + "): cannot score the edges; score over points where every edge is finite");
                        }
                        int e = j * widths[l] + i;
                        abs[l][e] += Math.abs(v);
                        sum[l][e] += v;
                        sq[l][e] += v * v;
                    }
                }
            }
        }
        double[][] scores = new double[layers][];
        double[][] means = new double[layers][];
        for (int l = 0; l < layers; l++) {
            scores[l] = new double[abs[l].length];
            means[l] = new double[abs[l].length];
            for (int e = 0; e < abs[l].length; e++) {
                double mean = sum[l][e] / n;
                means[l][e] = mean;
                scores[l][e] = kind == ScoreKind.MEAN_ABS ? abs[l][e] / n : Math.sqrt(Math.max(sq[l][e] / n - mean * mean, 0));
                if (!Double.isFinite(mean) || !Double.isFinite(scores[l][e])) {
                    // finite values whose sums overflow (|phi| near 1e154 and above)
                    int j = e / widths[l];
                    int i = e % widths[l];
                    throw new IllegalArgumentException("edge (" + l + ", " + j + ", " + i + ") has mean " + mean + " and "
                            + kind + " score " + scores[l][e] + " over the " + n + " points: its values are too large to score");
                }
            }
        }
        return new EdgeScores(widths, kind, scores, means);
    }

    private static String describe(SymbolicKan net, int l, int j, int i) {
        SymbolicFunction f = net.function(l, j, i);
        return f == null ? "" : "; the edge is " + f.id() + " with constants " + Arrays.toString(net.constants(l, j, i));
    }

    /**
     * Scores of a KAN over sample points (through the equivalent {@link SymbolicKan}).
     *
     * @throws IllegalArgumentException as {@link #of(SymbolicKan, double[], ScoreKind)}
     */
    public static EdgeScores of(Kan kan, double[] points, ScoreKind kind) {
        return of(SymbolicKan.of(kan), points, kind);
    }

    /** How the edges were scored. */
    public ScoreKind kind() {
        return kind;
    }

    /** Layer widths [n_0, ..., n_L] (a copy). */
    public int[] widths() {
        return widths.clone();
    }

    /** Score of edge (l, j, i): from input node i of layer l to node j of layer l + 1. */
    public double edge(int l, int j, int i) {
        return scores[l][index(l, j, i)];
    }

    /** Mean of edge (l, j, i) over the samples. */
    public double mean(int l, int j, int i) {
        return means[l][index(l, j, i)];
    }

    /** Largest score of the edges into node i of layer l (l &gt;= 1). */
    public double incoming(int l, int i) {
        if (l < 1 || l >= widths.length || i < 0 || i >= widths[l]) {
            throw new IllegalArgumentException("no node " + i + " with incoming edges in layer " + l);
        }
        double best = 0;
        for (int k = 0; k < widths[l - 1]; k++) {
            best = Math.max(best, scores[l - 1][i * widths[l - 1] + k]);
        }
        return best;
    }

    /** Largest score of the edges out of node i of layer l (l &lt; L). */
    public double outgoing(int l, int i) {
        if (l < 0 || l >= widths.length - 1 || i < 0 || i >= widths[l]) {
            throw new IllegalArgumentException("no node " + i + " with outgoing edges in layer " + l);
        }
        double best = 0;
        for (int j = 0; j < widths[l + 1]; j++) {
            best = Math.max(best, scores[l][j * widths[l] + i]);
        }
        return best;
    }

    /** Score of node i of layer l: min(incoming, outgoing) for hidden nodes, the one that exists otherwise. */
    public double node(int l, int i) {
        if (l == 0) {
            return outgoing(l, i);
        }
        if (l == widths.length - 1) {
            return incoming(l, i);
        }
        return Math.min(incoming(l, i), outgoing(l, i));
    }

    private int index(int l, int j, int i) {
        if (l < 0 || l >= widths.length - 1 || j < 0 || j >= widths[l + 1] || i < 0 || i >= widths[l]) {
            throw new IllegalArgumentException("no edge (" + l + ", " + j + ", " + i + ") in a network of widths "
                    + Arrays.toString(widths));
        }
        return j * widths[l] + i;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("EdgeScores[").append(kind);
        for (int l = 0; l < scores.length; l++) {
            sb.append(", layer ").append(l).append(": ");
            for (int e = 0; e < scores[l].length; e++) {
                sb.append(e == 0 ? "" : " ").append(String.format(java.util.Locale.ROOT, "%.3g", scores[l][e]));
            }
        }
        return sb.append(']').toString();
    }
}
