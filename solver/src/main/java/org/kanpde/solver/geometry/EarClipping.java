package org.kanpde.solver.geometry;

import java.util.ArrayList;
import java.util.List;

/**
 * Triangulation of a simple polygon by ear clipping, O(n^3) in the worst case, which is fine for the
 * tens of vertices of a PDE domain.
 */
final class EarClipping {

    private EarClipping() {
    }

    /**
     * Triangulates a simple, counter-clockwise polygon.
     *
     * @param xy vertex coordinates x0, y0, x1, y1, ... (n >= 3, counter-clockwise, simple)
     * @return flat triangles, 6 coordinates each (counter-clockwise), n - 2 of them or fewer when
     *         collinear vertices are dropped
     * @throws IllegalStateException if no ear can be found, which only a non-simple polygon causes
     */
    static double[] triangulate(double[] xy) {
        List<Integer> remaining = new ArrayList<>();
        for (int i = 0; i < xy.length / 2; i++) {
            remaining.add(i);
        }
        List<double[]> triangles = new ArrayList<>();
        while (remaining.size() > 3) {
            int ear = findEar(xy, remaining);
            if (ear >= 0) {
                int size = remaining.size();
                int a = remaining.get((ear + size - 1) % size);
                int b = remaining.get(ear);
                int c = remaining.get((ear + 1) % size);
                triangles.add(new double[] {xy[2 * a], xy[2 * a + 1], xy[2 * b], xy[2 * b + 1], xy[2 * c], xy[2 * c + 1]});
                remaining.remove(ear);
                continue;
            }
            // A vertex in the middle of a straight run adds no area; dropping it can expose new ears.
            int straight = findStraight(xy, remaining);
            if (straight < 0) {
                throw new IllegalStateException("ear clipping found no ear among " + remaining.size()
                        + " vertices; the polygon is not simple");
            }
            remaining.remove(straight);
        }
        int a = remaining.get(0), b = remaining.get(1), c = remaining.get(2);
        if (cross(xy, a, b, c) > 0) {
            triangles.add(new double[] {xy[2 * a], xy[2 * a + 1], xy[2 * b], xy[2 * b + 1], xy[2 * c], xy[2 * c + 1]});
        }
        double[] out = new double[6 * triangles.size()];
        for (int t = 0; t < triangles.size(); t++) {
            System.arraycopy(triangles.get(t), 0, out, 6 * t, 6);
        }
        return out;
    }

    /** Position in {@code remaining} of a strictly convex vertex whose triangle holds no other vertex. */
    private static int findEar(double[] xy, List<Integer> remaining) {
        int size = remaining.size();
        for (int i = 0; i < size; i++) {
            int a = remaining.get((i + size - 1) % size);
            int b = remaining.get(i);
            int c = remaining.get((i + 1) % size);
            if (cross(xy, a, b, c) <= 0) {
                continue;
            }
            boolean blocked = false;
            for (int j = 0; j < size && !blocked; j++) {
                int v = remaining.get(j);
                if (v == a || v == b || v == c) {
                    continue;
                }
                // Closed test: a vertex on the candidate diagonal also blocks it.
                blocked = cross(xy, a, b, v) >= 0 && cross(xy, b, c, v) >= 0 && cross(xy, c, a, v) >= 0;
            }
            if (!blocked) {
                return i;
            }
        }
        return -1;
    }

    private static int findStraight(double[] xy, List<Integer> remaining) {
        int size = remaining.size();
        for (int i = 0; i < size; i++) {
            if (cross(xy, remaining.get((i + size - 1) % size), remaining.get(i), remaining.get((i + 1) % size)) == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Twice the signed area of triangle (a, b, c): positive when counter-clockwise. */
    private static double cross(double[] xy, int a, int b, int c) {
        return (xy[2 * b] - xy[2 * a]) * (xy[2 * c + 1] - xy[2 * a + 1])
                - (xy[2 * b + 1] - xy[2 * a + 1]) * (xy[2 * c] - xy[2 * a]);
    }
}
