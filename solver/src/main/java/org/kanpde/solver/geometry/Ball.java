package org.kanpde.solver.geometry;

import java.util.Objects;
import java.util.SplittableRandom;

import org.kanpde.solver.quadrature.QuadratureRule;
import org.kanpde.solver.quadrature.SphericalQuadrature;

/**
 * A closed ball in R^3 with centre c and radius R. Its boundary is one part, {@code "sphere"}, with
 * outward normal {@code (z - c) / R}. Immutable.
 */
public final class Ball implements Domain {

    private final double[] centre;
    private final double radius;
    private final double tolerance;

    /**
     * @param centre the centre, 3 finite coordinates (copied)
     * @param radius the radius R, finite and {@code > 0}
     * @throws IllegalArgumentException if the centre does not have 3 coordinates, a value is not
     *                                  finite (NaN included) or {@code R <= 0}
     */
    public Ball(double[] centre, double radius) {
        if (centre.length != 3) {
            throw new IllegalArgumentException("ball centre must have 3 coordinates [x, y, z], got " + centre.length);
        }
        for (int k = 0; k < 3; k++) {
            Checks.requireFinite(centre[k], "ball centre coordinate " + k);
        }
        Checks.requireFinite(radius, "ball radius");
        if (!(radius > 0)) {
            throw new IllegalArgumentException("ball radius must be > 0, got " + radius);
        }
        this.centre = centre.clone();
        this.radius = radius;
        this.tolerance = RELATIVE_TOLERANCE * 2.0 * radius;
    }

    /** @return a new array holding the centre */
    public double[] centre() {
        return centre.clone();
    }

    /** @return the radius R */
    public double radius() {
        return radius;
    }

    @Override
    public int dimension() {
        return 3;
    }

    @Override
    public double[] lower() {
        return new double[] {centre[0] - radius, centre[1] - radius, centre[2] - radius};
    }

    @Override
    public double[] upper() {
        return new double[] {centre[0] + radius, centre[1] + radius, centre[2] + radius};
    }

    @Override
    public double tolerance() {
        return tolerance;
    }

    private double distanceToCentre(double[] z) {
        Checks.requirePoint(z, 3);
        double dx = z[0] - centre[0], dy = z[1] - centre[1], dz = z[2] - centre[2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    @Override
    public boolean contains(double[] z) {
        return distanceToCentre(z) <= radius + tolerance;
    }

    @Override
    public boolean containsInterior(double[] z) {
        return distanceToCentre(z) < radius - tolerance;
    }

    @Override
    public double measure() {
        return 4.0 / 3.0 * Math.PI * radius * radius * radius;
    }

    @Override
    public int boundaryPartCount() {
        return 1;
    }

    @Override
    public String boundaryPartName(int part) {
        Checks.requirePart(part, 1);
        return "sphere";
    }

    @Override
    public double boundaryPartMeasure(int part) {
        Checks.requirePart(part, 1);
        return 4.0 * Math.PI * radius * radius;
    }

    @Override
    public PointSet sampleInterior(int n, SamplingScheme scheme, long seed) {
        return InteriorSampling.sample(this, false, n, scheme, seed);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Points are the images of parameters (s, t) in (0, 1)^2 under the area-preserving map
     * {@code cos(theta) = 1 - 2 s}, {@code phi = 2 pi t}, so uniform parameters give points uniform
     * by area. The tensor schemes use an {@code m1 x m2} grid of their boundary nodes with
     * {@code m2} about {@code pi m1} and {@code m1 m2 <= n} (so the total can fall short of n);
     * SOBOL a 2-D shifted Sobol sequence; RANDOM uniform parameters.
     */
    @Override
    public BoundarySample sampleBoundary(int n, SamplingScheme scheme, long seed) {
        Checks.requireCount(n);
        Objects.requireNonNull(scheme, "scheme");
        double[] st = parameters(scheme, n, new SplittableRandom(seed));
        int count = st.length / 2;
        double[] xyz = new double[3 * count];
        double[] normals = new double[3 * count];
        for (int i = 0; i < count; i++) {
            double u = 1.0 - 2.0 * st[2 * i];
            double s = Math.sqrt(Math.max(0.0, 1.0 - u * u));
            double phi = 2.0 * Math.PI * st[2 * i + 1];
            normals[3 * i] = s * Math.cos(phi);
            normals[3 * i + 1] = s * Math.sin(phi);
            normals[3 * i + 2] = u;
            for (int k = 0; k < 3; k++) {
                xyz[3 * i + k] = centre[k] + radius * normals[3 * i + k];
            }
        }
        return BoundarySample.wrap(3, xyz, normals, new int[count], 1);
    }

    private static double[] parameters(SamplingScheme scheme, int n, SplittableRandom random) {
        if (scheme.isTensor()) {
            int m1 = (int) Math.max(1, Math.floor(Math.sqrt(n / Math.PI)));
            int m2 = Math.max(1, n / m1);
            double[] s = Nodes.boundary(scheme, m1);
            double[] t = Nodes.boundary(SamplingScheme.UNIFORM_GRID, m2); // periodic in phi
            double[] st = new double[2 * m1 * m2];
            for (int i = 0, j = 0; i < m1; i++) {
                for (int l = 0; l < m2; l++, j++) {
                    st[2 * j] = s[i];
                    st[2 * j + 1] = t[l];
                }
            }
            return st;
        }
        return BoundarySampling.unitSquare(scheme, n, random);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Spherical rule ({@link SphericalQuadrature}): {@code subdivisions} radial shells with
     * {@code p = pointsPerDirection} Gauss-Legendre nodes each (Jacobian r^2 included), {@code p *
     * subdivisions} Gauss-Legendre nodes in {@code cos(theta)} and {@code 2 p * subdivisions} equally
     * spaced angles phi; exact for polynomials of total degree at most {@code 2p - 3}.
     */
    @Override
    public QuadratureRule quadrature(int pointsPerDirection, int subdivisions) {
        if (pointsPerDirection < 1) {
            throw new IllegalArgumentException("pointsPerDirection must be >= 1, got " + pointsPerDirection);
        }
        if (subdivisions < 1) {
            throw new IllegalArgumentException("subdivisions must be >= 1, got " + subdivisions);
        }
        int polar = Math.multiplyExact(pointsPerDirection, subdivisions);
        return SphericalQuadrature.ball(centre, radius, pointsPerDirection, subdivisions, polar, 2 * polar);
    }

    /**
     * {@inheritDoc}
     *
     * <p>For a ball: {@code D(z) = (R^2 - |z - c|^2) / R^2}, smooth everywhere, 1 at the centre.
     */
    @Override
    public DistanceFunction distance() {
        return new BallDistance(centre, radius, 1.0);
    }

    @Override
    public String toString() {
        return "ball of centre (" + Checks.number(centre[0]) + ", " + Checks.number(centre[1]) + ", "
                + Checks.number(centre[2]) + ") and radius " + Checks.number(radius);
    }
}
