package org.kanpde.solver.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kanpde.solver.geometry.GeometryChecks.assertRejects;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kanpde.solver.quadrature.QuadratureRule;

/** CSG domains against closed forms: measures, part names and measures, normals, sampling, errors. */
class CsgDomainTest {

    /** The unit square centred at the origin minus a disk of radius 0.1 named h1 (PINNacle-like). */
    static CsgDomain plateWithHole() {
        return CsgDomain.difference(square(), NamedDomain.of("h1", new Disk(0.3, 0.3, 0.1)));
    }

    /** The same square minus a disk of radius 0.2 centred on its right edge (unnamed). */
    static CsgDomain plateWithNotch() {
        return CsgDomain.difference(square(), new Disk(0.5, 0, 0.2));
    }

    /** The unit disk (a) united with the bar [0, 2] x [-0.5, 0.5] (b). */
    static CsgDomain diskAndBar() {
        return CsgDomain.union(NamedDomain.of("a", Disk.unit()),
                NamedDomain.of("b", new Box(new double[] {0, -0.5}, new double[] {2, 0.5})));
    }

    /** The unit disk intersected with the L-shape: three quarters of the disk. */
    static CsgDomain diskMeetsLShape() {
        return CsgDomain.intersection(Disk.unit(), Polygon.lShape());
    }

    /** The unit cube with a ball of radius 0.25 at its centre removed. */
    static CsgDomain cubeWithCavity() {
        return CsgDomain.difference(Box.cube(3, 0, 1), NamedDomain.of("cavity", new Ball(new double[] {0.5, 0.5, 0.5}, 0.25)));
    }

    private static Box square() {
        return new Box(new double[] {-0.5, -0.5}, new double[] {0.5, 0.5});
    }

    private static List<String> names(Domain domain) {
        List<String> out = new ArrayList<>();
        for (int p = 0; p < domain.boundaryPartCount(); p++) {
            out.add(domain.boundaryPartName(p));
        }
        return out;
    }

    private static void assertPartMeasure(Domain domain, String part, double expected, double relative) {
        assertEquals(expected, domain.boundaryPartMeasure(domain.boundaryPart(part)), relative * expected, part);
    }

    @Test
    void squareMinusDiskHasTheClosedFormAreaAndNamedParts() {
        CsgDomain plate = plateWithHole();
        assertEquals(1 - Math.PI * 0.01, plate.measure(), 1e-15);
        assertEquals(List.of("xmin", "xmax", "ymin", "ymax", "h1.circle"), names(plate));
        assertPartMeasure(plate, "xmax", 1, 1e-15);
        assertPartMeasure(plate, "h1.circle", 2 * Math.PI * 0.1, 1e-15);
    }

    @Test
    void aHoleAcrossAnEdgeIsMeasuredOnCutCells() {
        CsgDomain notch = plateWithNotch();
        assertEquals(1 - Math.PI * 0.04 / 2, notch.measure(), 1e-6);
        assertEquals(List.of("xmin", "xmax", "ymin", "ymax", "circle"), names(notch));
        assertPartMeasure(notch, "xmax", 0.6, 1e-3);
        assertPartMeasure(notch, "circle", Math.PI * 0.2, 1e-3);
        assertPartMeasure(notch, "xmin", 1, 1e-15);
    }

    @Test
    void unionDropsTheCoveredPartsAndMeasuresTheRest() {
        CsgDomain shape = diskAndBar();
        double lens = 0.5 * Math.sqrt(0.75) + Math.asin(0.5);   // the bar's part inside the disk
        assertEquals(Math.PI + 2 - lens, shape.measure(), 1e-6);
        assertEquals(List.of("a.circle", "b.xmax", "b.ymin", "b.ymax"), names(shape));
        assertPartMeasure(shape, "a.circle", 2 * Math.PI - Math.PI / 3, 1e-3);
        assertPartMeasure(shape, "b.ymin", 2 - Math.sqrt(0.75), 1e-3);
        assertPartMeasure(shape, "b.xmax", 1, 1e-15);
    }

    @Test
    void intersectionKeepsOnlyThePartsInsideTheOtherOperand() {
        CsgDomain shape = diskMeetsLShape();
        assertEquals(0.75 * Math.PI, shape.measure(), 1e-5);
        assertEquals(List.of("circle", "edge1", "edge2"), names(shape));
        assertPartMeasure(shape, "circle", 1.5 * Math.PI, 1e-3);
        assertPartMeasure(shape, "edge1", 1, 1e-15);
    }

    @Test
    void cavityInACube() {
        CsgDomain cube = cubeWithCavity();
        assertEquals(1 - 4.0 / 3 * Math.PI * Math.pow(0.25, 3), cube.measure(), 1e-15);
        assertEquals(List.of("xmin", "xmax", "ymin", "ymax", "zmin", "zmax", "cavity.sphere"), names(cube));
        assertPartMeasure(cube, "cavity.sphere", 4 * Math.PI * 0.0625, 1e-15);
        // an octant of a ball at a corner, measured on cut cells
        CsgDomain octant = CsgDomain.intersection(Box.cube(3, 0, 1), new Ball(new double[] {0, 0, 0}, 0.8));
        assertEquals(Math.PI / 6 * Math.pow(0.8, 3), octant.measure(), 1e-4 * octant.measure());
    }

    @Test
    void nestedOperandsPrefixTheirNames() {
        CsgDomain plate = CsgDomain.difference(NamedDomain.of("plate", plateWithHole()), NamedDomain.of("h2",
                new Disk(-0.2, -0.2, 0.1)));
        assertEquals(List.of("plate.xmin", "plate.xmax", "plate.ymin", "plate.ymax", "plate.h1.circle", "h2.circle"),
                names(plate));
        assertEquals(1 - 2 * Math.PI * 0.01, plate.measure(), 1e-6);
    }

    @Test
    void holeNormalsPointIntoTheHole() {
        CsgDomain plate = plateWithHole();
        int hole = plate.boundaryPart("h1.circle");
        BoundarySample sample = plate.sampleBoundary(400, SamplingScheme.SOBOL, 3L);
        int seen = 0;
        for (int i = 0; i < sample.size(); i++) {
            if (sample.part(i) != hole) {
                continue;
            }
            seen++;
            double rx = sample.coordinate(i, 0) - 0.3, ry = sample.coordinate(i, 1) - 0.3;
            assertEquals(0.1, Math.hypot(rx, ry), 1e-12);
            assertEquals(-rx / 0.1, sample.normal(i, 0), 1e-12);
            assertEquals(-ry / 0.1, sample.normal(i, 1), 1e-12);
        }
        // 400 * 0.2 pi / (4 + 0.2 pi) points on the circle
        assertEquals(Math.round(400 * 0.2 * Math.PI / (4 + 0.2 * Math.PI)), seen);
    }

    @Test
    void interiorSamplesAvoidTheHoles() {
        for (SamplingScheme scheme : SamplingScheme.values()) {
            PointSet points = plateWithHole().sampleInterior(2000, scheme, 5L);
            for (int i = 0; i < points.size(); i++) {
                double r = Math.hypot(points.coordinate(i, 0) - 0.3, points.coordinate(i, 1) - 0.3);
                assertTrue(r > 0.1, scheme + " point at distance " + r + " from the hole's centre");
            }
        }
    }

    @Test
    void quadratureIntegratesPolynomialsOnAHoledPlate() {
        // integral of x^2 over the square minus the disk: 1/12 - (pi r^4 / 4 + pi r^2 cx^2)
        double r = 0.1, cx = 0.3;
        double exact = 1.0 / 12 - (Math.PI * Math.pow(r, 4) / 4 + Math.PI * r * r * cx * cx);
        QuadratureRule rule = plateWithHole().quadrature(8, 16);
        assertEquals(exact, rule.integrate(z -> z[0] * z[0]), 1e-4 * exact);
        assertEquals(plateWithHole().measure(), rule.totalWeight(), 1e-4);
    }

    @Test
    void distanceIsNormalisedOnTheHole() {
        DistanceFunction distance = plateWithHole().distance();
        double[] g = new double[2];
        double[] h = new double[2];
        // on the hole's circle, away from the square, the gradient is the unit normal into the domain
        distance.evaluateDiagonal(new double[] {0.3 + 0.1, 0.3}, g, h);
        assertEquals(1, Math.hypot(g[0], g[1]), 0.05);
        assertTrue(g[0] > 0);
        assertTrue(distance.value(new double[] {0.3, 0.3}) < 0, "negative inside the hole");
        assertTrue(distance.value(new double[] {0.7, 0.0}) < 0, "negative outside the square");
    }

    @Test
    void badGeometryIsRefusedWithAMessage() {
        assertRejects(() -> CsgDomain.union(square(), Box.cube(3, 0, 1)), "operand 1 of the union");
        assertRejects(() -> CsgDomain.union(square(), Box.cube(3, 0, 1)), "is 3-D");
        assertRejects(() -> CsgDomain.difference(new Disk(0, 0, 0.1), Box.cube(2, -1, 1)), "empty or nearly so");
        assertRejects(() -> CsgDomain.intersection(Disk.unit(), new Disk(5, 0, 1)), "bounding boxes do not overlap");
        assertRejects(() -> CsgDomain.intersection(new Disk(0, 0, 1), new Disk(1.9, 1.9, 1)), "empty or nearly so");
        assertRejects(() -> CsgDomain.union(square(), new Box(new double[] {0, 0}, new double[] {1, 1})),
                "give the operands names");
        assertRejects(() -> CsgDomain.union(square()), "at least two");
        assertRejects(() -> CsgDomain.difference(square()), "at least one");
        assertRejects(() -> CsgDomain.union(Box.interval(0, 1), Box.interval(2, 3)), "2-D or 3-D");
        assertRejects(() -> NamedDomain.of("default", square()), "reserved");
        assertRejects(() -> plateWithHole().boundaryPart("h2.circle"), "h1.circle");
    }

    @Test
    void touchingBoxesShareNoBoundary() {
        CsgDomain two = CsgDomain.union(NamedDomain.of("l", new Box(new double[] {0, 0}, new double[] {1, 1})),
                NamedDomain.of("r", new Box(new double[] {1, 0}, new double[] {2, 1})));
        assertFalse(names(two).contains("l.xmax"));
        assertFalse(names(two).contains("r.xmin"));
        assertEquals(2, two.measure(), 1e-15);
        assertTrue(two.containsInterior(new double[] {1, 0.5}) || two.contains(new double[] {1, 0.5}));
    }
}
