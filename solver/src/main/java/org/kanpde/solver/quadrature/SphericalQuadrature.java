package org.kanpde.solver.quadrature;

import org.kanpde.net.quadrature.GaussLegendre;

/**
 * Quadrature on a ball in R^3 in spherical coordinates {@code (r, u = cos(theta), phi)}: a composite
 * Gauss-Legendre rule in r (with the Jacobian r^2), a Gauss-Legendre rule in u on [-1, 1] and the
 * equally spaced rule in phi.
 *
 * <p>A polynomial of total degree q in (x, y, z) is, on each sphere, a sum of spherical harmonics
 * of degree at most q, and those are polynomials of degree at most q in u times trigonometric
 * polynomials of degree at most q in phi. The rule is therefore exact when
 * {@code q + 2 <= 2 p - 1} (radial, p nodes per piece), {@code q <= 2 m - 1} (m polar nodes) and
 * {@code q <= M - 1} (M angles).
 */
public final class SphericalQuadrature {

    private SphericalQuadrature() {
    }

    /**
     * Builds the rule on the ball with the given centre and radius.
     *
     * @param centre             the centre, length 3, finite (not modified)
     * @param radius             radius, finite and {@code > 0}
     * @param radialPoints       Gauss-Legendre nodes per radial piece, at least 1
     * @param radialSubintervals equal pieces of [0, radius], at least 1
     * @param polarPoints        Gauss-Legendre nodes in {@code cos(theta)}, at least 1
     * @param angularPoints      equally spaced angles phi, at least 1
     * @return a 3-D rule with {@code radialPoints * radialSubintervals * polarPoints * angularPoints}
     *         nodes, all strictly inside the ball; weights sum to {@code 4 pi R^3 / 3} up to rounding
     * @throws IllegalArgumentException if the centre is not 3 finite numbers, the radius is not
     *                                  finite and positive, or a count is below 1
     */
    public static QuadratureRule ball(double[] centre, double radius, int radialPoints, int radialSubintervals,
                                      int polarPoints, int angularPoints) {
        if (centre.length != 3) {
            throw new IllegalArgumentException("ball centre must have 3 coordinates, got " + centre.length);
        }
        for (int k = 0; k < 3; k++) {
            if (!Double.isFinite(centre[k])) {
                throw new IllegalArgumentException("ball centre coordinate " + k + " must be finite, got " + centre[k]);
            }
        }
        if (!(radius > 0) || !Double.isFinite(radius)) {
            throw new IllegalArgumentException("ball radius must be finite and > 0, got " + radius);
        }
        requireCount(radialPoints, "radialPoints");
        requireCount(radialSubintervals, "radialSubintervals");
        requireCount(polarPoints, "polarPoints");
        requireCount(angularPoints, "angularPoints");
        int nr = Math.multiplyExact(radialPoints, radialSubintervals);
        double[] r = new double[nr];
        double[] wr = new double[nr];
        GaussLegendre.of(radialPoints).composite(0.0, radius, radialSubintervals, r, wr);
        GaussLegendre polar = GaussLegendre.of(polarPoints);
        double wPhi = 2.0 * Math.PI / angularPoints;
        int total = Math.multiplyExact(Math.multiplyExact(nr, polarPoints), angularPoints);
        double[] points = new double[Math.multiplyExact(3, total)];
        double[] weights = new double[total];
        int i = 0;
        for (int a = 0; a < nr; a++) {
            for (int b = 0; b < polarPoints; b++) {
                double u = polar.node(b);
                double s = Math.sqrt(Math.max(0.0, 1.0 - u * u));
                double w = wr[a] * r[a] * r[a] * polar.weight(b) * wPhi;
                for (int j = 0; j < angularPoints; j++, i++) {
                    double phi = 2.0 * Math.PI * (j + 0.5) / angularPoints;
                    points[3 * i] = centre[0] + r[a] * s * Math.cos(phi);
                    points[3 * i + 1] = centre[1] + r[a] * s * Math.sin(phi);
                    points[3 * i + 2] = centre[2] + r[a] * u;
                    weights[i] = w;
                }
            }
        }
        return QuadratureRule.wrap(3, points, weights);
    }

    private static void requireCount(int count, String name) {
        if (count < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + count);
        }
    }
}
