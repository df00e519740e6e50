package org.kanpde.solver.quadrature;

import org.kanpde.net.quadrature.GaussLegendre;

/**
 * Quadrature on a disk in polar coordinates: a composite Gauss-Legendre rule in the radius r (the
 * integrand is multiplied by the Jacobian r) times the equally spaced rule in the angle.
 *
 * <p>The angular rule with M points, {@code theta_j = 2 pi (j + 1/2) / M} and equal weights
 * {@code 2 pi / M}, is exact for trigonometric polynomials of degree at most M - 1 and converges
 * exponentially for smooth periodic integrands. The radial rule with p nodes per subinterval is
 * exact for polynomials in r of degree at most 2p - 1. Together they integrate every polynomial in
 * (x, y) of total degree q exactly when {@code q + 1 <= 2p - 1} and {@code q <= M - 1}.
 */
public final class PolarQuadrature {

    private PolarQuadrature() {
    }

    /**
     * Builds the rule on the disk with centre (cx, cy) and the given radius.
     *
     * @param cx                 centre x, finite
     * @param cy                 centre y, finite
     * @param radius             radius, finite and {@code > 0}
     * @param radialPoints       Gauss-Legendre nodes per radial subinterval, at least 1
     * @param radialSubintervals equal pieces of [0, radius], at least 1
     * @param angularPoints      equally spaced angles, at least 1
     * @return a 2-D rule with {@code radialPoints * radialSubintervals * angularPoints} nodes, all
     *         strictly inside the disk; the angle varies fastest
     * @throws IllegalArgumentException if a value is not finite, the radius is not positive or a count
     *                                  is below 1
     */
    public static QuadratureRule disk(double cx, double cy, double radius,
                                      int radialPoints, int radialSubintervals, int angularPoints) {
        if (!Double.isFinite(cx) || !Double.isFinite(cy)) {
            throw new IllegalArgumentException("disk centre must be finite, got (" + cx + ", " + cy + ")");
        }
        if (!(radius > 0) || !Double.isFinite(radius)) {
            throw new IllegalArgumentException("disk radius must be finite and > 0, got " + radius);
        }
        if (radialPoints < 1) {
            throw new IllegalArgumentException("radialPoints must be >= 1, got " + radialPoints);
        }
        if (radialSubintervals < 1) {
            throw new IllegalArgumentException("radialSubintervals must be >= 1, got " + radialSubintervals);
        }
        if (angularPoints < 1) {
            throw new IllegalArgumentException("angularPoints must be >= 1, got " + angularPoints);
        }
        int nr = Math.multiplyExact(radialPoints, radialSubintervals);
        double[] r = new double[nr];
        double[] wr = new double[nr];
        GaussLegendre.of(radialPoints).composite(0.0, radius, radialSubintervals, r, wr);
        double[] cos = new double[angularPoints];
        double[] sin = new double[angularPoints];
        for (int j = 0; j < angularPoints; j++) {
            double theta = 2.0 * Math.PI * (j + 0.5) / angularPoints;
            cos[j] = Math.cos(theta);
            sin[j] = Math.sin(theta);
        }
        double wTheta = 2.0 * Math.PI / angularPoints;
        int total = Math.multiplyExact(nr, angularPoints);
        double[] points = new double[2 * total];
        double[] weights = new double[total];
        int i = 0;
        for (int a = 0; a < nr; a++) {
            double w = wr[a] * r[a] * wTheta;
            for (int j = 0; j < angularPoints; j++, i++) {
                points[2 * i] = cx + r[a] * cos[j];
                points[2 * i + 1] = cy + r[a] * sin[j];
                weights[i] = w;
            }
        }
        return QuadratureRule.wrap(2, points, weights);
    }
}
