package org.kanpde.interpret.symbolic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.kanpde.net.Derivatives;
import org.kanpde.net.Evaluator;
import org.kanpde.net.Jet;
import org.kanpde.net.kan.EdgeParameter;
import org.kanpde.net.kan.Kan;

class SymbolicKanTest {

    static Kan randomKan(int[] widths, int k, int g, long seed) {
        Kan kan = Kan.builder().widths(widths).degree(k).gridSize(g).inputRange(-1, 1).noise(0.5).seed(seed).build();
        SplittableRandom r = new SplittableRandom(seed + 1);
        double[] p = kan.parameters();
        for (int i = 0; i < p.length; i++) {
            p[i] += 0.3 * r.nextGaussian();
        }
        return kan;
    }

    @Test
    void aConvertedKanHasTheSameParametersAndBitIdenticalEvaluations() {
        int[][] shapes = {{1, 3, 1}, {2, 4, 1}, {3, 5, 5, 1}};
        for (int[] widths : shapes) {
            Kan kan = randomKan(widths, widths.length == 4 ? 3 : 5, 6, 7);
            SymbolicKan net = SymbolicKan.of(kan);
            assertArrayEquals(kan.parameters(), net.parameters());
            assertEquals(kan.parameterCount(), net.parameterCount());
            SplittableRandom r = new SplittableRandom(3);
            for (Derivatives level : Derivatives.values()) {
                Evaluator a = kan.evaluator(level);
                Evaluator b = net.evaluator(level);
                assertEquals(a.maxNonZeros(), b.maxNonZeros());
                for (int t = 0; t < 20; t++) {
                    double[] z = r.doubles(widths[0], -1.3, 1.3).toArray();
                    Jet ja = a.forward(z, 0);
                    Jet jb = b.forward(z, 0);
                    assertEquals(ja.value(), jb.value(), 0.0);
                    for (int k = 0; k < (level.order() >= 1 ? widths[0] : 0); k++) {
                        assertEquals(ja.gradient(k), jb.gradient(k), 0.0);
                    }
                    for (int p = 0; p < ja.pairs().count(); p++) {
                        assertEquals(ja.second(p), jb.second(p), 0.0);
                    }
                    double[] gbar = r.doubles(widths[0], -1, 1).toArray();
                    double[] sbar = r.doubles(ja.pairs().count(), -1, 1).toArray();
                    double[] ga = new double[kan.parameterCount()];
                    double[] gb = new double[net.parameterCount()];
                    a.backward(0.7, gbar, sbar, ga);
                    b.backward(0.7, gbar, sbar, gb);
                    assertArrayEquals(ga, gb, 0.0);
                }
            }
            Kan back = net.toKan();
            assertArrayEquals(kan.parameters(), back.parameters());
        }
    }

    @Test
    void parametersAreLiveAndCopiesAreIndependent() {
        SymbolicKan net = SymbolicKan.of(randomKan(new int[] {2, 3, 1}, 3, 5, 1));
        double[] z = {0.2, -0.4};
        Evaluator ev = net.evaluator(Derivatives.VALUE);
        double before = ev.forward(z, 0).value();
        SymbolicKan copy = net.copy();
        for (int k = 0; k < net.parameterCount(); k++) {
            net.parameters()[k] += 0.5;
        }
        assertTrue(ev.forward(z, 0).value() != before);
        assertEquals(before, copy.evaluator(Derivatives.VALUE).forward(z, 0).value(), 0.0);
    }

    @Test
    void symbolicEdgesTrainOnlyTheirCanonicalConstants() {
        SymbolicKan net = SymbolicKan.of(randomKan(new int[] {2, 2, 1}, 3, 5, 2));
        int spline = net.parameterCount() / 6;
        SymbolicKan s = net.withSymbolic(0, 0, 0, SymbolicFunction.SIN, 2, 0.5, 1.5, 0.1)
                .withSymbolic(0, 1, 0, SymbolicFunction.X, 1, 0, 3, 0)
                .withSymbolic(0, 0, 1, SymbolicFunction.X2, 1, 0.2, 1, 0)
                .withSymbolic(1, 0, 0, SymbolicFunction.EXP, 0.3, 0, 1, 0)
                .withZero(1, 0, 1);
        // sin: a, b, c, d; x: c, d; x^2: b, c, d; exp: a, c, d; one spline edge left
        assertEquals(4 + 2 + 3 + 3 + spline, s.parameterCount());
        assertEquals(EnumSet.of(EdgeParameter.OUTER_SCALE, EdgeParameter.OUTER_SHIFT), s.trainable(0, 1, 0));
        assertEquals(EdgeKind.ZERO, s.kind(1, 0, 1));
        assertEquals(0, s.constants(1, 0, 1).length);
        assertArrayEquals(new double[] {2, 0.5, 1.5, 0.1}, s.constants(0, 0, 0));
        assertArrayEquals(new int[] {1, 4, 1}, s.edgeCounts());
        double[] out = new double[4];
        s.edge(0, 0, 0, 0.3, out);
        assertEquals(1.5 * Math.sin(0.6 + 0.5) + 0.1, out[0], 1e-15);
        assertEquals(1.5 * 2 * Math.cos(1.1), out[1], 1e-15);
        // freezing every constant leaves no parameters but the same function
        SymbolicKan frozen = s.withTrainable(EnumSet.noneOf(EdgeParameter.class));
        assertEquals(0, frozen.parameterCount());
        double[] z = {0.4, -0.7};
        assertEquals(s.evaluator(Derivatives.VALUE).forward(z, 0).value(),
                frozen.evaluator(Derivatives.VALUE).forward(z, 0).value(), 0.0);
        assertEquals(0, frozen.evaluator(Derivatives.HESSIAN).maxNonZeros());
        assertNull(s.function(0, 1, 1));
        assertTrue(s.describe().contains("4 symbolic, 1 spline, 1 zero"), s.describe());
    }

    @Test
    void onlyTheOuterConstantsCanTrain() {
        SymbolicKan net = SymbolicKan.of(randomKan(new int[] {1, 1, 1}, 3, 5, 2))
                .withSymbolic(0, 0, 0, SymbolicFunction.SIN, 2, 0.5, 1.5, 0.1)
                .withSymbolic(1, 0, 0, SymbolicFunction.COS, 1, 0, 1, 0)
                .withTrainable(EdgeParameter.outer());
        assertEquals(4, net.parameterCount());
        DerivativeChecksBridge.checkAll(net, new double[] {0.3}, 1);
    }

    @Test
    void shiftAddsAConstantToAnyEdge() {
        SymbolicKan net = SymbolicKan.of(randomKan(new int[] {2, 2, 1}, 3, 5, 4))
                .withSymbolic(1, 0, 1, SymbolicFunction.TANH, 1, 0, 1, 0);
        double[] z = {0.1, 0.9};
        double u = net.evaluator(Derivatives.VALUE).forward(z, 0).value();
        SymbolicKan shifted = net.withShift(1, 0, 0, 0.25).withShift(1, 0, 1, -1.0);
        assertEquals(u - 0.75, shifted.evaluator(Derivatives.VALUE).forward(z, 0).value(), 1e-12);
        // beyond the grid too: the B-splines sum to one everywhere
        double[] far = {3.0, -2.5};
        double v = net.evaluator(Derivatives.VALUE).forward(far, 0).value();
        assertEquals(v - 0.75, shifted.evaluator(Derivatives.VALUE).forward(far, 0).value(), 1e-10);
        assertThrows(IllegalArgumentException.class, () -> net.withZero(1, 0, 0).withShift(1, 0, 0, 1));
    }

    @Test
    void keepNodesSelectsASubNetwork() {
        Kan kan = randomKan(new int[] {2, 3, 1}, 3, 5, 5);
        SymbolicKan net = SymbolicKan.of(kan).withSymbolic(0, 2, 1, SymbolicFunction.SIN, 1, 0, 1, 0);
        SymbolicKan sub = net.keepNodes(new int[][] {{0, 1}, {0, 2}, {0}});
        assertArrayEquals(new int[] {2, 2, 1}, sub.widths());
        assertEquals(SymbolicFunction.SIN, sub.function(0, 1, 1));
        assertArrayEquals(net.constants(1, 0, 2), sub.constants(1, 0, 1));
        assertArrayEquals(net.constants(0, 0, 1), sub.constants(0, 0, 1));
        // removing node 1 of the hidden layer removes exactly its contribution
        double[] z = {0.3, 0.5};
        double[][] nodes = net.nodeValues(z);
        double[] out = new double[4];
        net.edge(1, 0, 1, nodes[1][1], out);
        assertEquals(nodes[2][0] - out[0], sub.evaluator(Derivatives.VALUE).forward(z, 0).value(), 1e-14);
        assertThrows(IllegalArgumentException.class, () -> net.keepNodes(new int[][] {{0}, {0, 1}, {0}}));
        assertThrows(IllegalArgumentException.class, () -> net.keepNodes(new int[][] {{0, 1}, {1, 0}, {0}}));
        assertThrows(IllegalStateException.class, net::toKan);
    }

    @Test
    void badArgumentsAreRejectedWithTheValue() {
        SymbolicKan net = SymbolicKan.of(randomKan(new int[] {2, 2, 1}, 3, 5, 6));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> net.kind(0, 2, 0));
        assertTrue(e.getMessage().contains("got 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> net.withSymbolic(0, 0, 0, SymbolicFunction.SIN, Double.NaN, 0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> net.kind(2, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> SymbolicFunction.byId("sec"));
        assertEquals(SymbolicFunction.X2, SymbolicFunction.byId("x^2"));
    }

    @Test
    void shiftsMustBeFiniteAndKeepTheConstantsFinite() {
        SymbolicKan net = SymbolicKan.of(randomKan(new int[] {1, 3, 1}, 3, 5, 5))
                .withSymbolic(1, 0, 2, SymbolicFunction.SIN, 1, 0, 1, 0);
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> net.withShift(1, 0, 1, bad));
            assertEquals("shift of edge (1, 0, 1) must be finite, got " + bad, e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> net.withShift(1, 0, 2, bad));
            assertEquals("shift of edge (1, 0, 2) must be finite, got " + bad, e.getMessage());
        }
        // finite, but the constant overflows: d on a symbolic edge, coefficients / w_s on a spline edge
        SymbolicKan big = net.withShift(1, 0, 2, Double.MAX_VALUE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> big.withShift(1, 0, 2, Double.MAX_VALUE));
        assertTrue(e.getMessage().contains("makes its constant d Infinity"), e.getMessage());
        SymbolicKan tinyScale = SymbolicKan.of(Kan.builder().widths(1, 1).splineScale(1e-300).seed(1).build());
        e = assertThrows(IllegalArgumentException.class, () -> tinyScale.withShift(0, 0, 0, 1e10));
        assertEquals("shift 1.0E10 of edge (0, 0, 0) makes its coefficient 0 Infinity", e.getMessage());
        assertEquals(net.constants(1, 0, 2)[3] + 0.5, net.withShift(1, 0, 2, 0.5).constants(1, 0, 2)[3], 0.0);
    }
}
