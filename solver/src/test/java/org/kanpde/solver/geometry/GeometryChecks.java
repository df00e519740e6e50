package org.kanpde.solver.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.function.Executable;

/** Assertions shared by the geometry tests. */
final class GeometryChecks {

    private GeometryChecks() {
    }

    /** The domains every contract test runs on. */
    static List<Domain> domains() {
        return List.of(
                Box.interval(-1, 2),
                new Box(new double[] {-1, 0}, new double[] {1, 3}),
                new Box(new double[] {0, -1, 2}, new double[] {1, 1, 2.5}),
                new Disk(0.5, -0.25, 1.5),
                Polygon.lShape(),
                // The L-shape listed clockwise, to exercise orientation handling.
                new Polygon(new double[] {-1, -1, -1, 1, 1, 1, 1, 0, 0, 0, 0, -1}),
                // A non-convex comb with a collinear vertex (3, 0) on the bottom edge.
                new Polygon(new double[] {0, 0, 3, 0, 4, 0, 4, 3, 3, 3, 3, 1, 2, 1, 2, 3, 1, 3, 1, 1, 0, 1.5}),
                new Ball(new double[] {0.2, -0.1, 0.3}, 0.8),
                new Box(new double[] {0, -1, 0, 0, 1}, new double[] {1, 1, 0.5, 2, 1.5}),
                CsgDomainTest.plateWithHole(),
                CsgDomainTest.plateWithNotch(),
                CsgDomainTest.diskAndBar(),
                CsgDomainTest.diskMeetsLShape(),
                CsgDomainTest.cubeWithCavity());
    }

    /** The largest side of the bounding box. */
    static double size(Domain domain) {
        double[] lo = domain.lower();
        double[] hi = domain.upper();
        double s = 0;
        for (int k = 0; k < lo.length; k++) {
            s = Math.max(s, hi[k] - lo[k]);
        }
        return s;
    }

    /** Every point strictly inside. */
    static void assertStrictlyInside(Domain domain, PointSet points) {
        assertEquals(domain.dimension(), points.dimension());
        double[] z = new double[points.dimension()];
        for (int i = 0; i < points.size(); i++) {
            points.point(i, z);
            assertTrue(domain.containsInterior(z), () -> "point " + java.util.Arrays.toString(z)
                    + " not strictly inside " + domain);
        }
    }

    /**
     * Every point on the boundary (contained, not interior), with a unit normal that points out:
     * z + eps n outside, z - eps n strictly inside.
     */
    static void assertOnBoundaryWithOutwardNormals(Domain domain, BoundarySample sample) {
        int d = domain.dimension();
        assertEquals(d, sample.dimension());
        assertEquals(domain.boundaryPartCount(), sample.partCount());
        double eps = 1e-6 * size(domain);
        double[] z = new double[d];
        double[] n = new double[d];
        double[] probe = new double[d];
        for (int i = 0; i < sample.size(); i++) {
            sample.point(i, z);
            sample.normal(i, n);
            String where = "point " + i + " " + java.util.Arrays.toString(z) + " of " + domain;
            assertTrue(domain.contains(z), where + " not in the closed domain");
            assertFalse(domain.containsInterior(z), where + " is interior, not on the boundary");
            double norm2 = 0;
            for (int k = 0; k < d; k++) {
                norm2 += n[k] * n[k];
            }
            assertEquals(1.0, norm2, 1e-12, where + " normal not unit");
            for (int k = 0; k < d; k++) {
                probe[k] = z[k] + eps * n[k];
            }
            assertFalse(domain.contains(probe), where + ": z + eps n is not outside");
            for (int k = 0; k < d; k++) {
                probe[k] = z[k] - eps * n[k];
            }
            assertTrue(domain.containsInterior(probe), where + ": z - eps n is not inside");
            int part = sample.part(i);
            assertTrue(part >= 0 && part < domain.boundaryPartCount());
        }
    }

    /** The call throws IllegalArgumentException whose message contains {@code fragment}. */
    static void assertRejects(Executable call, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment),
                () -> "message '" + e.getMessage() + "' does not mention '" + fragment + "'");
    }
}
