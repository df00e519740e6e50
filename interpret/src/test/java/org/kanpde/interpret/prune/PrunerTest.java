package org.kanpde.interpret.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.kanpde.net.Derivatives;
import org.kanpde.net.Evaluator;
import org.kanpde.net.basis.BasisType;
import org.kanpde.net.kan.Kan;
import org.kanpde.net.kan.KanLayer;
import org.kanpde.interpret.symbolic.EdgeKind;
import org.kanpde.interpret.symbolic.SymbolicFunction;
import org.kanpde.interpret.symbolic.SymbolicKan;

class PrunerTest {

    static Kan randomKan(int[] widths, long seed) {
        Kan kan = Kan.builder().widths(widths).degree(3).gridSize(6).inputRange(-1, 1).noise(0.5).seed(seed).build();
        SplittableRandom r = new SplittableRandom(seed + 1);
        double[] p = kan.parameters();
        for (int i = 0; i < p.length; i++) {
            p[i] += 0.3 * r.nextGaussian();
        }
        return kan;
    }

    static double[] points(int n, int d, long seed) {
        return new SplittableRandom(seed).doubles(n * d, -1, 1).toArray();
    }

    /** Sets every constant of KAN edge (l, j, i) to zero. */
    static void kill(Kan kan, int l, int j, int i) {
        KanLayer layer = kan.layer(l);
        double[] p = kan.parameters();
        for (int m = 0; m < layer.basisSize(); m++) {
            p[layer.coefficientIndex(j, i, m)] = 0;
        }
        p[layer.baseScaleIndex(j, i)] = 0;
        p[layer.splineScaleIndex(j, i)] = 0;
    }

    static void assertSameFunction(org.kanpde.net.TrialFunction a, org.kanpde.net.TrialFunction b, double tolerance) {
        Evaluator ea = a.evaluator(Derivatives.HESSIAN_DIAGONAL);
        Evaluator eb = b.evaluator(Derivatives.HESSIAN_DIAGONAL);
        SplittableRandom r = new SplittableRandom(9);
        for (int t = 0; t < 50; t++) {
            double[] z = r.doubles(a.inputDimension(), -1.2, 1.2).toArray();
            assertEquals(ea.forward(z, 0).value(), eb.forward(z, 0).value(), tolerance);
            assertEquals(ea.forward(z, 0).laplacian(), eb.forward(z, 0).laplacian(), tolerance * 100);
        }
    }

    @Test
    void aDeadNodeIsRemovedAndTheSmallerKanComputesTheSameFunction() {
        Kan kan = randomKan(new int[] {2, 3, 1}, 1);
        kill(kan, 0, 1, 0);
        kill(kan, 0, 1, 1);
        // node 1 of the hidden layer is 0 everywhere; its outgoing edge is the constant phi(0) != 0
        double[] out = new double[4];
        kan.edge(1, 0, 1, 0.0, out);
        assertTrue(Math.abs(out[0]) > 1e-3, "outgoing constant " + out[0]);
        double[] pts = points(300, 2, 2);
        Pruning pruning = new Pruner().withEdgeThreshold(0).prune(kan, pts);
        assertArrayEquals(new int[] {2, 2, 1}, pruning.widths());
        assertArrayEquals(new int[] {0, 2}, pruning.keptNodes()[1]);
        assertEquals(1, pruning.removedNodes());
        // the two dead edges into node 1 and its constant edge out of it
        assertEquals(3, pruning.removedEdges());
        assertEquals(0.0, pruning.unabsorbed());
        Kan smaller = pruning.toKan();
        assertEquals(kan.parameterCount() / 3 * 2, smaller.parameterCount());
        assertSameFunction(kan, smaller, 1e-12);
        assertEquals(0.0, pruning.scores().incoming(1, 1));
        assertEquals(0.0, pruning.scores().node(1, 1));
    }

    @Test
    void weakEdgesBecomeMasksAndLoseOnlyTheirFluctuation() {
        Kan kan = randomKan(new int[] {2, 2, 1}, 3);
        KanLayer layer = kan.layer(0);
        double[] p = kan.parameters();
        p[layer.baseScaleIndex(1, 0)] = 0;
        p[layer.splineScaleIndex(1, 0)] = 1e-5;
        double[] pts = points(400, 2, 4);
        Pruning pruning = new Pruner().prune(kan, pts);
        SymbolicKan net = pruning.network();
        assertEquals(EdgeKind.ZERO, net.kind(0, 1, 0));
        assertArrayEquals(new int[] {2, 2, 1}, pruning.widths());
        assertEquals(1, pruning.removedEdges());
        // the removed edge was at most ~1e-5 in size
        assertSameFunction(kan, pruning.toKan(), 1e-4);
        // in the KAN the masked edge is exactly zero and stays so while only coefficients train
        Kan smaller = pruning.toKan();
        KanLayer sl = smaller.layer(0);
        assertEquals(0.0, smaller.parameters()[sl.splineScaleIndex(1, 0)]);
        assertEquals(0.0, smaller.parameters()[sl.baseScaleIndex(1, 0)]);
    }

    @Test
    void aConstantEdgeMovesIntoAnotherEdgeWhenScoredByItsSpread() {
        SymbolicKan net = SymbolicKan.of(randomKan(new int[] {2, 2, 1}, 5))
                .withSymbolic(1, 0, 1, SymbolicFunction.ZERO, 1, 0, 0, 0.75);
        double[] pts = points(300, 2, 6);
        // by mean |phi| the constant 0.75 matters; by its spread it does not
        assertEquals(EdgeKind.SYMBOLIC, new Pruner().withNodeThreshold(0).prune(net, pts).network().kind(1, 0, 1));
        Pruning spread = new Pruner().withNodeThreshold(0).withScore(ScoreKind.STD).withEdgeThreshold(1e-8).prune(net, pts);
        assertEquals(EdgeKind.ZERO, spread.network().kind(1, 0, 1));
        assertSameFunction(net, spread.network(), 1e-12);
    }

    @Test
    void everyHiddenLayerKeepsItsBestNode() {
        SymbolicKan net = SymbolicKan.of(randomKan(new int[] {2, 3, 1}, 7));
        Pruning pruning = new Pruner().withRelativeThresholds(true).withNodeThreshold(2).prune(net, points(100, 2, 8));
        assertArrayEquals(new int[] {2, 1, 1}, pruning.widths());
        EdgeScores s = pruning.scores();
        int kept = pruning.keptNodes()[1][0];
        for (int i = 0; i < 3; i++) {
            assertTrue(s.node(1, kept) >= s.node(1, i));
        }
        assertThrows(IllegalArgumentException.class, () -> new Pruner().withEdgeThreshold(-1));
    }

    @Test
    void scoresFollowTheirDefinitions() {
        SymbolicKan net = SymbolicKan.of(randomKan(new int[] {1, 1, 1}, 9))
                .withSymbolic(0, 0, 0, SymbolicFunction.X, 1, 0, 2, 1)
                .withSymbolic(1, 0, 0, SymbolicFunction.X, 1, 0, 1, 0);
        double[] pts = {-1, -0.5, 0, 0.5, 1};
        // phi = 2x + 1 at the points: -1, 0, 1, 2, 3
        EdgeScores abs = EdgeScores.of(net, pts, ScoreKind.MEAN_ABS);
        assertEquals(7.0 / 5, abs.edge(0, 0, 0), 1e-15);
        assertEquals(1.0, abs.mean(0, 0, 0), 1e-15);
        EdgeScores std = EdgeScores.of(net, pts, ScoreKind.STD);
        assertEquals(Math.sqrt(2.0), std.edge(0, 0, 0), 1e-14);
        assertEquals(7.0 / 5, abs.outgoing(0, 0), 1e-15);
        assertEquals(7.0 / 5, abs.node(1, 0), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> abs.incoming(0, 0));
    }

    @Test
    void otherEdgeBasesPruneToo() {
        Kan kan = Kan.builder().widths(2, 3, 1).basis(BasisType.CHEBYSHEV).gridSize(6).inputRange(-1, 1).seed(11).build();
        kill(kan, 0, 2, 0);
        kill(kan, 0, 2, 1);
        Pruning pruning = new Pruner().withEdgeThreshold(0).prune(kan, points(200, 2, 12));
        assertArrayEquals(new int[] {2, 2, 1}, pruning.widths());
        assertSameFunction(kan, pruning.toKan(), 1e-12);
    }

    /** The review's case: a sqrt edge snapped on training data, pruned over points outside its domain. */
    @Test
    void nonFiniteEdgeValuesAreRejectedNamingTheEdgeAndThePoint() {
        Kan kan = Kan.builder().widths(1, 3, 1).seed(5).build();
        SymbolicKan net = SymbolicKan.of(kan).withSymbolic(0, 0, 0, SymbolicFunction.SQRT, 1, 0, 1, 0);
        double[] pts = new SplittableRandom(2).doubles(200, -1, 1).toArray();
        int first = 0;
        while (pts[first] >= 0) {
            first++;
        }
        String where = "edge (0, 0, 0) is NaN at point " + first + " [" + pts[first] + "] (its input is " + pts[first];
        for (Pruner pruner : new Pruner[] {new Pruner(), new Pruner().withRelativeThresholds(true),
                new Pruner().withScore(ScoreKind.STD)}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pruner.prune(net, pts));
            assertTrue(e.getMessage().startsWith(where), e.getMessage());
            assertTrue(e.getMessage().contains("sqrt"), e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EdgeScores.of(net, pts, ScoreKind.MEAN_ABS));
        assertTrue(e.getMessage().startsWith(where), e.getMessage());
        // inside the domain the same network prunes to finite parameters
        double[] inside = new SplittableRandom(2).doubles(200, 0.01, 1).toArray();
        Pruning pruning = new Pruner().prune(net, inside);
        for (double v : pruning.network().parameters()) {
            assertTrue(Double.isFinite(v));
        }
        assertTrue(Double.isFinite(pruning.network().evaluator(Derivatives.VALUE).forward(new double[] {0.5}, 0).value()));
    }

    @Test
    void edgeValuesTooLargeToScoreAreRejected() {
        // finite activations whose squares overflow: the spread cannot be computed
        SymbolicKan net = SymbolicKan.of(randomKan(new int[] {1, 1, 1}, 13))
                .withSymbolic(0, 0, 0, SymbolicFunction.X, 1, 0, 1e300, 0)
                .withSymbolic(1, 0, 0, SymbolicFunction.ZERO, 1, 0, 0, 0.5);
        double[] pts = {-1, -0.5, 0.5, 1};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EdgeScores.of(net, pts, ScoreKind.STD));
        assertEquals("edge (0, 0, 0) has mean 0.0 and STD score Infinity over the 4 points: its values are too large to score",
                e.getMessage());
    }

    @Test
    void scoresNeedAKind() {
        SymbolicKan net = SymbolicKan.of(randomKan(new int[] {1, 2, 1}, 14));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EdgeScores.of(net, points(10, 1, 1), null));
        assertEquals("score kind must not be null", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Pruner().withScore(null));
    }
}
