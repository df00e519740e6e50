package org.kanpde.solver.quadrature;

import org.kanpde.net.quadrature.GaussLegendre;

/**
 * Collapsed (Duffy) Gauss-Legendre rules on triangles.
 *
 * <p>The unit square is mapped onto the triangle ABC by
 * {@code z(u, v) = A + u ((1 - v)(B - A) + v (C - A))}, whose Jacobian {@code 2 |ABC| u} vanishes on
 * the collapsed edge u = 0. A tensor p x p Gauss-Legendre rule on the square then integrates every
 * polynomial of total degree at most {@code 2p - 2} on the triangle exactly (the extra factor u
 * costs one degree in u). Refinement: each triangle can first be split into {@code s^2} congruent
 * sub-triangles (s equal parts per edge).
 */
public final class TriangleQuadrature {

    private TriangleQuadrature() {
    }

    /**
     * Builds the rule on the union of triangles.
     *
     * @param triangles          flat vertex coordinates, 6 per triangle: ax, ay, bx, by, cx, cy; the
     *                           triangles should not overlap (not checked); orientation is free
     * @param pointsPerDirection Gauss-Legendre nodes per direction of the collapsed square, at least 1
     * @param subdivisions       parts per edge when refining each triangle, at least 1
     * @return a 2-D rule with {@code T * s^2 * p^2} nodes (T triangles), all strictly inside the
     *         triangles
     * @throws IllegalArgumentException if the array is empty or not a multiple of 6, holds a
     *                                  non-finite value or a degenerate triangle, or a count is below 1
     */
    public static QuadratureRule triangles(double[] triangles, int pointsPerDirection, int subdivisions) {
        if (triangles.length == 0 || triangles.length % 6 != 0) {
            throw new IllegalArgumentException("triangle array length must be a positive multiple of 6, got "
                    + triangles.length);
        }
        for (int j = 0; j < triangles.length; j++) {
            if (!Double.isFinite(triangles[j])) {
                throw new IllegalArgumentException("triangle " + (j / 6) + " has a non-finite coordinate: "
                        + triangles[j]);
            }
        }
        if (pointsPerDirection < 1) {
            throw new IllegalArgumentException("pointsPerDirection must be >= 1, got " + pointsPerDirection);
        }
        if (subdivisions < 1) {
            throw new IllegalArgumentException("subdivisions must be >= 1, got " + subdivisions);
        }
        int count = triangles.length / 6;
        GaussLegendre gl = GaussLegendre.of(pointsPerDirection);
        int p = pointsPerDirection;
        double[] t = gl.unitNodes();
        double[] wt = new double[p];
        for (int i = 0; i < p; i++) {
            wt[i] = 0.5 * gl.weight(i);
        }
        int perTriangle = Math.multiplyExact(Math.multiplyExact(subdivisions, subdivisions), p * p);
        int total = Math.multiplyExact(count, perTriangle);
        double[] points = new double[2 * total];
        double[] weights = new double[total];
        int[] cursor = {0};
        for (int tri = 0; tri < count; tri++) {
            int o = 6 * tri;
            double ax = triangles[o], ay = triangles[o + 1];
            double bx = triangles[o + 2], by = triangles[o + 3];
            double cx = triangles[o + 4], cy = triangles[o + 5];
            double area2 = Math.abs((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
            if (!(area2 > 0)) {
                throw new IllegalArgumentException("triangle " + tri + " is degenerate: (" + ax + ", " + ay
                        + "), (" + bx + ", " + by + "), (" + cx + ", " + cy + ")");
            }
            // Sub-triangle vertices are A + (i e1 + j e2) / s on the barycentric lattice.
            double e1x = (bx - ax) / subdivisions, e1y = (by - ay) / subdivisions;
            double e2x = (cx - ax) / subdivisions, e2y = (cy - ay) / subdivisions;
            for (int i = 0; i < subdivisions; i++) {
                for (int j = 0; i + j < subdivisions; j++) {
                    double px = ax + i * e1x + j * e2x;
                    double py = ay + i * e1y + j * e2y;
                    collapsed(px, py, px + e1x, py + e1y, px + e2x, py + e2y, t, wt, points, weights, cursor);
                    if (i + j < subdivisions - 1) {
                        collapsed(px + e1x, py + e1y, px + e1x + e2x, py + e1y + e2y, px + e2x, py + e2y,
                                t, wt, points, weights, cursor);
                    }
                }
            }
        }
        return QuadratureRule.wrap(2, points, weights);
    }

    /**
     * Writes the p x p collapsed rule of triangle ABC at position {@code cursor[0]} and advances it.
     */
    private static void collapsed(double ax, double ay, double bx, double by, double cx, double cy,
                                  double[] t, double[] wt, double[] points, double[] weights, int[] cursor) {
        double abx = bx - ax, aby = by - ay;
        double acx = cx - ax, acy = cy - ay;
        double area2 = Math.abs(abx * acy - aby * acx);
        int i = cursor[0];
        for (int a = 0; a < t.length; a++) {
            double u = t[a];
            for (int b = 0; b < t.length; b++, i++) {
                double v = t[b];
                points[2 * i] = ax + u * ((1 - v) * abx + v * acx);
                points[2 * i + 1] = ay + u * ((1 - v) * aby + v * acy);
                weights[i] = area2 * u * wt[a] * wt[b];
            }
        }
        cursor[0] = i;
    }
}
