package org.kanpde.solver.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kanpde.solver.geometry.GeometryChecks.assertRejects;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.kanpde.solver.quadrature.QuadratureRule;

class PolygonTest {

    @Test
    void rejectsInvalidPolygons() {
        assertRejects(() -> new Polygon(new double[] {0, 0, 1, 0}), "got 2");
        assertRejects(() -> new Polygon(new double[] {0, 0, 1, 0, 1}), "odd length 5");
        assertRejects(() -> new Polygon(new double[] {0, 0, 1, Double.NaN, 0, 1}), "y of vertex 1");
        assertRejects(() -> new Polygon(new double[] {0, 0, 1, 1, 2, 2}), "fold back");
        assertRejects(() -> new Polygon(new double[] {0, 0, 1, 1e-20, 2, 0}), "area");
        assertRejects(() -> new Polygon(new double[] {0, 0, 1, 0, 1, 0, 0, 1}), "edge 1 has zero length");
        // Bow ties: edges 0 and 2 cross (the symmetric one has zero signed area).
        assertRejects(() -> new Polygon(new double[] {0, 0, 1, 1, 1, 0, 0, 1}), "self-intersecting: edge 0");
        assertRejects(() -> new Polygon(new double[] {0, 0, 2, 2, 2, 0, 0, 1}), "self-intersecting: edge 0");
        // Touching: vertex 4 lies on edge 0.
        assertRejects(() -> new Polygon(new double[] {0, 0, 2, 0, 2, 2, 1, 2, 1, 0, 0, 1}), "self-intersecting");
        // Spike folding back along edge 0.
        assertRejects(() -> new Polygon(new double[] {0, 0, 2, 0, 1, 0, 1, 1}), "fold back");
        double[] square = {0, 0, 1, 0, 1, 1, 0, 1};
        assertRejects(() -> new Polygon(square, List.of("a", "b", "c")), "got 3");
        assertRejects(() -> new Polygon(square, List.of("a", "b", "a", "d")), "'a' twice");
        assertRejects(() -> new Polygon(square, List.of("a", " ", "c", "d")), "edge name 1");
    }

    @Test
    void lShapeHasAreaThreeAndSixEdges() {
        Polygon l = Polygon.lShape();
        assertEquals(3.0, l.measure(), 1e-15);
        assertEquals(6, l.boundaryPartCount());
        assertEquals("edge0", l.boundaryPartName(0));
        assertTrue(l.isCounterClockwise());
        assertEquals(4, l.triangles().length / 6);
        assertTrue(l.containsInterior(new double[] {-0.5, -0.5}));
        assertTrue(l.containsInterior(new double[] {0.5, 0.5}));
        assertFalse(l.contains(new double[] {0.5, -0.5}));
        assertTrue(l.contains(new double[] {0, 0}));
        assertFalse(l.containsInterior(new double[] {0, -0.5}));
        assertTrue(l.contains(new double[] {0.5, -1e-12}));
        assertFalse(l.contains(new double[] {0.5, -1e-6}));
        assertArrayEquals(new double[] {-1, -1}, l.lower());
        assertArrayEquals(new double[] {1, 1}, l.upper());
    }

    @Test
    void clockwiseInputKeepsOrderAndGetsOutwardNormals() {
        Polygon cw = new Polygon(new double[] {0, 0, 0, 1, 1, 1, 1, 0}, List.of("left", "top", "right", "bottom"));
        assertFalse(cw.isCounterClockwise());
        assertEquals(1.0, cw.measure(), 1e-15);
        assertEquals(2, cw.boundaryPart("right"));
        BoundarySample sample = cw.sampleBoundary(4, SamplingScheme.UNIFORM_GRID, 0);
        for (int i = 0; i < 4; i++) {
            String name = cw.boundaryPartName(sample.part(i));
            double[] expected = switch (name) {
                case "left" -> new double[] {-1, 0};
                case "top" -> new double[] {0, 1};
                case "right" -> new double[] {1, 0};
                default -> new double[] {0, -1};
            };
            assertArrayEquals(expected, new double[] {sample.normal(i, 0), sample.normal(i, 1)}, 1e-15, name);
        }
    }

    @Test
    void lShapeQuadratureIsExactForPolynomials() {
        Polygon l = Polygon.lShape();
        QuadratureRule rule = l.quadrature(4);
        assertEquals(4 * 16, rule.size());
        assertEquals(3.0, rule.totalWeight(), 1e-14);
        // Degree 2p - 2 = 6. Integrals over [-1,1]^2 minus those over [0,1] x [-1,0].
        assertEquals(lShapeMonomial(2, 4), rule.integrate(z -> z[0] * z[0] * Math.pow(z[1], 4)), 1e-14);
        assertEquals(lShapeMonomial(3, 3), rule.integrate(z -> Math.pow(z[0], 3) * Math.pow(z[1], 3)), 1e-14);
        assertEquals(lShapeMonomial(1, 0), rule.integrate(z -> z[0]), 1e-14);
        // x^2 + y^2 on the L-shape: 8/3 - 2/3 = 2.
        assertEquals(2.0, rule.integrate(z -> z[0] * z[0] + z[1] * z[1]), 1e-14);
        // exp(x + y): spectral convergence with p, and convergence with subdivisions.
        double exact = Math.pow(Math.E - 1 / Math.E, 2) - (Math.E - 1) * (1 - 1 / Math.E);
        assertEquals(exact, l.quadrature(8).integrate(z -> Math.exp(z[0] + z[1])), 1e-12);
        assertEquals(exact, l.quadrature(3, 8).integrate(z -> Math.exp(z[0] + z[1])), 1e-8);
    }

    /** Integral of x^a y^b over the L-shape. */
    private static double lShapeMonomial(int a, int b) {
        double square = moment(-1, 1, a) * moment(-1, 1, b);
        double removed = moment(0, 1, a) * moment(-1, 0, b);
        return square - removed;
    }

    private static double moment(double lo, double hi, int k) {
        return (Math.pow(hi, k + 1) - Math.pow(lo, k + 1)) / (k + 1);
    }

    @Test
    void earClippingCoversNonConvexPolygonsWithCollinearVertices() {
        // A comb with a collinear vertex on the bottom edge; area 4*3 - 2 (notch) - triangle cut.
        Polygon comb = new Polygon(new double[] {0, 0, 3, 0, 4, 0, 4, 3, 3, 3, 3, 1, 2, 1, 2, 3, 1, 3, 1, 1, 0, 1.5});
        double[] triangles = comb.triangles();
        double sum = 0;
        for (int t = 0; t < triangles.length / 6; t++) {
            double area2 = (triangles[6 * t + 2] - triangles[6 * t]) * (triangles[6 * t + 5] - triangles[6 * t + 1])
                    - (triangles[6 * t + 3] - triangles[6 * t + 1]) * (triangles[6 * t + 4] - triangles[6 * t]);
            assertTrue(area2 > 0, "triangle " + t + " not counter-clockwise");
            sum += 0.5 * area2;
        }
        assertEquals(comb.measure(), sum, 1e-12);
        assertEquals(comb.measure(), comb.quadrature(2).totalWeight(), 1e-12);
    }

    @Test
    void gridSamplingExcludesTheReentrantEdges() {
        // m odd puts grid lines on x = 0 and y = 0, where the L-shape has boundary edges.
        PointSet points = Polygon.lShape().sampleInterior(300, SamplingScheme.UNIFORM_GRID, 0);
        GeometryChecks.assertStrictlyInside(Polygon.lShape(), points);
        assertTrue(points.size() <= 300 && points.size() > 250, "size " + points.size());
    }
}
