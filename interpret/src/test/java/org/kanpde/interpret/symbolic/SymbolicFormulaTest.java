package org.kanpde.interpret.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.kanpde.net.Derivatives;
import org.kanpde.net.Jet;
import org.kanpde.net.kan.Kan;

class SymbolicFormulaTest {

    /** A KAN of the given widths whose edges are all about to be replaced. */
    private static SymbolicKan blank(int... widths) {
        return SymbolicKan.of(Kan.builder().widths(widths).gridSize(3).degree(3).inputRange(-1, 1).seed(1).build());
    }

    /** x y = ((x + y)^2 - (x - y)^2) / 4 as a [2,2,1] network. */
    static SymbolicKan product() {
        return blank(2, 2, 1)
                .withSymbolic(0, 0, 0, SymbolicFunction.X, 1, 0, 1, 0)
                .withSymbolic(0, 0, 1, SymbolicFunction.X, 1, 0, 1, 0)
                .withSymbolic(0, 1, 0, SymbolicFunction.X, 1, 0, 1, 0)
                .withSymbolic(0, 1, 1, SymbolicFunction.X, 1, 0, -1, 0)
                .withSymbolic(1, 0, 0, SymbolicFunction.X2, 1, 0, 0.25, 0)
                .withSymbolic(1, 0, 1, SymbolicFunction.X2, 1, 0, -0.25, 0);
    }

    @Test
    void aNetworkComputingXTimesYPrintsAndEvaluatesAsXTimesY() {
        SymbolicKan net = product();
        SymbolicFormula f = net.formula(4);
        assertEquals("0.25*(x + y)^2 - 0.25*(x - y)^2", f.text());
        assertEquals("0.25 \\left(x + y\\right)^{2} - 0.25 \\left(x - y\\right)^{2}", f.latex());
        assertFalse(f.hasSplines());
        SplittableRandom r = new SplittableRandom(2);
        for (int t = 0; t < 20; t++) {
            double x = r.nextDouble(-2, 2);
            double y = r.nextDouble(-2, 2);
            assertEquals(x * y, f.value(x, y), 1e-14);
            Jet jet = net.evaluator(Derivatives.HESSIAN).forward(new double[] {x, y}, 0);
            assertEquals(x * y, jet.value(), 1e-14);
            assertEquals(y, jet.gradient(0), 1e-14);
            assertEquals(1.0, jet.hessian(0, 1), 1e-14);
            assertEquals(0.0, jet.laplacian(), 1e-14);
        }
        DerivativeChecksBridge.checkAll(net, new double[] {0.3, -0.9}, 4);
    }

    @Test
    void affineChainsFoldAndZeroEdgesAndConstantsMerge() {
        SymbolicKan net = blank(1, 2, 1)
                .withSymbolic(0, 0, 0, SymbolicFunction.X, 1, 0, 2, 1)
                .withSymbolic(0, 1, 0, SymbolicFunction.ZERO, 1, 0, 0, 0.5)
                .withSymbolic(1, 0, 0, SymbolicFunction.X, 1, 0, 3, -1)
                .withSymbolic(1, 0, 1, SymbolicFunction.X, 1, 0, 1, 0);
        // 3 (2x + 1) - 1 + 0.5
        assertEquals("6*x + 2.5", net.formula(4).text());
        SymbolicKan masked = net.withZero(1, 0, 1).withSymbolic(0, 0, 0, SymbolicFunction.X, 1, 0, 1e-9, 0);
        assertEquals("-1", masked.formula(4).text());
        assertEquals("0.000000003*x - 1", masked.formula(9).text());
    }

    @Test
    void sinOfPiXPrintsWithRoundedConstants() {
        SymbolicKan net = blank(1, 1, 1)
                .withSymbolic(0, 0, 0, SymbolicFunction.X, 1, 0, Math.PI, 0)
                .withSymbolic(1, 0, 0, SymbolicFunction.SIN, 1, 0, 1, 0);
        assertEquals("sin(3.1416*x)", net.formula(4).text());
        assertEquals("\\sin\\left(3.1416 x\\right)", net.formula(4).latex());
        assertEquals("sin(3.14159265*x)", net.formula(8).text());
        // a quarter-period phase turns into the other function: sin(t + pi/2) = cos(t), cos(t + pi) = -cos(t)
        SymbolicKan shifted = net.withSymbolic(1, 0, 0, SymbolicFunction.SIN, 1, Math.PI / 2, 2, 0);
        assertEquals("2*cos(3.1416*x)", shifted.formula(4).text());
        SymbolicKan flipped = net.withSymbolic(1, 0, 0, SymbolicFunction.COS, 1, Math.PI, 1, 0);
        assertEquals("-cos(3.1416*x)", flipped.formula(4).text());
        assertEquals(Math.sin(Math.PI * 0.3), net.formula(12).value(0.3), 1e-12);
    }

    @Test
    void oddAndEvenFunctionsMergeOverSignedArguments() {
        // h0 = x - y, h1 = y - x; cos(h0) + cos(h1) = 2 cos(x - y); sin(h0) + sin(h1) = 0
        SymbolicKan net = blank(2, 2, 1)
                .withSymbolic(0, 0, 0, SymbolicFunction.X, 1, 0, 1, 0)
                .withSymbolic(0, 0, 1, SymbolicFunction.X, 1, 0, -1, 0)
                .withSymbolic(0, 1, 0, SymbolicFunction.X, 1, 0, -1, 0)
                .withSymbolic(0, 1, 1, SymbolicFunction.X, 1, 0, 1, 0);
        SymbolicKan cosines = net.withSymbolic(1, 0, 0, SymbolicFunction.COS, 1, 0, 1, 0)
                .withSymbolic(1, 0, 1, SymbolicFunction.COS, 1, 0, 1, 0);
        assertEquals("2*cos(x - y)", cosines.formula(4).text());
        SymbolicKan sines = net.withSymbolic(1, 0, 0, SymbolicFunction.SIN, 1, 0, 1, 0)
                .withSymbolic(1, 0, 1, SymbolicFunction.SIN, 1, 0, 1, 0.5);
        assertEquals("0.5", sines.formula(4).text());
    }

    @Test
    void unfixedSplineEdgesAppearAsNamedFunctions() {
        Kan kan = SymbolicKanTest.randomKan(new int[] {2, 2, 1}, 3, 5, 8);
        SymbolicKan net = SymbolicKan.of(kan).withSymbolic(0, 1, 1, SymbolicFunction.EXP, 0.5, 0, 1, 0);
        SymbolicFormula f = net.formula(6);
        assertTrue(f.hasSplines());
        String text = f.text();
        assertTrue(text.startsWith("phi_{1,0,0}(phi_{0,0,0}(x) + phi_{0,0,1}(y)) + phi_{1,0,1}("), text);
        assertTrue(text.contains("exp(0.5*y)"), text);
        assertTrue(f.latex().contains("\\phi_{0,0,0}\\left(x\\right)"), f.latex());
        // a formula with 17 digits evaluates like the network (spline atoms through the network)
        double[] z = {0.3, -0.4};
        assertEquals(net.evaluator(Derivatives.VALUE).forward(z, 0).value(), net.formula(17).value(z), 1e-13);
    }

    @Test
    void everyFunctionPrintsInBothForms() {
        for (SymbolicFunction fn : SymbolicFunction.values()) {
            SymbolicKan net = blank(1, 1, 1)
                    .withSymbolic(0, 0, 0, SymbolicFunction.X, 1, 0, 1, 0)
                    .withSymbolic(1, 0, 0, fn, 1, 2, 1, 0);
            String text = net.formula(3).text();
            String latex = net.formula(3).latex();
            assertFalse(text.isEmpty() || latex.isEmpty(), fn.id());
            if (fn != SymbolicFunction.ZERO) {
                assertTrue(text.contains("x + 2"), fn.id() + ": " + text);
            }
        }
        SymbolicKan gauss = blank(1, 1, 1)
                .withSymbolic(0, 0, 0, SymbolicFunction.X, 1, 0, 1, 0)
                .withSymbolic(1, 0, 0, SymbolicFunction.GAUSSIAN, 1, 0, 1, 0);
        assertEquals("exp(-x^2)", gauss.formula(3).text());
        assertEquals("e^{-x^{2}}", gauss.formula(3).latex());
    }

    @Test
    void variableNamesAndDigitsAreChecked() {
        SymbolicKan net = blank(4, 1, 1);
        for (int i = 0; i < 4; i++) {
            net = net.withSymbolic(0, 0, i, SymbolicFunction.X, 1, 0, i + 1, 0);
        }
        net = net.withSymbolic(1, 0, 0, SymbolicFunction.X, 1, 0, 1, 0);
        assertEquals("x1 + 2*x2 + 3*x3 + 4*x4", net.formula(2).text());
        assertEquals("x_{1} + 2 x_{2} + 3 x_{3} + 4 x_{4}", net.formula(2).latex());
        assertEquals("a + 2*b + 3*c + 4*d", SymbolicFormula.of(net, 2, "a", "b", "c", "d").text());
        SymbolicKan n = net;
        assertThrows(IllegalArgumentException.class, () -> n.formula(18));
        assertThrows(IllegalArgumentException.class, () -> SymbolicFormula.of(n, 2, "x"));
        assertThrows(IllegalArgumentException.class, () -> n.formula(2).value(1, 2));
    }
}
