package org.kanpde.net.kan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.kanpde.net.Derivatives;
import org.kanpde.net.Evaluator;
import org.kanpde.net.Jet;
import org.kanpde.net.basis.BasisType;
import org.kanpde.net.basis.EdgeBasis;
import org.kanpde.net.basis.BSplineBasis;
import org.kanpde.net.spline.Knots;

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
        for (int idx : noBase.parameterIndices(EnumSet.of(EdgeParameter.BASE_SCALE))) {
            assertEquals(0.0, noBase.parameters()[idx]);
        }
    }

    @Test
    void parameterKindsPartitionTheParameters() {
        Kan kan = Kan.builder().widths(2, 3, 1).gridSize(4).degree(2).build();
        int[] coefficients = kan.parameterIndices(EnumSet.of(EdgeParameter.SPLINE_COEFFICIENTS));
        int[] bases = kan.parameterIndices(EnumSet.of(EdgeParameter.BASE_SCALE));
        int[] scales = kan.parameterIndices(EnumSet.of(EdgeParameter.SPLINE_SCALE));
        assertEquals(9 * 6, coefficients.length);
        assertEquals(9, bases.length);
        assertEquals(9, scales.length);
        assertEquals(kan.parameterCount(), kan.parameterIndices(EnumSet.allOf(EdgeParameter.class)).length);
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
    }

    @Test
    void copiesAreIndependentInBothDirections() {
        Kan kan = Kan.builder().widths(2, 2, 1).seed(3).build();
        double[] z = {0.1, 0.2};
        Evaluator ev = kan.evaluator(Derivatives.VALUE);
        double original = ev.forward(z, 0).value();
        Kan copy = kan.copy();
        assertNotSame(kan.parameters(), copy.parameters());
        assertArrayEquals(kan.parameters(), copy.parameters());
        Evaluator copyEv = copy.evaluator(Derivatives.VALUE);
        assertEquals(original, copyEv.forward(z, 0).value(), 0.0);
        // perturb every parameter of the copy, so that some are active at z whatever the grid
        for (int k = 0; k < copy.parameterCount(); k++) {
            copy.parameters()[k] += 0.5;
        }
        double changed = copyEv.forward(z, 0).value();
        assertTrue(changed != original, "the perturbation must change the copy at z");
        assertEquals(original, ev.forward(z, 0).value(), 0.0);
        assertEquals(original, kan.evaluator(Derivatives.VALUE).forward(z, 0).value(), 0.0);
        // and the other way round
        for (int k = 0; k < kan.parameterCount(); k++) {
            kan.parameters()[k] -= 0.25;
        }
        assertTrue(ev.forward(z, 0).value() != original);
        assertEquals(changed, copyEv.forward(z, 0).value(), 0.0);
    }

    @Test
    void ofRebuildsANetworkFromItsPartsAndChecksThem() {
        Kan kan = Kan.builder().widths(2, 3, 1).gridSize(4, 6).degree(3, 2).seed(4).build();
        int[] widths = kan.widths();
        EdgeBasis[][] bases = kan.bases();
        double[] p = kan.parameters().clone();
        Kan rebuilt = Kan.of(widths, bases, p);
        assertEquals(kan.describe(), rebuilt.describe());
        assertArrayEquals(kan.parameters(), rebuilt.parameters());
        p[0] += 1;
        assertEquals(kan.parameters()[0], rebuilt.parameters()[0], 0.0, "Kan.of copies the parameters");
        Evaluator a = kan.evaluator(Derivatives.HESSIAN);
        Evaluator b = rebuilt.evaluator(Derivatives.HESSIAN);
        double[] z = {0.3, -0.8};
        Jet ja = a.forward(z, 0);
        Jet jb = b.forward(z, 0);
        assertEquals(ja.value(), jb.value(), 0.0);
        assertEquals(ja.hessian(0, 1), jb.hessian(0, 1), 0.0);

        double[] good = kan.parameters();
        assertMessage(() -> Kan.of(new int[] {2, 3, 2}, bases, good), "output width must be 1");
        assertMessage(() -> Kan.of(widths, null, good), "needs bases and parameters, got no bases");
        assertMessage(() -> Kan.of(widths, bases, null), "got no parameters");
        assertMessage(() -> Kan.of(widths, new EdgeBasis[][] {bases[0]}, good), "has 2 layers, got bases for 1");
        assertMessage(() -> Kan.of(widths, new EdgeBasis[][] {{bases[0][0]}, bases[1]}, good),
                "layer 0 has 2 input nodes, got 1 bases");
        assertMessage(() -> Kan.of(widths, new EdgeBasis[][] {bases[0], null}, good), "layer 1 has 3 input nodes, got no bases");
        assertMessage(() -> Kan.of(widths, new EdgeBasis[][] {{bases[0][0], null}, bases[1]}, good),
                "the basis of input node 1 of layer 0 is missing");
        assertMessage(() -> Kan.of(widths, new EdgeBasis[][] {{null, bases[0][1]}, bases[1]}, good),
                "the basis of input node 0 of layer 0 is missing");
        assertMessage(() -> Kan.of(widths, new EdgeBasis[][] {{bases[0][0], bases[1][0]}, bases[1]}, good),
                "same basis type, size and degree");
        assertMessage(() -> Kan.of(widths, bases, Arrays.copyOf(good, good.length - 1)),
                "has " + good.length + " parameters, got " + (good.length - 1));
        double[] nan = good.clone();
        nan[7] = Double.NaN;
        assertMessage(() -> Kan.of(widths, bases, nan), "parameter 7 is not finite: NaN");
        double[] inf = good.clone();
        inf[good.length - 1] = Double.NEGATIVE_INFINITY;
        assertMessage(() -> Kan.of(widths, bases, inf), "parameter " + (good.length - 1) + " is not finite: -Infinity");
    }

    @Test
    void edgeChecksItsIndices() {
        Kan kan = Kan.builder().widths(2, 3, 1).seed(4).build();
        double[] out = new double[4];
        kan.edge(1, 0, 2, 0.1, out);
        double[] below = new double[4];
        double[] above = new double[4];
        kan.edge(1, 0, 2, 0.1 - 1e-6, below);
        kan.edge(1, 0, 2, 0.1 + 1e-6, above);
        assertNotEquals(0.0, out[0]);
        assertEquals((above[0] - below[0]) / 2e-6, out[1], 1e-7 * (1 + Math.abs(out[1])), "phi' of edge (1, 0, 2)");
        assertEquals((above[1] - below[1]) / 2e-6, out[2], 1e-6 * (1 + Math.abs(out[2])), "phi'' of edge (1, 0, 2)");
        assertMessage(() -> kan.edge(2, 0, 0, 0.1, out), "layer must be in [0, 2), got 2");
        assertMessage(() -> kan.edge(-1, 0, 0, 0.1, out), "got -1");
        assertMessage(() -> kan.edge(0, 3, 0, 0.1, out), "output node of layer 0 must be in [0, 3), got 3");
        assertMessage(() -> kan.edge(1, 1, 0, 0.1, out), "output node of layer 1 must be in [0, 1), got 1");
        assertMessage(() -> kan.edge(0, 0, 2, 0.1, out), "input node of layer 0 must be in [0, 2), got 2");
    }

    @Test
    void jetAccessorsNameTheLevelTheyNeed() {
        Kan kan = Kan.builder().widths(2, 3, 1).seed(4).build();
        double[] z = {0.3, -0.8};
        Jet value = kan.evaluator(Derivatives.VALUE).forward(z, 0);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> value.gradient(0));
        assertEquals("gradient component 0 not carried at level VALUE", e.getMessage());
        Jet gradient = kan.evaluator(Derivatives.GRADIENT).forward(z, 0);
        assertEquals(kan.evaluator(Derivatives.HESSIAN).forward(z, 0).gradient(1), gradient.gradient(1));
        e = assertThrows(IllegalStateException.class, () -> gradient.secondDiagonal(0));
        assertEquals("second derivative (0, 0) not carried at level GRADIENT", e.getMessage());
        e = assertThrows(IllegalStateException.class, gradient::laplacian);
        assertTrue(e.getMessage().contains("level GRADIENT"), e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> gradient.second(0));
        assertEquals("second derivative 0 not carried at level GRADIENT", e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> gradient.hessian(0, 1));
        assertTrue(e.getMessage().contains("level GRADIENT"), e.getMessage());
        assertMessage(() -> gradient.gradient(2), "gradient component must be in [0, 2), got 2");
        Jet diagonal = kan.evaluator(Derivatives.HESSIAN_DIAGONAL).forward(z, 0);
        Jet full = kan.evaluator(Derivatives.HESSIAN).forward(z, 0);
        assertEquals(full.secondDiagonal(1), diagonal.secondDiagonal(1), 0.0);
        assertEquals(full.laplacian(), diagonal.laplacian(), 0.0);
        assertEquals(diagonal.secondDiagonal(0), diagonal.hessian(0, 0), 0.0);
        e = assertThrows(IllegalStateException.class, () -> diagonal.hessian(0, 1));
        assertEquals("second derivative (0, 1) not carried at level HESSIAN_DIAGONAL", e.getMessage());
        assertMessage(() -> diagonal.secondDiagonal(-1), "second derivative index must be in [0, 2), got -1");
        assertMessage(() -> full.hessian(0, 2), "second derivative indices must be in [0, 2), got (0, 2)");
        assertMessage(() -> full.second(3), "second derivative number must be in [0, 3), got 3");
    }

    @Test
    void sizesThatOverflowIntAreRefusedWithTheValue() {
        int max = Integer.MAX_VALUE;
        assertMessage(() -> Kan.builder().widths(1, 1).basis(BasisType.FOURIER).gridSize(max).build(),
                "layer 0: fourier grid size 2147483647 gives 4294967295 coefficients per edge");
        assertMessage(() -> Kan.builder().widths(1, 1).basis(BasisType.CHEBYSHEV).gridSize(max).build(),
                "layer 0: chebyshev grid size 2147483647 gives 2147483648 coefficients per edge");
        assertMessage(() -> Kan.builder().widths(1, 1).basis(BasisType.RBF).gridSize(max).build(),
                "layer 0: rbf grid size 2147483647 gives 2147483655 coefficients per edge");
        assertMessage(() -> Kan.builder().widths(1, 1).gridSize(max).build(),
                "layer 0: bspline grid size 2147483647 with degree k = 3 gives 2147483650 coefficients per edge");
        // sizes that fit an int but overflow a long product of widths and sizes
        assertMessage(() -> Kan.builder().widths(1 << 30, 1 << 30, 1).basis(BasisType.CHEBYSHEV).gridSize(1 << 30).build(),
                "would have more than 9223372036854775807 parameters");
        // the order is capped; a high order used to give NaN (k >= 171) or overflow the table size
        assertMessage(() -> Kan.builder().widths(1, 1).gridSize(100).degree(3000).build(),
                "layer 0: spline degree k must be <= " + Knots.MAX_DEGREE + ", got 3000");
        assertMessage(() -> Kan.builder().widths(2, 3, 1).degree(3, 26).build(), "layer 1: spline degree k must be <= 25, got 26");
        // other bases ignore the degree
        assertEquals(11 + 2, Kan.builder().widths(1, 1).basis(BasisType.CHEBYSHEV).gridSize(10).degree(30).build().parameterCount());
        // the evaluation tables count too: 4 (k+1)^2 doubles per interval and input node
        assertMessage(() -> Kan.builder().widths(1, 1).gridSize(10_000_000).degree(3).build(),
                "would need 640000000 doubles of basis tables; at most 100000000");
        Kan high = Kan.builder().widths(1, 1).gridSize(4).degree(Knots.MAX_DEGREE).build();
        double u = high.evaluator(Derivatives.HESSIAN_DIAGONAL).forward(new double[] {0.3}, 0).laplacian();
        assertTrue(Double.isFinite(u), "degree 25 evaluates to " + u);
        // grid extension checks the new sizes before it builds anything
        Kan kan = Kan.builder().widths(2, 3, 1).seed(1).build();
        assertMessage(() -> kan.extendGrid(max),
                "grid extension of layer 0: bspline grid size 2147483647 with degree k = 3 gives 2147483650");
        assertMessage(() -> kan.extendGrid(5_000_000), "doubles of basis tables");
        // node values of huge point sets
        assertMessage(() -> Kan.nodeArrayLength(1_000_000_000, 5, 1),
                "1000000000 points times width 5 of layer 1 make 5000000000 node values");
        assertEquals(6, Kan.nodeArrayLength(3, 2, 0));
    }

    @Test
    void invalidStructuresAreRejectedWithTheValue() {
        assertMessage(() -> Kan.builder().widths(2, 0, 1), "width 1 must be >= 1, got 0");
        assertMessage(() -> Kan.builder().widths(2), "[2]");
        assertMessage(() -> Kan.builder().widths(2, 3, 2), "output width must be 1");
        assertMessage(() -> Kan.builder().gridSize(0), "grid size G must be >= 1, got 0");
        assertMessage(() -> Kan.builder().degree(-1), "spline degree k must be >= 1, got -1");
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
