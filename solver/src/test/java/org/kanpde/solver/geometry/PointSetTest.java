package org.kanpde.solver.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.kanpde.solver.geometry.GeometryChecks.assertRejects;

import org.junit.jupiter.api.Test;

/** The holders {@link PointSet} and {@link BoundarySample}. */
class PointSetTest {

    @Test
    void pointSetCopiesAndIndexesRowMajor() {
        double[] xy = {1, 2, 3, 4, 5, 6};
        PointSet set = new PointSet(2, xy);
        xy[0] = 99;
        assertEquals(3, set.size());
        assertEquals(1.0, set.coordinate(0, 0));
        assertEquals(6.0, set.coordinate(2, 1));
        assertArrayEquals(new double[] {3, 4}, set.point(1));
        set.coordinates()[0] = 42;
        assertEquals(1.0, set.coordinate(0, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> set.coordinate(3, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> set.coordinate(0, 2));
    }

    @Test
    void pointSetRejectsBadInput() {
        assertRejects(() -> new PointSet(0, new double[0]), "got 0");
        assertRejects(() -> new PointSet(2, new double[3]), "got 3");
        assertRejects(() -> new PointSet(2, new double[] {0, 0, 0, Double.NaN}), "coordinate 1 of point 1");
    }

    @Test
    void boundarySampleGroupsPointsByPart() {
        BoundarySample sample = new BoundarySample(1, new double[] {0, 1, 0}, new double[] {-1, 1, -1},
                new int[] {0, 1, 0}, 2);
        assertArrayEquals(new int[] {0, 2}, sample.indicesOfPart(0));
        assertArrayEquals(new int[] {1}, sample.indicesOfPart(1));
        assertEquals(1.0, sample.normal(1, 0));
        assertEquals(3, sample.points().size());
        assertRejects(() -> sample.indicesOfPart(2), "got 2");
    }

    @Test
    void boundarySampleRejectsBadInput() {
        assertRejects(() -> new BoundarySample(1, new double[] {0}, new double[] {0.5}, new int[] {0}, 1),
                "squared length 0.25");
        assertRejects(() -> new BoundarySample(1, new double[] {0}, new double[] {1}, new int[] {3}, 2), "got 3");
        assertRejects(() -> new BoundarySample(1, new double[] {0}, new double[] {1, 1}, new int[] {0}, 1), "got 2");
        assertRejects(() -> new BoundarySample(1, new double[] {0}, new double[] {1}, new int[0], 1), "got 0");
        assertRejects(() -> new BoundarySample(1, new double[] {0}, new double[] {1}, new int[] {0}, 0), "got 0");
    }
}
