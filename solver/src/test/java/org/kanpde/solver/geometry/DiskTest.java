package org.kanpde.solver.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kanpde.solver.geometry.GeometryChecks.assertRejects;

import org.junit.jupiter.api.Test;
import org.kanpde.solver.quadrature.QuadratureRule;

class DiskTest {

    @Test
    void rejectsInvalidParameters() {
        assertRejects(() -> new Disk(0, 0, 0), "got 0.0");
        assertRejects(() -> new Disk(0, 0, -2), "got -2.0");
        assertRejects(() -> new Disk(Double.NaN, 0, 1), "NaN");
        assertRejects(() -> new Disk(0, 0, Double.NaN), "NaN");
        assertRejects(() -> new Disk(0, Double.NEGATIVE_INFINITY, 1), "-Infinity");
    }

    @Test
    void membershipMeasureAndParts() {
        Disk disk = new Disk(1, 2, 3);
        assertEquals(9 * Math.PI, disk.measure(), 1e-14);
        assertTrue(disk.contains(new double[] {4, 2}));
        assertFalse(disk.containsInterior(new double[] {4, 2}));
        assertTrue(disk.containsInterior(new double[] {3.9, 2}));
        assertFalse(disk.contains(new double[] {4.001, 2}));
        assertArrayEquals(new double[] {-2, -1}, disk.lower());
        assertArrayEquals(new double[] {4, 5}, disk.upper());
        assertEquals(1, disk.boundaryPartCount());
        assertEquals("circle", disk.boundaryPartName(0));
        assertEquals(6 * Math.PI, disk.boundaryPartMeasure(0), 1e-14);
        assertArrayEquals(new double[] {1, 2}, disk.centre());
        assertEquals(3.0, disk.radius());
    }

    @Test
    void gridSamplingKeepsAboutNPointsInside() {
        PointSet points = Disk.unit().sampleInterior(1000, SamplingScheme.UNIFORM_GRID, 0);
        assertTrue(points.size() <= 1000 && points.size() > 900, "size " + points.size());
        // Tiny n still returns at least one point (the centre for a 1 x 1 grid).
        PointSet one = Disk.unit().sampleInterior(1, SamplingScheme.UNIFORM_GRID, 0);
        assertEquals(1, one.size());
        assertArrayEquals(new double[] {0, 0}, one.coordinates(), 1e-15);
    }

    @Test
    void boundaryGridIsEquallySpaced() {
        BoundarySample sample = Disk.unit().sampleBoundary(8, SamplingScheme.GAUSS_LEGENDRE, 0);
        assertEquals(8, sample.size());
        for (int i = 0; i < 8; i++) {
            double theta = 2 * Math.PI * (i + 0.5) / 8;
            assertEquals(Math.cos(theta), sample.coordinate(i, 0), 1e-15);
            assertEquals(Math.sin(theta), sample.normal(i, 1), 1e-15);
        }
    }

    @Test
    void quadratureIntegratesKnownIntegrals() {
        Disk unit = Disk.unit();
        QuadratureRule rule = unit.quadrature(4);
        assertEquals(4 * 8, rule.size());
        assertEquals(Math.PI / 2, rule.integrate(z -> z[0] * z[0] + z[1] * z[1]), 1e-14);
        // Integral of exp(x) over the unit disk is 2 pi I_1(1).
        double besselI1 = 0.5651591039924850;
        double exact = 2 * Math.PI * besselI1;
        assertEquals(exact, unit.quadrature(10).integrate(z -> Math.exp(z[0])), 1e-13);
        assertEquals(exact, unit.quadrature(5, 3).integrate(z -> Math.exp(z[0])), 1e-12);
        // Shifted, scaled disk: area and the second moment about the centre, pi R^4 / 2.
        Disk disk = new Disk(1, -2, 2);
        QuadratureRule shifted = disk.quadrature(3);
        assertEquals(4 * Math.PI, shifted.totalWeight(), 1e-13);
        assertEquals(8 * Math.PI, shifted.integrate(z -> (z[0] - 1) * (z[0] - 1) + (z[1] + 2) * (z[1] + 2)), 1e-12);
    }
}
