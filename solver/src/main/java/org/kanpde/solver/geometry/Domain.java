package org.kanpde.solver.geometry;

import org.kanpde.solver.quadrature.QuadratureRule;

/**
 * A bounded, closed region of R^d on which a PDE is posed: membership tests, measure, named boundary
 * parts, interior and boundary sampling, a quadrature rule for error metrics and a distance function
 * for exact Dirichlet conditions.
 *
 * <p>Points are {@code double[]} of length d; point sets are flat row-major arrays (see
 * {@link PointSet}). Implementations are immutable and thread-safe. Randomness comes only from the
 * seed arguments: the same seed gives the same points. See {@link SamplingScheme} for how each scheme
 * interprets the requested count n.
 */
public interface Domain {

    /**
     * Relative size of the tolerance band around the boundary: {@link #tolerance()} is this times the
     * largest side of the bounding box.
     */
    double RELATIVE_TOLERANCE = 1e-10;

    /** @return the dimension d */
    int dimension();

    /** @return a copy of the lower corner of the bounding box */
    double[] lower();

    /** @return a copy of the upper corner of the bounding box */
    double[] upper();

    /**
     * @return the absolute tolerance of {@link #contains} and {@link #containsInterior}:
     *         {@link #RELATIVE_TOLERANCE} times the largest side of the bounding box
     */
    double tolerance();

    /**
     * Tests membership of the closed domain, accepting points up to {@link #tolerance()} outside so
     * that points computed on the boundary pass despite rounding.
     *
     * @param z a point, length d (not modified); NaN coordinates give false
     * @return true if z is in the domain or within the tolerance of it
     * @throws IllegalArgumentException if {@code z.length != dimension()}
     */
    boolean contains(double[] z);

    /**
     * Tests strict interior membership: z is in the domain and farther than {@link #tolerance()} from
     * its boundary. A point with {@code contains(z) && !containsInterior(z)} is on the boundary up to
     * the tolerance.
     *
     * @param z a point, length d (not modified); NaN coordinates give false
     * @return true if z is inside and not within the tolerance of the boundary
     * @throws IllegalArgumentException if {@code z.length != dimension()}
     */
    boolean containsInterior(double[] z);

    /** @return the length (1-D), area (2-D) or volume (3-D) of the domain */
    double measure();

    /** @return the number of boundary parts, at least 1 */
    int boundaryPartCount();

    /**
     * @param part a part index, {@code 0 <= part < boundaryPartCount()}
     * @return the part's name, e.g. {@code "xmin"}, {@code "circle"} or {@code "edge0"}
     * @throws IllegalArgumentException if part is out of range
     */
    String boundaryPartName(int part);

    /**
     * @param part a part index, {@code 0 <= part < boundaryPartCount()}
     * @return the part's measure: length of an edge (2-D), area of a face (3-D), 1 for a point (1-D)
     * @throws IllegalArgumentException if part is out of range
     */
    double boundaryPartMeasure(int part);

    /**
     * Looks a boundary part up by name.
     *
     * @param name a part name
     * @return the index of the first part with that name
     * @throws IllegalArgumentException if no part has that name
     */
    default int boundaryPart(String name) {
        for (int p = 0; p < boundaryPartCount(); p++) {
            if (boundaryPartName(p).equals(name)) {
                return p;
            }
        }
        StringBuilder names = new StringBuilder();
        for (int p = 0; p < boundaryPartCount(); p++) {
            names.append(p == 0 ? "" : ", ").append(boundaryPartName(p));
        }
        throw new IllegalArgumentException("no boundary part named '" + name + "'; parts are " + names);
    }

    /**
     * Samples points strictly inside the domain.
     *
     * @param n      requested number of points, at least 1; exact for {@link SamplingScheme#SOBOL} and
     *               {@link SamplingScheme#RANDOM}, see {@link SamplingScheme} for the tensor schemes
     * @param scheme how to place the points
     * @param seed   seed of the random choices (ignored by the tensor schemes)
     * @return the points
     * @throws IllegalArgumentException if {@code n < 1}, or if the strict interior fills so little of
     *                                  the bounding box (under 1e-4 of it) that the points cannot be
     *                                  found within 10,000 candidates per point; the message names
     *                                  the domain
     * @throws NullPointerException     if scheme is null
     */
    PointSet sampleInterior(int n, SamplingScheme scheme, long seed);

    /**
     * Samples points on the boundary, n in total spread over the parts in proportion to their measure,
     * each with its outward unit normal and part index.
     *
     * @param n      requested total number of points, at least 1 (see {@link SamplingScheme})
     * @param scheme how to place the points on each part
     * @param seed   seed of the random choices (ignored by the tensor schemes)
     * @return the sample
     * @throws IllegalArgumentException if {@code n < 1}
     * @throws NullPointerException     if scheme is null
     */
    BoundarySample sampleBoundary(int n, SamplingScheme scheme, long seed);

    /**
     * An interior quadrature rule accurate for smooth integrands, for L2 and H1 error metrics.
     * Equivalent to {@code quadrature(pointsPerDirection, 1)}.
     *
     * @param pointsPerDirection Gauss-Legendre nodes per direction, at least 1
     * @return the rule; its weights sum to {@link #measure()} up to rounding
     * @throws IllegalArgumentException if {@code pointsPerDirection < 1}
     */
    default QuadratureRule quadrature(int pointsPerDirection) {
        return quadrature(pointsPerDirection, 1);
    }

    /**
     * An interior quadrature rule refined by subdivision; see the implementations for the exact
     * construction and the polynomial degree it integrates exactly.
     *
     * @param pointsPerDirection Gauss-Legendre nodes per direction of each piece, at least 1
     * @param subdivisions       pieces per direction (subintervals, radial shells or triangle
     *                           subdivisions), at least 1
     * @return the rule; all nodes are strictly inside the domain
     * @throws IllegalArgumentException if a count is below 1
     */
    QuadratureRule quadrature(int pointsPerDirection, int subdivisions);

    /** @return a smooth function that vanishes on the boundary and is positive inside */
    DistanceFunction distance();
}
