package org.kanpde.solver.geometry;

import java.util.Objects;

import org.kanpde.solver.quadrature.QuadratureRule;

/**
 * A domain with a name, for operands of a {@link CsgDomain}: a boundary part P of an operand named N
 * is called {@code N.P} in the combined domain. On its own a named domain behaves exactly like the
 * domain it wraps (same parts, same points, same rules). Immutable.
 */
public final class NamedDomain implements Domain {

    private final String name;
    private final Domain domain;

    private NamedDomain(String name, Domain domain) {
        this.name = name;
        this.domain = domain;
    }

    /**
     * @param name   the name: not blank, not {@code "default"} (reserved in boundary maps), without
     *               blanks at either end
     * @param domain the domain to name; a named domain is renamed, not wrapped twice
     * @return the named domain
     * @throws IllegalArgumentException if the name is not acceptable
     * @throws NullPointerException     if an argument is null
     */
    public static NamedDomain of(String name, Domain domain) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(domain, "domain");
        if (name.isBlank() || !name.strip().equals(name) || name.equals("default")) {
            throw new IllegalArgumentException("'" + name + "' cannot name a domain: it must be non-blank without blanks"
                    + " at either end, and 'default' is reserved in boundary maps");
        }
        return new NamedDomain(name, domain instanceof NamedDomain named ? named.domain : domain);
    }

    /** @return the name */
    public String name() {
        return name;
    }

    /** @return the unnamed domain */
    public Domain domain() {
        return domain;
    }

    @Override
    public int dimension() {
        return domain.dimension();
    }

    @Override
    public double[] lower() {
        return domain.lower();
    }

    @Override
    public double[] upper() {
        return domain.upper();
    }

    @Override
    public double tolerance() {
        return domain.tolerance();
    }

    @Override
    public boolean contains(double[] z) {
        return domain.contains(z);
    }

    @Override
    public boolean containsInterior(double[] z) {
        return domain.containsInterior(z);
    }

    @Override
    public double measure() {
        return domain.measure();
    }

    @Override
    public int boundaryPartCount() {
        return domain.boundaryPartCount();
    }

    @Override
    public String boundaryPartName(int part) {
        return domain.boundaryPartName(part);
    }

    @Override
    public double boundaryPartMeasure(int part) {
        return domain.boundaryPartMeasure(part);
    }

    @Override
    public PointSet sampleInterior(int n, SamplingScheme scheme, long seed) {
        return domain.sampleInterior(n, scheme, seed);
    }

    @Override
    public BoundarySample sampleBoundary(int n, SamplingScheme scheme, long seed) {
        return domain.sampleBoundary(n, scheme, seed);
    }

    @Override
    public QuadratureRule quadrature(int pointsPerDirection, int subdivisions) {
        return domain.quadrature(pointsPerDirection, subdivisions);
    }

    @Override
    public DistanceFunction distance() {
        return domain.distance();
    }

    @Override
    public String toString() {
        return domain + " named '" + name + "'";
    }
}
