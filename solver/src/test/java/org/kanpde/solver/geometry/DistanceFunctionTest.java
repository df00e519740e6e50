package org.kanpde.solver.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kanpde.solver.geometry.GeometryChecks.assertRejects;

import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@link DistanceFunction} contract for every domain. */
class DistanceFunctionTest {

    static Stream<Domain> domains() {
        return GeometryChecks.domains().stream();
    }

    @ParameterizedTest
    @MethodSource("domains")
    void vanishesOnBoundarySamples(Domain domain) {
        DistanceFunction distance = domain.distance();
        assertEquals(domain.dimension(), distance.dimension());
        BoundarySample sample = domain.sampleBoundary(300, SamplingScheme.RANDOM, 4L);
        double[] z = new double[domain.dimension()];
        for (int i = 0; i < sample.size(); i++) {
            sample.point(i, z);
            assertEquals(0.0, distance.value(z), 1e-12, () -> "D at boundary point " + Arrays.toString(z));
        }
    }

    @ParameterizedTest
    @MethodSource("domains")
    void isPositiveInside(Domain domain) {
        DistanceFunction distance = domain.distance();
        PointSet points = domain.sampleInterior(500, SamplingScheme.RANDOM, 9L);
        double[] z = new double[domain.dimension()];
        for (int i = 0; i < points.size(); i++) {
            points.point(i, z);
            assertTrue(distance.value(z) > 0, () -> "D not positive at " + Arrays.toString(z));
        }
    }

    /**
     * Gradient against central differences of the value, Hessian against central differences of the
     * gradient. Points closer than 5% of the domain size to the boundary are skipped: there the
     * polygon function's derivatives grow like 1/r near vertices, which spoils finite differences
     * rather than the analytic values.
     */
    @ParameterizedTest
    @MethodSource("domains")
    void derivativesMatchCentralDifferences(Domain domain) {
        DistanceFunction distance = domain.distance();
        int d = domain.dimension();
        double size = GeometryChecks.size(domain);
        double h = 1e-5 * size;
        PointSet points = domain.sampleInterior(300, SamplingScheme.RANDOM, 21L);
        double[] z = new double[d];
        double[] g = new double[d];
        double[] hess = new double[d * d];
        double[] g2 = new double[d];
        double[] diag = new double[d];
        double[] gp = new double[d];
        double[] gm = new double[d];
        double[] scratch = new double[d * d];
        int checked = 0;
        for (int i = 0; i < points.size(); i++) {
            points.point(i, z);
            if (!farFromBoundary(domain, z, 0.05 * size)) {
                continue;
            }
            checked++;
            double value = distance.evaluate(z, g, hess);
            assertEquals(distance.value(z), value, 1e-15 * Math.max(1, Math.abs(value)));
            assertEquals(value, distance.evaluateDiagonal(z, g2, diag), 1e-15 * Math.max(1, Math.abs(value)));
            for (int k = 0; k < d; k++) {
                assertEquals(g[k], g2[k], 1e-14 * Math.max(1, Math.abs(g[k])));
                assertEquals(hess[k * d + k], diag[k], 1e-12 * Math.max(1, Math.abs(diag[k])));
                double zk = z[k];
                z[k] = zk + h;
                double fp = distance.evaluate(z, gp, scratch);
                z[k] = zk - h;
                double fm = distance.evaluate(z, gm, scratch);
                z[k] = zk;
                double fdGradient = (fp - fm) / (2 * h);
                String where = "at " + Arrays.toString(z) + " on " + domain;
                assertEquals(fdGradient, g[k], 1e-6 * Math.max(1, Math.abs(g[k])), "dD/dz" + k + " " + where);
                for (int l = 0; l < d; l++) {
                    double fdHessian = (gp[l] - gm[l]) / (2 * h);
                    assertEquals(fdHessian, hess[l * d + k], 1e-6 * Math.max(1, Math.abs(hess[l * d + k])),
                            "d2D/dz" + l + "dz" + k + " " + where);
                    assertEquals(hess[l * d + k], hess[k * d + l], 1e-12 * Math.max(1, Math.abs(hess[k * d + l])));
                }
            }
        }
        assertTrue(checked >= 50, "only " + checked + " points checked");
    }

    /** Whether z is farther than r from the boundary, by probing the 2d axis directions and diagonals. */
    private static boolean farFromBoundary(Domain domain, double[] z, double r) {
        if (domain instanceof CsgDomain csg) {
            // the R-functions are smooth only away from every operand's boundary (an operand's corner
            // inside the result is a cone point of its signed function)
            for (Domain operand : csg.operands()) {
                if (!farFromBoundary(operand, z, r) && !farOutside(operand, z, r)) {
                    return false;
                }
            }
        }
        return probes(domain, z, r, true);
    }

    private static boolean farOutside(Domain domain, double[] z, double r) {
        return probes(domain, z, r, false);
    }

    /** Whether all probes at distance r from z are inside (or all outside) the domain. */
    private static boolean probes(Domain domain, double[] z, double r, boolean inside) {
        int d = z.length;
        double[] probe = new double[d];
        for (int dir = 0; dir < 64; dir++) {
            double norm = 0;
            for (int k = 0; k < d; k++) {
                probe[k] = Math.cos(dir * (k + 1.3) * 0.7 + k);
                norm += probe[k] * probe[k];
            }
            norm = Math.sqrt(norm);
            for (int k = 0; k < d; k++) {
                probe[k] = z[k] + r * probe[k] / norm;
            }
            if (inside ? !domain.containsInterior(probe) : domain.contains(probe)) {
                return false;
            }
        }
        return inside ? domain.containsInterior(z) : !domain.contains(z);
    }

    @ParameterizedTest
    @MethodSource("domains")
    void rejectsWrongDimensionsAndShortOutputs(Domain domain) {
        DistanceFunction distance = domain.distance();
        int d = domain.dimension();
        double[] inside = domain.sampleInterior(1, SamplingScheme.RANDOM, 1L).point(0);
        assertRejects(() -> distance.value(new double[d + 1]), "got length " + (d + 1));
        assertRejects(() -> distance.evaluate(inside, new double[d - 1], new double[d * d]), "got " + (d - 1));
        assertRejects(() -> distance.evaluate(inside, new double[d], new double[d * d - 1]), "got " + (d * d - 1));
        assertRejects(() -> distance.evaluateDiagonal(inside, new double[d], new double[d - 1]), "got " + (d - 1));
    }

    @Test
    void boxDistanceIsOneAtTheCentre() {
        Box box = new Box(new double[] {-1, 2, 0}, new double[] {3, 4, 10});
        assertEquals(1.0, box.distance().value(new double[] {1, 3, 5}), 1e-15);
        assertEquals(1.0, Disk.unit().distance().value(new double[] {0, 0}), 1e-15);
    }

    @Test
    void polygonDistanceBehavesLikeTheDistanceNearEdgeMidpoints() {
        DistanceFunction distance = Polygon.lShape().distance();
        // Bottom edge y = -1, x in [-1, 0]: at height delta above its midpoint D ~ delta, grad ~ (0, 1).
        double delta = 1e-4;
        double[] g = new double[2];
        double[] h = new double[4];
        double value = distance.evaluate(new double[] {-0.5, -1 + delta}, g, h);
        assertEquals(delta, value, 1e-3 * delta);
        assertEquals(0.0, g[0], 1e-3);
        assertEquals(1.0, g[1], 1e-3);
    }

    @Test
    void polygonDistanceIsZeroWithNaNDerivativesAtVertices() {
        DistanceFunction distance = Polygon.lShape().distance();
        double[] g = new double[2];
        double[] h = new double[4];
        for (double[] z : new double[][] {{0, 0}, {-1, -1}, {1, 1}}) {
            assertEquals(0.0, distance.value(z));
            assertEquals(0.0, distance.evaluate(z, g, h));
            assertTrue(Double.isNaN(g[0]) && Double.isNaN(h[3]));
            assertEquals(0.0, distance.evaluateDiagonal(z, g, h));
            assertTrue(Double.isNaN(g[1]) && Double.isNaN(h[1]));
        }
    }

    /**
     * On an edge, away from vertices, D has a kink; the derivatives returned there are the limits
     * from inside: what a point a little inside gives, to first order in the distance.
     */
    @Test
    void polygonDistanceOnAnEdgeGivesTheDerivativesLimitsFromInside() {
        Polygon clockwiseTriangle = new Polygon(new double[] {0, 0, 0, 2, 3, 0});
        int checked = 0;
        for (Polygon polygon : new Polygon[] {Polygon.lShape(), clockwiseTriangle}) {
            DistanceFunction distance = polygon.distance();
            double[] xy = polygon.vertices();
            int n = xy.length / 2;
            for (int e = 0; e < n; e++) {
                double ax = xy[2 * e], ay = xy[2 * e + 1];
                double bx = xy[2 * ((e + 1) % n)], by = xy[2 * ((e + 1) % n) + 1];
                double length = Math.hypot(bx - ax, by - ay);
                double sign = polygon.isCounterClockwise() ? 1 : -1;
                // the interior is on the left of a counter-clockwise edge
                double nx = -sign * (by - ay) / length, ny = sign * (bx - ax) / length;
                for (double s : new double[] {0.3, 0.5, 0.71}) {
                    // an edge point whose coordinates are exact, so that D is exactly 0 there
                    double[] z = {ax + s * (bx - ax), ay + s * (by - ay)};
                    double[] g0 = new double[2];
                    double[] h0 = new double[4];
                    assertEquals(0.0, distance.evaluate(z, g0, h0), 1e-15, polygon + " edge " + e);
                    if (distance.value(z) != 0) {
                        continue; // rounding put z off the slanted edge
                    }
                    checked++;
                    double[] d0 = new double[2];
                    double[] dg = new double[2];
                    distance.evaluateDiagonal(z, dg, d0);
                    // the limit is approached to first order in the distance delta
                    double delta = 1e-7;
                    double[] inside = {z[0] + delta * nx, z[1] + delta * ny};
                    double[] g = new double[2];
                    double[] h = new double[4];
                    distance.evaluate(inside, g, h);
                    String where = polygon + ", edge " + e + " at " + Arrays.toString(z);
                    assertEquals(nx, g0[0], 0.0, where);
                    assertEquals(ny, g0[1], 0.0, where);
                    for (int k = 0; k < 2; k++) {
                        assertEquals(g[k], g0[k], 1e-5, where + " gradient " + k);
                        assertEquals(g0[k], dg[k], 0.0, where);
                        assertEquals(h0[3 * k], d0[k], 0.0, where);
                    }
                    for (int k = 0; k < 4; k++) {
                        assertTrue(Double.isFinite(h0[k]), where);
                        assertEquals(h[k], h0[k], 1e-4 * (1 + Math.abs(h0[k])), where + " Hessian " + k);
                    }
                }
            }
        }
        assertTrue(checked >= 20, "only " + checked + " edge points were exactly on an edge");
    }
}
