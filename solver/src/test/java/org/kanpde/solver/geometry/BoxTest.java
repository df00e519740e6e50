package org.kanpde.solver.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kanpde.solver.geometry.GeometryChecks.assertRejects;

import org.junit.jupiter.api.Test;
import org.kanpde.solver.quadrature.QuadratureRule;

class BoxTest {

    @Test
    void rejectsInvalidCorners() {
        assertRejects(() -> new Box(new double[] {0, 1}, new double[] {1, 1}), "min 1.0 >= max 1.0");
        assertRejects(() -> new Box(new double[] {2}, new double[] {1}), "min 2.0 >= max 1.0");
        assertRejects(() -> new Box(new double[] {Double.NaN}, new double[] {1}), "NaN");
        assertRejects(() -> new Box(new double[] {0}, new double[] {Double.POSITIVE_INFINITY}), "Infinity");
        assertRejects(() -> new Box(new double[] {0, 0}, new double[] {1}), "length 1");
        assertRejects(() -> new Box(new double[11], new double[11]), "got 11");
        assertRejects(() -> Box.cube(0, 0, 1), "got 0");
    }

    @Test
    void membershipMeasureAndParts() {
        Box box = new Box(new double[] {-1, 0}, new double[] {1, 3});
        assertEquals(6.0, box.measure());
        assertTrue(box.contains(new double[] {1, 3}));
        assertFalse(box.containsInterior(new double[] {1, 3}));
        assertTrue(box.contains(new double[] {1 + 1e-11, 0}));
        assertFalse(box.contains(new double[] {1 + 1e-6, 0}));
        assertTrue(box.containsInterior(new double[] {0, 1}));
        assertEquals(4, box.boundaryPartCount());
        assertEquals("xmin", box.boundaryPartName(0));
        assertEquals("ymax", box.boundaryPartName(3));
        assertEquals(3.0, box.boundaryPartMeasure(0));
        assertEquals(2.0, box.boundaryPartMeasure(2));
        assertEquals(2, box.boundaryPart("ymin"));
        assertArrayEquals(new double[] {-1, 0}, box.lower());
        assertEquals("zmax", Box.cube(3, 0, 1).boundaryPartName(5));
    }

    @Test
    void cornersAreCopied() {
        double[] lo = {0, 0};
        Box box = new Box(lo, new double[] {1, 1});
        lo[0] = 5;
        box.lower()[0] = 7;
        assertEquals(0.0, box.lower()[0]);
    }

    @Test
    void uniformGridUsesLargestPerfectPowerAndExcludesTheBoundary() {
        Box square = Box.cube(2, 0, 1);
        assertEquals(100, square.sampleInterior(100, SamplingScheme.UNIFORM_GRID, 0).size());
        assertEquals(81, square.sampleInterior(99, SamplingScheme.UNIFORM_GRID, 0).size());
        assertEquals(1, square.sampleInterior(3, SamplingScheme.UNIFORM_GRID, 0).size());
        assertEquals(27, Box.cube(3, 0, 1).sampleInterior(63, SamplingScheme.CHEBYSHEV, 0).size());
        PointSet line = Box.interval(0, 1).sampleInterior(4, SamplingScheme.UNIFORM_GRID, 0);
        assertArrayEquals(new double[] {0.2, 0.4, 0.6, 0.8}, line.coordinates(), 1e-15);
        // Last coordinate fastest.
        PointSet grid = square.sampleInterior(4, SamplingScheme.UNIFORM_GRID, 0);
        double t = 1.0 / 3, u = 2.0 / 3;
        assertArrayEquals(new double[] {t, t, t, u, u, t, u, u}, grid.coordinates(), 1e-15);
    }

    @Test
    void gaussLegendreAndChebyshevNodesAreTheTensorNodes() {
        PointSet gl = Box.interval(-1, 1).sampleInterior(2, SamplingScheme.GAUSS_LEGENDRE, 0);
        assertArrayEquals(new double[] {-1 / Math.sqrt(3), 1 / Math.sqrt(3)}, gl.coordinates(), 1e-15);
        PointSet cheb = Box.interval(-1, 1).sampleInterior(3, SamplingScheme.CHEBYSHEV, 0);
        double c = Math.cos(Math.PI / 6);
        assertArrayEquals(new double[] {-c, 0, c}, cheb.coordinates(), 1e-15);
    }

    @Test
    void sobolPointsAreADigitallyShiftedNet() {
        // A (0, m, 2)-net in base 2: 64 points put exactly one point in each of the 8 x 8 cells, and
        // a digital shift keeps that property.
        for (long seed : new long[] {1, 2, 3}) {
            PointSet points = Box.cube(2, 0, 1).sampleInterior(64, SamplingScheme.SOBOL, seed);
            int[] cells = new int[64];
            for (int i = 0; i < 64; i++) {
                int cx = (int) (points.coordinate(i, 0) * 8);
                int cy = (int) (points.coordinate(i, 1) * 8);
                cells[cx * 8 + cy]++;
            }
            for (int count : cells) {
                assertEquals(1, count, "seed " + seed);
            }
        }
    }

    @Test
    void oneDimensionalBoundaryIsTheTwoEndPoints() {
        Box interval = Box.interval(-2, 5);
        for (SamplingScheme scheme : SamplingScheme.values()) {
            BoundarySample sample = interval.sampleBoundary(17, scheme, 3);
            assertArrayEquals(new double[] {-2, 5}, sample.coordinates());
            assertArrayEquals(new double[] {-1, 1}, sample.normals());
            assertArrayEquals(new int[] {0, 1}, sample.parts());
        }
        assertEquals("xmax", interval.boundaryPartName(1));
    }

    @Test
    void boundaryGridIsSplitByEdgeLength() {
        Box box = new Box(new double[] {0, 0}, new double[] {2, 1});
        BoundarySample sample = box.sampleBoundary(60, SamplingScheme.UNIFORM_GRID, 0);
        assertEquals(10, sample.indicesOfPart(0).length);
        assertEquals(10, sample.indicesOfPart(1).length);
        assertEquals(20, sample.indicesOfPart(2).length);
        assertEquals(20, sample.indicesOfPart(3).length);
        // Cell midpoints along xmin: y = (i + 1/2) / 10.
        int first = sample.indicesOfPart(0)[0];
        assertEquals(0.0, sample.coordinate(first, 0));
        assertEquals(0.05, sample.coordinate(first, 1), 1e-15);
    }

    @Test
    void threeDimensionalFaceGridsFollowTheFaceShape() {
        Box box = new Box(new double[] {0, 0, 0}, new double[] {4, 1, 1});
        BoundarySample sample = box.sampleBoundary(1800, SamplingScheme.UNIFORM_GRID, 0);
        // Faces x = const have area 1, the other four area 4: 100 and 400 points.
        assertEquals(100, sample.indicesOfPart(0).length);
        assertEquals(400, sample.indicesOfPart(2).length);
        assertEquals(1800, sample.size());
    }

    @Test
    void quadratureIntegratesExpAndPolynomials() {
        Box box = new Box(new double[] {-1, 0, 0.5}, new double[] {1, 2, 1});
        QuadratureRule rule = box.quadrature(8);
        assertEquals(512, rule.size());
        double exact = (Math.exp(1) - Math.exp(-1)) * (Math.exp(2) - 1) * (Math.exp(1) - Math.exp(0.5));
        assertEquals(exact, rule.integrate(z -> Math.exp(z[0] + z[1] + z[2])), 1e-12 * exact);
        // Degree 2p - 1 = 15 in each variable is exact.
        double poly = rule.integrate(z -> Math.pow(z[0], 14) * Math.pow(z[1], 15) * Math.pow(z[2], 3));
        double polyExact = (2.0 / 15) * (Math.pow(2, 16) / 16) * ((1 - Math.pow(0.5, 4)) / 4);
        assertEquals(polyExact, poly, 1e-13 * polyExact);
        QuadratureRule refined = box.quadrature(3, 4);
        assertEquals(Math.pow(12, 3), refined.size());
        assertEquals(exact, refined.integrate(z -> Math.exp(z[0] + z[1] + z[2])), 1e-7 * exact);
    }

    @Test
    void boxesUpToTenDimensionsNameTheirFacesByIndex() {
        Box box = Box.cube(5, 0, 1);
        assertEquals(10, box.boundaryPartCount());
        assertEquals("x1min", box.boundaryPartName(0));
        assertEquals("x5max", box.boundaryPartName(9));
        assertEquals(1.0, box.boundaryPartMeasure(4));
        Box ten = Box.cube(10, -1, 1);
        assertEquals(1024.0, ten.measure());
        assertEquals(1000, ten.sampleInterior(1000, SamplingScheme.SOBOL, 1).size());
        assertEquals(1024, ten.sampleInterior(1500, SamplingScheme.UNIFORM_GRID, 1).size());   // 2^10
        BoundarySample sample = ten.sampleBoundary(400, SamplingScheme.RANDOM, 2);
        GeometryChecks.assertOnBoundaryWithOutwardNormals(ten, sample);
        assertEquals("x10max", ten.boundaryPartName(19));
    }

    @Test
    void highDimensionalQuadratureFallsBackToSobolPoints() {
        Box five = Box.cube(5, 0, 1);
        QuadratureRule tensor = five.quadrature(8, 1);
        assertEquals(32768, tensor.size());
        // exact for x1^2 x5^4
        assertEquals(1.0 / 15, tensor.integrate(z -> z[0] * z[0] * Math.pow(z[4], 4)), 1e-14);
        QuadratureRule sobol = Box.cube(6, 0, 2).quadrature(8, 1);
        assertEquals(Box.MAX_TENSOR_NODES, sobol.size());
        assertEquals(64, sobol.totalWeight(), 1e-9);
        assertEquals(64, sobol.integrate(z -> z[0] * z[5]), 64 * 1e-3);
    }
}
