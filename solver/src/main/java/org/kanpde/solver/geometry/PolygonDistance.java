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
 * {@code 1e-16 / D} in absolute accuracy to cancellation. On the boundary itself D is 0 and the
 * derivatives do not exist (D has a kink there, like |f|): the evaluation methods then return 0 and
 * fill the derivative outputs with NaN.
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
                return onBoundary(gradient, second, diagonalOnly);
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
                return onBoundary(gradient, second, diagonalOnly);
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

    private static double onBoundary(double[] gradient, double[] second, boolean diagonalOnly) {
        gradient[0] = Double.NaN;
        gradient[1] = Double.NaN;
        int count = diagonalOnly ? 2 : 4;
        for (int i = 0; i < count; i++) {
            second[i] = Double.NaN;
        }
        return 0.0;
    }
}
