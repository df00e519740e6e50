package org.kanpde.solver.geometry;

/**
 * Approximate distance function of a polygon built with R-functions (Sukumar and Srivastava 2022,
 * "Exact imposition of boundary conditions with distance functions in physics-informed deep neural
 * networks", CMAME 389).
 *
 * <p>For an edge from P1 to P2 of length L and midpoint c, with
 * <ul>
 *   <li>{@code f = ((z - P1) x (P2 - P1)) / L}, the signed distance to the edge's line,</li>
 *   <li>{@code t = ((L/2)^2 - |z - c|^2) / L}, a trimming function positive inside the disk that has
 *       the edge as diameter,</li>
 *   <li>{@code w = sqrt(t^2 + f^4)},</li>
 * </ul>
 * the trimmed segment function {@code phi_i = sqrt(f^2 + ((w - t) / 2)^2)} vanishes exactly on the
 * edge (not on the rest of its line), is positive elsewhere and behaves like the distance to the
 * edge near it. The edges are joined by the R-equivalence with m = 1:
 * {@code D = 1 / sum_i (1 / phi_i)}, which is zero exactly on the boundary, positive everywhere else
 * (inside and outside) and normalised to first order: {@code |grad D| -> 1} at edge interiors.
 *
 * <p>Smoothness caveats: D is smooth (C-infinity) off the boundary. At the vertices two edges meet and
 * D is only Lipschitz there; near a vertex its second derivatives grow like 1 / (distance to the
 * vertex), so Laplacians of {@code u = g + D N} are unbounded (though integrable) near corners,
 * most of all at re-entrant ones. Near the boundary the second derivatives lose about
 * {@code 1e-16 / D} in absolute accuracy to cancellation.
 *
 * <p>On the boundary itself D is 0 and has a kink (like |f|), so its derivatives exist only as
 * one-sided limits. On an edge, away from its end points, the evaluation methods return the limits
 * from inside the polygon, which is what a solution {@code u = g + D v} on the closed domain
 * needs (boundary fluxes): near edge e, {@code D = phi_e / (1 + phi_e S)} with
 * {@code S = sum_{j != e} 1 / phi_j} smooth there, and {@code phi_e = |f_e| (1 + O(f_e^6))}, so
 * grad D tends to the inward unit normal n and the Hessian to {@code -2 S n n^T}. At a vertex the
 * one-sided gradient depends on the direction and the second derivatives are unbounded: the
 * derivative outputs are then NaN.
 */
final class PolygonDistance implements DistanceFunction {

    private final int edges;
    private final double[] x1;
    private final double[] y1;
    private final double[] fx;
    private final double[] fy;
    private final double[] xc;
    private final double[] yc;
    private final double[] quarterLengthSquared;
    private final double[] inverseLength;
    /** +1 or -1: the inward unit normal of edge e is {@code inward * (fx[e], fy[e])}. */
    private final double inward;

    /** @param xy vertex coordinates x0, y0, x1, y1, ...; edge i joins vertex i and vertex i + 1 */
    PolygonDistance(double[] xy) {
        edges = xy.length / 2;
        x1 = new double[edges];
        y1 = new double[edges];
        fx = new double[edges];
        fy = new double[edges];
        xc = new double[edges];
        yc = new double[edges];
        quarterLengthSquared = new double[edges];
        inverseLength = new double[edges];
        for (int e = 0; e < edges; e++) {
            int next = (e + 1) % edges;
            double ax = xy[2 * e], ay = xy[2 * e + 1];
            double bx = xy[2 * next], by = xy[2 * next + 1];
            double length = Math.hypot(bx - ax, by - ay);
            x1[e] = ax;
            y1[e] = ay;
            fx[e] = (by - ay) / length;
            fy[e] = -(bx - ax) / length;
            xc[e] = 0.5 * (ax + bx);
            yc[e] = 0.5 * (ay + by);
            quarterLengthSquared[e] = 0.25 * length * length;
            inverseLength[e] = 1.0 / length;
        }
        double twiceArea = 0;
        for (int e = 0; e < edges; e++) {
            int next = (e + 1) % edges;
            twiceArea += xy[2 * e] * xy[2 * next + 1] - xy[2 * next] * xy[2 * e + 1];
        }
        // (fx, fy) is the outward normal of a counter-clockwise edge: the interior is on its left
        inward = twiceArea > 0 ? -1.0 : 1.0;
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public double value(double[] z) {
        Checks.requirePoint(z, 2);
        double x = z[0], y = z[1];
        double s = 0;
        for (int e = 0; e < edges; e++) {
            double f = (x - x1[e]) * fx[e] + (y - y1[e]) * fy[e];
            double cxr = x - xc[e], cyr = y - yc[e];
            double t = (quarterLengthSquared[e] - (cxr * cxr + cyr * cyr)) * inverseLength[e];
            double f2 = f * f;
            double w = Math.sqrt(t * t + f2 * f2);
            double q = 0.5 * excess(t, w, f2);
            double phi = Math.sqrt(f2 + q * q);
            if (phi == 0) {
                return 0.0;
            }
            s += 1.0 / phi;
        }
        return 1.0 / s;
    }

    /** {@code w - t} computed without cancellation when t > 0 (then w - t = f^4 / (w + t)). */
    private static double excess(double t, double w, double f2) {
        return t > 0 ? f2 * f2 / (w + t) : w - t;
    }

    @Override
    public double evaluate(double[] z, double[] gradient, double[] hessian) {
        Checks.requirePoint(z, 2);
        Checks.requireOutputs(gradient, 2, hessian, 4);
        return compute(z, gradient, hessian, false);
    }

    @Override
    public double evaluateDiagonal(double[] z, double[] gradient, double[] secondDerivatives) {
        Checks.requirePoint(z, 2);
        Checks.requireOutputs(gradient, 2, secondDerivatives, 2);
        return compute(z, gradient, secondDerivatives, true);
    }

    private double compute(double[] z, double[] gradient, double[] second, boolean diagonalOnly) {
        double x = z[0], y = z[1];
        // S = sum 1/phi_i and its derivatives; D = 1/S.
        double s = 0, sx = 0, sy = 0, sxx = 0, sxy = 0, syy = 0;
        for (int e = 0; e < edges; e++) {
            double gx = fx[e], gy = fy[e];
            double f = (x - x1[e]) * gx + (y - y1[e]) * gy;
            double cxr = x - xc[e], cyr = y - yc[e];
            double il = inverseLength[e];
            double t = (quarterLengthSquared[e] - (cxr * cxr + cyr * cyr)) * il;
            double tx = -2.0 * cxr * il, ty = -2.0 * cyr * il, tc = -2.0 * il;
            double f2 = f * f, f3 = f2 * f;
            double w = Math.sqrt(t * t + f2 * f2);
            if (w == 0) {
                // t = f = 0: an end point of the edge, a vertex
                return atVertex(gradient, second, diagonalOnly);
            }
            // ex = w - t and its derivatives, arranged so that nothing cancels when w ~ t.
            double ex = excess(t, w, f2);
            double ex1 = (-ex * tx + 2.0 * f3 * gx) / w;
            double ey1 = (-ex * ty + 2.0 * f3 * gy) / w;
            double exx = (-(2.0 * tx * ex1 + ex1 * ex1) - ex * tc + 6.0 * f2 * gx * gx) / w;
            double exy = (-(tx * ey1 + ex1 * ty + ex1 * ey1) + 6.0 * f2 * gx * gy) / w;
            double eyy = (-(2.0 * ty * ey1 + ey1 * ey1) - ex * tc + 6.0 * f2 * gy * gy) / w;
            double q = 0.5 * ex, qx = 0.5 * ex1, qy = 0.5 * ey1;
            double qxx = 0.5 * exx, qxy = 0.5 * exy, qyy = 0.5 * eyy;
            double phi = Math.sqrt(f2 + q * q);
            if (phi == 0) {
                // f = 0 with t > 0: on the edge, between its end points
                return onEdge(e, x, y, gradient, second, diagonalOnly);
            }
            double px = (f * gx + q * qx) / phi;
            double py = (f * gy + q * qy) / phi;
            double pxx = (gx * gx + qx * qx + q * qxx - px * px) / phi;
            double pxy = (gx * gy + qx * qy + q * qxy - px * py) / phi;
            double pyy = (gy * gy + qy * qy + q * qyy - py * py) / phi;
            double inv = 1.0 / phi, inv2 = inv * inv, inv3 = inv2 * inv;
            s += inv;
            sx -= px * inv2;
            sy -= py * inv2;
            sxx += 2.0 * px * px * inv3 - pxx * inv2;
            sxy += 2.0 * px * py * inv3 - pxy * inv2;
            syy += 2.0 * py * py * inv3 - pyy * inv2;
        }
        double d = 1.0 / s, d2 = d * d, d3 = d2 * d;
        gradient[0] = -sx * d2;
        gradient[1] = -sy * d2;
        double dxx = 2.0 * sx * sx * d3 - sxx * d2;
        double dyy = 2.0 * sy * sy * d3 - syy * d2;
        if (diagonalOnly) {
            second[0] = dxx;
            second[1] = dyy;
        } else {
            double dxy = 2.0 * sx * sy * d3 - sxy * d2;
            second[0] = dxx;
            second[1] = dxy;
            second[2] = dxy;
            second[3] = dyy;
        }
        return d;
    }

    /**
     * The one-sided limits from inside at a point of edge e that is no vertex (see the class
     * comment): D = 0, grad D = n, Hessian = -2 S n n^T, with n the inward unit normal and S the
     * sum of 1 / phi_j over the other edges. NaN derivatives if the point is also on another edge.
     */
    private double onEdge(int e, double x, double y, double[] gradient, double[] second, boolean diagonalOnly) {
        double others = 0;
        for (int j = 0; j < edges; j++) {
            if (j == e) {
                continue;
            }
            double f = (x - x1[j]) * fx[j] + (y - y1[j]) * fy[j];
            double cxr = x - xc[j], cyr = y - yc[j];
            double t = (quarterLengthSquared[j] - (cxr * cxr + cyr * cyr)) * inverseLength[j];
            double f2 = f * f;
            double w = Math.sqrt(t * t + f2 * f2);
            double q = 0.5 * excess(t, w, f2);
            double phi = Math.sqrt(f2 + q * q);
            if (w == 0 || phi == 0) {
                return atVertex(gradient, second, diagonalOnly);
            }
            others += 1.0 / phi;
        }
        double nx = inward * fx[e], ny = inward * fy[e];
        gradient[0] = nx;
        gradient[1] = ny;
        double c = -2.0 * others;
        if (diagonalOnly) {
            second[0] = c * nx * nx;
            second[1] = c * ny * ny;
        } else {
            second[0] = c * nx * nx;
            second[1] = c * nx * ny;
            second[2] = c * nx * ny;
            second[3] = c * ny * ny;
        }
        return 0.0;
    }

    private static double atVertex(double[] gradient, double[] second, boolean diagonalOnly) {
        gradient[0] = Double.NaN;
        gradient[1] = Double.NaN;
        int count = diagonalOnly ? 2 : 4;
        for (int i = 0; i < count; i++) {
            second[i] = Double.NaN;
        }
        return 0.0;
    }
}
