package org.kanpde.net.kan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.kanpde.net.Derivatives;
import org.kanpde.net.Evaluator;
import org.kanpde.net.Jet;

class KanTest {

    @Test
    void parameterCountFollowsWidthsGridsAndOrders() {
        Kan kan = Kan.builder().widths(2, 10, 1).gridSize(10).degree(3).build();
        assertEquals(30 * (13 + 2), kan.parameterCount());
        Kan perLayer = Kan.builder().widths(2, 5, 1).gridSize(20, 50).degree(5).build();
        assertEquals(10 * 27 + 5 * 57, perLayer.parameterCount());
        assertArrayEquals(new int[] {20, 50}, perLayer.gridSizes());
        assertEquals("KAN [2,5,1] G=[20,50] k=5", perLayer.describe());
    }

    @Test
    void sameSeedSameNetworkDifferentSeedDifferentNetwork() {
        Kan a = Kan.builder().widths(3, 5, 5, 1).seed(42).build();
        Kan b = Kan.builder().widths(3, 5, 5, 1).seed(42).build();
        Kan c = Kan.builder().widths(3, 5, 5, 1).seed(43).build();
        assertArrayEquals(a.parameters(), b.parameters());
        assertFalse(Arrays.equals(a.parameters(), c.parameters()));
        double[] z = {0.3, -0.2, 0.9};
        assertEquals(a.evaluator(Derivatives.VALUE).forward(z, 0).value(), b.evaluator(Derivatives.VALUE).forward(z, 0).value());
    }

    @Test
    void initializationFollowsThePaper() {
        Kan kan = Kan.builder().widths(2, 10, 1).noise(0.1).seed(1).build();
        KanLayer layer = kan.layer(0);
        double[] p = kan.parameters();
        double sumSq = 0;
        int count = 0;
        for (int j = 0; j < layer.outputs(); j++) {
            for (int i = 0; i < layer.inputs(); i++) {
                assertEquals(1.0, p[layer.splineScaleIndex(j, i)]);
                assertTrue(Math.abs(p[layer.baseScaleIndex(j, i)]) <= Math.sqrt(6.0 / 12));
                for (int m = 0; m < layer.basisSize(); m++) {
                    sumSq += p[layer.coefficientIndex(j, i, m)] * p[layer.coefficientIndex(j, i, m)];
                    count++;
                }
            }
        }
        assertEquals(0.1, Math.sqrt(sumSq / count), 0.03);
        Kan noBase = Kan.builder().widths(2, 3, 1).baseFunction(false).build();
        for (int idx : noBase.parameterIndices(EnumSet.of(ParameterKind.BASE_SCALES))) {
            assertEquals(0.0, noBase.parameters()[idx]);
        }
    }

    @Test
    void parameterKindsPartitionTheParameters() {
        Kan kan = Kan.builder().widths(2, 3, 1).gridSize(4).degree(2).build();
        int[] coefficients = kan.parameterIndices(EnumSet.of(ParameterKind.SPLINE_COEFFICIENTS));
        int[] bases = kan.parameterIndices(EnumSet.of(ParameterKind.BASE_SCALES));
        int[] scales = kan.parameterIndices(EnumSet.of(ParameterKind.SPLINE_SCALES));
        assertEquals(9 * 6, coefficients.length);
        assertEquals(9, bases.length);
        assertEquals(9, scales.length);
        assertEquals(kan.parameterCount(), kan.parameterIndices(EnumSet.allOf(ParameterKind.class)).length);
        assertEquals(kan.layer(1).baseScaleIndex(0, 2), bases[8]);
    }

    @Test
    void aKanWithLinearSplinesAndNoBaseIsAPiecewiseLinearSum() {
        // [1,1]: u(x) = w_s * spline(x); with Greville coefficients the spline is x itself
        Kan kan = Kan.builder().widths(1, 1).gridSize(4).degree(1).baseFunction(false).inputRange(0, 1).build();
        double[] p = kan.parameters();
        for (int m = 0; m < 5; m++) {
            p[kan.layer(0).coefficientIndex(0, 0, m)] = 0.25 * m;
        }
        Evaluator ev = kan.evaluator(Derivatives.HESSIAN_DIAGONAL);
        Jet jet = ev.forward(new double[] {0.3}, 0);
        assertEquals(0.3, jet.value(), 1e-15);
        assertEquals(1.0, jet.gradient(0), 1e-14);
        assertEquals(0.0, jet.secondDiagonal(0), 0.0);
    }

    @Test
    void evaluatorsSeeParameterUpdates() {
        Kan kan = Kan.builder().widths(2, 2, 1).seed(3).build();
        Evaluator ev = kan.evaluator(Derivatives.VALUE);
        double[] z = {0.1, 0.2};
        double before = ev.forward(z, 0).value();
        kan.parameters()[kan.layer(1).splineScaleIndex(0, 0)] += 1.0;
        assertTrue(ev.forward(z, 0).value() != before);
        Kan copy = kan.copy();
        copy.parameters()[0] += 1.0;
        assertEquals(ev.forward(z, 0).value(), kan.evaluator(Derivatives.VALUE).forward(z, 0).value());
    }

    @Test
    void invalidStructuresAreRejectedWithTheValue() {
        assertMessage(() -> Kan.builder().widths(2, 0, 1), "width 1 must be >= 1, got 0");
        assertMessage(() -> Kan.builder().widths(2), "[2]");
        assertMessage(() -> Kan.builder().widths(2, 3, 2), "output width must be 1");
        assertMessage(() -> Kan.builder().gridSize(0), "grid size G must be >= 1, got 0");
        assertMessage(() -> Kan.builder().degree(-1), "spline order k must be >= 1, got -1");
        assertMessage(() -> Kan.builder().widths(2, 3, 1).gridSize(5, 10, 20).build(), "[5, 10, 20]");
        assertMessage(() -> Kan.builder().widths(2, 3, 1).inputRange(new double[] {0, 0, 0}, new double[] {1, 1, 1}).build(),
                "input dimension is 2");
        assertMessage(() -> Kan.builder().inputRange(1, -1), "[1.0, -1.0]");
        assertMessage(() -> Kan.builder().noise(Double.NaN), "NaN");
        assertMessage(() -> Kan.builder().build(), "widths must be set");
        assertMessage(() -> Kan.builder().widths(2, 1_000_000_000, 1).build(), "[2, 1000000000, 1] would have");
        assertMessage(() -> org.kanpde.net.mlp.Mlp.tanh(1, 2, 100_000, 100_000, 1), "would have");
    }

    static void assertMessage(Runnable action, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' should contain '" + fragment + "'");
    }
}
