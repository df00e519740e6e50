package org.kanpde.solver.geometry;

import java.util.Objects;
import java.util.SplittableRandom;

import org.kanpde.solver.quadrature.PolarQuadrature;
import org.kanpde.solver.quadrature.QuadratureRule;

/**
 * A closed disk in the plane with centre c and radius R. Its boundary is one part, {@code "circle"},
 * with outward normal {@code (z - c) / R}. Immutable.
 */
public final class Disk implements Domain {

    private final double cx;
    private final double cy;
    private final double radius;
    private final double tolerance;

    /**
     * @param cx     centre x, finite
     * @param cy     centre y, finite
     * @param radius radius R, finite and {@code > 0}
     * @throws IllegalArgumentException if a value is not finite (NaN included) or {@code R <= 0}
     */
    public Disk(double cx, double cy, double radius) {
        Checks.requireFinite(cx, "disk centre x");
        Checks.requireFinite(cy, "disk centre y");
        Checks.requireFinite(radius, "disk radius");
        if (!(radius > 0)) {
            throw new IllegalArgumentException("disk radius must be > 0, got " + radius);
        }
        this.cx = cx;
        this.cy = cy;
        this.radius = radius;
        this.tolerance = RELATIVE_TOLERANCE * 2.0 * radius;
    }

    /** @return the unit disk centred at the origin */
    public static Disk unit() {
        return new Disk(0, 0, 1);
    }

    /** @return a new array {cx, cy} */
    public double[] centre() {
        return new double[] {cx, cy};
    }

    /** @return the radius R */
    public double radius() {
        return radius;
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public double[] lower() {
        return new double[] {cx - radius, cy - radius};
    }

    @Override
    public double[] upper() {
        return new double[] {cx + radius, cy + radius};
    }

    @Override
    public double tolerance() {
        return tolerance;
    }

    @Override
    public boolean contains(double[] z) {
        Checks.requirePoint(z, 2);
        return Math.hypot(z[0] - cx, z[1] - cy) <= radius + tolerance;
    }

    @Override
    public boolean containsInterior(double[] z) {
        Checks.requirePoint(z, 2);
        return Math.hypot(z[0] - cx, z[1] - cy) < radius - tolerance;
    }

    @Override
    public double measure() {
        return Math.PI * radius * radius;
    }

    @Override
    public int boundaryPartCount() {
        return 1;
    }

    @Override
    public String boundaryPartName(int part) {
        Checks.requirePart(part, 1);
        return "circle";
    }

    @Override
    public double boundaryPartMeasure(int part) {
        Checks.requirePart(part, 1);
        return 2.0 * Math.PI * radius;
    }

    @Override
    public PointSet sampleInterior(int n, SamplingScheme scheme, long seed) {
        return InteriorSampling.sample(this, false, n, scheme, seed);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Exactly n points at angles {@code 2 pi t}: the tensor schemes all use
     * {@code t = (i + 1/2) / n} (equal spacing is the Gauss rule for periodic functions), SOBOL a
     * shifted 1-D Sobol sequence, RANDOM uniform t.
     */
    @Override
    public BoundarySample sampleBoundary(int n, SamplingScheme scheme, long seed) {
        Checks.requireCount(n);
        Objects.requireNonNull(scheme, "scheme");
        SamplingScheme along = scheme.isTensor() ? SamplingScheme.UNIFORM_GRID : scheme;
        double[] t = BoundarySampling.parameters(along, n, new SplittableRandom(seed));
        double[] xy = new double[2 * n];
        double[] normals = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double theta = 2.0 * Math.PI * t[i];
            double c = Math.cos(theta), s = Math.sin(theta);
            xy[2 * i] = cx + radius * c;
            xy[2 * i + 1] = cy + radius * s;
            normals[2 * i] = c;
            normals[2 * i + 1] = s;
        }
        return BoundarySample.wrap(2, xy, normals, new int[n], 1);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Polar rule ({@link PolarQuadrature}): {@code subdivisions} radial shells with
     * {@code p = pointsPerDirection} Gauss-Legendre nodes each (Jacobian r included) times
     * {@code 2 p * subdivisions} equally spaced angles; exact for polynomials in (x, y) of total degree
     * at most {@code 2p - 2}, and exponentially accurate in the angle for smooth integrands.
     */
    @Override
    public QuadratureRule quadrature(int pointsPerDirection, int subdivisions) {
        if (pointsPerDirection < 1) {
            throw new IllegalArgumentException("pointsPerDirection must be >= 1, got " + pointsPerDirection);
        }
        if (subdivisions < 1) {
            throw new IllegalArgumentException("subdivisions must be >= 1, got " + subdivisions);
        }
        int angular = Math.multiplyExact(2 * pointsPerDirection, subdivisions);
        return PolarQuadrature.disk(cx, cy, radius, pointsPerDirection, subdivisions, angular);
    }

    /**
     * {@inheritDoc}
     *
     * <p>For a disk: {@code D(z) = (R^2 - |z - c|^2) / R^2}, smooth everywhere, 1 at the centre.
     */
    @Override
    public DistanceFunction distance() {
        return new DiskDistance(cx, cy, radius);
    }

    @Override
    public String toString() {
        return "disk of centre (" + Checks.number(cx) + ", " + Checks.number(cy) + ") and radius " + Checks.number(radius);
    }
}
