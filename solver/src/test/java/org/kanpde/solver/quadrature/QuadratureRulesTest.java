package org.kanpde.solver.quadrature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.hipparchus.special.Gamma;
import org.hipparchus.util.CombinatoricsUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.kanpde.net.quadrature.GaussLegendre;

/** The rule factories: tensor boxes, polar disks and collapsed triangles. */
class QuadratureRulesTest {

    private static void assertRejects(Executable call, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), () -> "'" + e.getMessage() + "' lacks '" + fragment + "'");
    }

    @Test
    void tensorBoxIsExactPerVariableDegree() {
        for (int d = 1; d <= 3; d++) {
            double[] lo = {-1, 0.5, 2};
            double[] hi = {2, 1, 3};
            lo = java.util.Arrays.copyOf(lo, d);
            hi = java.util.Arrays.copyOf(hi, d);
            for (int p = 1; p <= 4; p++) {
                QuadratureRule rule = TensorGaussLegendre.box(lo, hi, p, 2);
                assertEquals(Math.pow(2 * p, d), rule.size(), 0);
                int deg = 2 * p - 1;
                double exact = 1;
                for (int k = 0; k < d; k++) {
                    exact *= (Math.pow(hi[k], deg + 1) - Math.pow(lo[k], deg + 1)) / (deg + 1);
                }
                final int dim = d;
                double value = rule.integrate(z -> {
                    double v = 1;
                    for (int k = 0; k < dim; k++) {
                        v *= Math.pow(z[k], deg);
                    }
                    return v;
                });
                assertEquals(exact, value, 1e-12 * Math.abs(exact), "d=" + d + " p=" + p);
            }
        }
        QuadratureRule unit = TensorGaussLegendre.box(new double[] {0, 0}, new double[] {1, 1}, 1, 1);
        assertArrayEquals(new double[] {0.5, 0.5}, unit.points(), 1e-15);
        assertArrayEquals(new double[] {1.0}, unit.weights(), 1e-15);
    }

    @Test
    void tensorBoxRejectsBadInput() {
        assertRejects(() -> TensorGaussLegendre.box(new double[] {0}, new double[] {0}, 2, 1), "[0.0, 0.0]");
        assertRejects(() -> TensorGaussLegendre.box(new double[] {0}, new double[] {1, 2}, 2, 1), "length 2");
        assertRejects(() -> TensorGaussLegendre.box(new double[] {0}, new double[] {1}, 0, 1), "got 0");
        assertRejects(() -> TensorGaussLegendre.box(new double[] {0}, new double[] {1}, 1, -1), "got -1");
    }

    @Test
    void polarDiskIsExactForPolynomialsUpToDegreeTwoPMinusTwo() {
        for (int p = 1; p <= 5; p++) {
            QuadratureRule rule = PolarQuadrature.disk(0, 0, 1, p, 1, 2 * p);
            for (int a = 0; a <= 2 * p - 2; a++) {
                for (int b = 0; a + b <= 2 * p - 2; b++) {
                    final int ea = a, eb = b;
                    double value = rule.integrate(z -> Math.pow(z[0], ea) * Math.pow(z[1], eb));
                    assertEquals(diskMonomial(a, b), value, 1e-14, "p=" + p + " x^" + a + " y^" + b);
                }
            }
        }
        assertRejects(() -> PolarQuadrature.disk(0, 0, 0, 2, 1, 4), "got 0.0");
        assertRejects(() -> PolarQuadrature.disk(Double.NaN, 0, 1, 2, 1, 4), "NaN");
        assertRejects(() -> PolarQuadrature.disk(0, 0, 1, 2, 1, 0), "angularPoints must be >= 1, got 0");
    }

    /** Integral of x^a y^b over the unit disk. */
    private static double diskMonomial(int a, int b) {
        if (a % 2 == 1 || b % 2 == 1) {
            return 0;
        }
        return 2 * Gamma.gamma((a + 1) / 2.0) * Gamma.gamma((b + 1) / 2.0) / ((a + b + 2) * Gamma.gamma((a + b + 2) / 2.0));
    }

    @Test
    void collapsedTriangleIsExactForPolynomialsUpToDegreeTwoPMinusTwo() {
        double[] reference = {0, 0, 1, 0, 0, 1};
        for (int p = 1; p <= 5; p++) {
            for (int s = 1; s <= 3; s++) {
                QuadratureRule rule = TriangleQuadrature.triangles(reference, p, s);
                assertEquals(s * s * p * p, rule.size());
                for (int a = 0; a <= 2 * p - 2; a++) {
                    for (int b = 0; a + b <= 2 * p - 2; b++) {
                        final int ea = a, eb = b;
                        double exact = CombinatoricsUtils.factorialDouble(a) * CombinatoricsUtils.factorialDouble(b)
                                / CombinatoricsUtils.factorialDouble(a + b + 2);
                        double value = rule.integrate(z -> Math.pow(z[0], ea) * Math.pow(z[1], eb));
                        assertEquals(exact, value, 1e-15, "p=" + p + " s=" + s + " x^" + a + " y^" + b);
                    }
                }
            }
        }
    }

    @Test
    void collapsedTriangleHandlesAnyOrientationAndSeveralTriangles() {
        // The unit square as two triangles, one clockwise.
        double[] square = {0, 0, 1, 0, 1, 1, 0, 0, 0, 1, 1, 1};
        QuadratureRule rule = TriangleQuadrature.triangles(square, 8, 1);
        assertEquals(1.0, rule.totalWeight(), 1e-15);
        assertEquals((Math.E - 1) * (Math.E - 1), rule.integrate(z -> Math.exp(z[0] + z[1])), 1e-13);
        QuadratureRule refined = TriangleQuadrature.triangles(square, 3, 6);
        assertEquals((Math.E - 1) * (Math.E - 1), refined.integrate(z -> Math.exp(z[0] + z[1])), 1e-7);
        assertRejects(() -> TriangleQuadrature.triangles(new double[] {0, 0, 1, 1, 2, 2}, 2, 1), "degenerate");
        assertRejects(() -> TriangleQuadrature.triangles(new double[5], 2, 1), "got 5");
        assertRejects(() -> TriangleQuadrature.triangles(square, 2, 0), "got 0");
    }

    @Test
    void ruleValidatesCopiesAndConcatenates() {
        QuadratureRule a = new QuadratureRule(1, new double[] {0.25}, new double[] {0.5});
        QuadratureRule b = new QuadratureRule(1, new double[] {0.75}, new double[] {0.5});
        QuadratureRule both = QuadratureRule.concatenate(List.of(a, b));
        assertEquals(2, both.size());
        assertEquals(1.0, both.totalWeight());
        assertEquals(0.5, both.integrate(z -> z[0]), 1e-15);
        assertEquals(0.75, both.coordinate(1, 0));
        double[] pts = both.points();
        pts[0] = 9;
        assertEquals(0.25, both.coordinate(0, 0));
        assertRejects(() -> new QuadratureRule(0, new double[0], new double[0]), "got 0");
        assertRejects(() -> new QuadratureRule(2, new double[3], new double[2]), "got 3");
        assertRejects(() -> new QuadratureRule(1, new double[] {Double.NaN}, new double[] {1}), "NaN");
        assertRejects(() -> new QuadratureRule(1, new double[] {0}, new double[] {Double.POSITIVE_INFINITY}), "weight 0");
        assertRejects(() -> QuadratureRule.concatenate(List.of()), "got 0");
        QuadratureRule planar = new QuadratureRule(2, new double[] {0, 0}, new double[] {1});
        assertRejects(() -> QuadratureRule.concatenate(List.of(a, planar)), "rule 1 has dimension 2");
    }
}
