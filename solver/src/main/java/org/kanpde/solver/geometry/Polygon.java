package org.kanpde.solver.geometry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.kanpde.solver.quadrature.QuadratureRule;
import org.kanpde.solver.quadrature.TriangleQuadrature;

/**
 * A closed simple polygon in the plane, convex or not (e.g. {@link #lShape()}).
 *
 * <p>Vertices may be given clockwise or counter-clockwise; the orientation is detected and normals
 * always point outward. The vertices are kept in the given order, so boundary part k is always the
 * edge from vertex k to vertex k + 1 (the last edge closes the polygon), named {@code "edge<k>"}
 * unless names are supplied. Immutable.
 */
public final class Polygon implements Domain {

    /**
     * Smallest ratio (exclusive) of the area to {@code perimeter * tolerance()}, the area of the
     * band within the tolerance of the boundary where no interior point may lie. At 5 the band
     * takes at most a fifth of the area; for a thin rectangle this is the same bound as
     * {@link Box#MAX_ASPECT_RATIO}.
     */
    public static final double MIN_AREA_PER_BAND = 5;

    private final double[] xy;
    private final List<String> names;
    private final boolean counterClockwise;
    private final double area;
    private final double[] lower;
    private final double[] upper;
    private final double tolerance;
    private final double[] triangles;

    /**
     * Creates a polygon with edges named {@code "edge0", "edge1", ...}.
     *
     * @param vertices flat coordinates x0, y0, x1, y1, ... of at least 3 vertices (copied)
     * @throws IllegalArgumentException if there are fewer than 3 vertices, a coordinate is not finite,
     *                                  an edge has zero length, the area is zero or too small for a
     *                                  strict interior (see {@link #MIN_AREA_PER_BAND}), two edges
     *                                  intersect other than at their shared vertex, or two adjacent
     *                                  edges overlap
     */
    public Polygon(double[] vertices) {
        this(vertices, defaultNames(vertices.length / 2));
    }

    /**
     * Creates a polygon with named edges.
     *
     * @param vertices  flat coordinates x0, y0, x1, y1, ... of at least 3 vertices (copied)
     * @param edgeNames one distinct, non-blank name per edge; name k is the edge from vertex k to
     *                  vertex k + 1 (copied)
     * @throws IllegalArgumentException as {@link #Polygon(double[])}, or if the names are not one per
     *                                  vertex, blank or repeated
     */
    public Polygon(double[] vertices, List<String> edgeNames) {
        if (vertices.length % 2 != 0) {
            throw new IllegalArgumentException("vertex array must hold x, y pairs, got odd length " + vertices.length);
        }
        int n = vertices.length / 2;
        if (n < 3) {
            throw new IllegalArgumentException("polygon needs at least 3 vertices, got " + n);
        }
        for (int j = 0; j < vertices.length; j++) {
            Checks.requireFinite(vertices[j], (j % 2 == 0 ? "x" : "y") + " of vertex " + (j / 2));
        }
        this.xy = vertices.clone();
        this.names = validateNames(edgeNames, n);
        this.lower = new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        this.upper = new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 2; k++) {
                lower[k] = Math.min(lower[k], xy[2 * i + k]);
                upper[k] = Math.max(upper[k], xy[2 * i + k]);
            }
        }
        double size = Math.max(upper[0] - lower[0], upper[1] - lower[1]);
        this.tolerance = RELATIVE_TOLERANCE * size;
        for (int i = 0; i < n; i++) {
            if (edgeLength(i) == 0) {
                throw new IllegalArgumentException("edge " + i + " has zero length: vertex " + i + " and vertex "
                        + ((i + 1) % n) + " are both " + vertex(i));
            }
        }
        // Simplicity first: a self-intersecting polygon (a symmetric bow tie) can have zero signed area,
        // and saying it self-intersects is the more useful message.
        checkSimple();
        double signedArea = signedArea(xy);
        double perimeter = 0;
        for (int i = 0; i < n; i++) {
            perimeter += edgeLength(i);
        }
        // Interior points must be farther than the tolerance from every edge; the band within it
        // has an area of at most about perimeter * tolerance. A polygon whose area is not well
        // above that has (almost) no strict interior, and sampling it would never end.
        if (!(Math.abs(signedArea) > MIN_AREA_PER_BAND * perimeter * tolerance)) {
            if (!(Math.abs(signedArea) > 1e-14 * size * size)) {
                throw new IllegalArgumentException("polygon is degenerate: area " + signedArea + " is zero");
            }
            throw new IllegalArgumentException("polygon is too thin: its area " + Math.abs(signedArea) + " is at most "
                    + Checks.number(MIN_AREA_PER_BAND) + " times its perimeter " + perimeter + " times the boundary tolerance "
                    + tolerance + " (" + RELATIVE_TOLERANCE + " times the largest side of its bounding box), so almost no "
                    + "point is farther than the tolerance from its edges");
        }
        this.counterClockwise = signedArea > 0;
        this.area = Math.abs(signedArea);
        this.triangles = EarClipping.triangulate(counterClockwise ? xy : reversed(xy));
    }

    /**
     * The classic L-shaped domain {@code [-1, 1]^2 minus [0, 1] x [-1, 0]}, area 3, with the
     * re-entrant corner at the origin. Vertices counter-clockwise: (-1, -1), (0, -1), (0, 0), (1, 0),
     * (1, 1), (-1, 1); edges "edge0" (bottom) to "edge5" (left).
     *
     * @return the L-shape
     */
    public static Polygon lShape() {
        return new Polygon(new double[] {-1, -1, 0, -1, 0, 0, 1, 0, 1, 1, -1, 1});
    }

    private static List<String> defaultNames(int n) {
        List<String> out = new ArrayList<>(Math.max(n, 0));
        for (int i = 0; i < n; i++) {
            out.add("edge" + i);
        }
        return out;
    }

    private static List<String> validateNames(List<String> edgeNames, int n) {
        if (edgeNames.size() != n) {
            throw new IllegalArgumentException("need one edge name per vertex (" + n + "), got " + edgeNames.size());
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < n; i++) {
            String name = edgeNames.get(i);
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("edge name " + i + " must be non-blank, got '" + name + "'");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("edge names must be distinct, got '" + name + "' twice");
            }
        }
        return Collections.unmodifiableList(new ArrayList<>(edgeNames));
    }

    private static double signedArea(double[] v) {
        int n = v.length / 2;
        double s = 0;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            s += v[2 * i] * v[2 * j + 1] - v[2 * j] * v[2 * i + 1];
        }
        return 0.5 * s;
    }

    private static double[] reversed(double[] v) {
        int n = v.length / 2;
        double[] r = new double[v.length];
        for (int i = 0; i < n; i++) {
            r[2 * i] = v[2 * (n - 1 - i)];
            r[2 * i + 1] = v[2 * (n - 1 - i) + 1];
        }
        return r;
    }

    /** Rejects crossing or touching non-adjacent edges and adjacent edges that fold back. */
    private void checkSimple() {
        int n = xy.length / 2;
        for (int i = 0; i < n; i++) {
            int i2 = (i + 1) % n;
            int i3 = (i + 2) % n;
            double ux = xy[2 * i2] - xy[2 * i], uy = xy[2 * i2 + 1] - xy[2 * i + 1];
            double vx = xy[2 * i3] - xy[2 * i2], vy = xy[2 * i3 + 1] - xy[2 * i2 + 1];
            if (ux * vy - uy * vx == 0 && ux * vx + uy * vy < 0) {
                throw new IllegalArgumentException("polygon is self-intersecting: edges " + i + " and " + i2
                        + " fold back on each other at vertex " + i2 + " " + vertex(i2));
            }
            for (int j = i + 2; j < n; j++) {
                if (i == 0 && j == n - 1) {
                    continue;
                }
                int j2 = (j + 1) % n;
                if (segmentsIntersect(i, i2, j, j2)) {
                    throw new IllegalArgumentException("polygon is self-intersecting: edge " + i + " "
                            + vertex(i) + "-" + vertex(i2) + " meets edge " + j + " " + vertex(j) + "-" + vertex(j2));
                }
            }
        }
    }

    private boolean segmentsIntersect(int a, int b, int c, int d) {
        double o1 = orientation(a, b, c), o2 = orientation(a, b, d);
        double o3 = orientation(c, d, a), o4 = orientation(c, d, b);
        if (((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0))) {
            return true;
        }
        return (o1 == 0 && withinBox(a, b, c)) || (o2 == 0 && withinBox(a, b, d))
                || (o3 == 0 && withinBox(c, d, a)) || (o4 == 0 && withinBox(c, d, b));
    }

    private double orientation(int a, int b, int c) {
        return (xy[2 * b] - xy[2 * a]) * (xy[2 * c + 1] - xy[2 * a + 1])
                - (xy[2 * b + 1] - xy[2 * a + 1]) * (xy[2 * c] - xy[2 * a]);
    }

    /** For c collinear with segment ab: whether c lies within the segment's bounding box. */
    private boolean withinBox(int a, int b, int c) {
        return Math.min(xy[2 * a], xy[2 * b]) <= xy[2 * c] && xy[2 * c] <= Math.max(xy[2 * a], xy[2 * b])
                && Math.min(xy[2 * a + 1], xy[2 * b + 1]) <= xy[2 * c + 1]
                && xy[2 * c + 1] <= Math.max(xy[2 * a + 1], xy[2 * b + 1]);
    }

    private String vertex(int i) {
        return "(" + xy[2 * i] + ", " + xy[2 * i + 1] + ")";
    }

    private double edgeLength(int i) {
        int j = (i + 1) % (xy.length / 2);
        return Math.hypot(xy[2 * j] - xy[2 * i], xy[2 * j + 1] - xy[2 * i + 1]);
    }

    /** @return the number of vertices (and edges) */
    public int vertexCount() {
        return xy.length / 2;
    }

    /** @return a copy of the vertex coordinates x0, y0, x1, y1, ... in the order given */
    public double[] vertices() {
        return xy.clone();
    }

    /** @return whether the vertices were given counter-clockwise */
    public boolean isCounterClockwise() {
        return counterClockwise;
    }

    /**
     * @return a copy of the triangulation used by {@link #quadrature}: 6 coordinates per
     *         counter-clockwise triangle, from ear clipping
     */
    public double[] triangles() {
        return triangles.clone();
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public double[] lower() {
        return lower.clone();
    }

    @Override
    public double[] upper() {
        return upper.clone();
    }

    @Override
    public double tolerance() {
        return tolerance;
    }

    @Override
    public boolean contains(double[] z) {
        Checks.requirePoint(z, 2);
        return boundaryDistance(z[0], z[1]) <= tolerance || inside(z[0], z[1]);
    }

    @Override
    public boolean containsInterior(double[] z) {
        Checks.requirePoint(z, 2);
        return inside(z[0], z[1]) && boundaryDistance(z[0], z[1]) > tolerance;
    }

    /** Even-odd crossing test; NaN coordinates cross nothing and are outside. */
    private boolean inside(double x, double y) {
        int n = xy.length / 2;
        boolean in = false;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            double xi = xy[2 * i], yi = xy[2 * i + 1];
            double xj = xy[2 * j], yj = xy[2 * j + 1];
            if ((yi > y) != (yj > y) && x < xi + (y - yi) * (xj - xi) / (yj - yi)) {
                in = !in;
            }
        }
        return in;
    }

    /** Euclidean distance from (x, y) to the nearest edge. */
    private double boundaryDistance(double x, double y) {
        int n = xy.length / 2;
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            double ax = xy[2 * i], ay = xy[2 * i + 1];
            double dx = xy[2 * j] - ax, dy = xy[2 * j + 1] - ay;
            double s = ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy);
            s = Math.max(0.0, Math.min(1.0, s));
            double distance = Math.hypot(x - ax - s * dx, y - ay - s * dy);
            if (distance < best || Double.isNaN(distance)) {
                best = distance;
            }
        }
        return best;
    }

    @Override
    public double measure() {
        return area;
    }

    @Override
    public int boundaryPartCount() {
        return xy.length / 2;
    }

    @Override
    public String boundaryPartName(int part) {
        Checks.requirePart(part, boundaryPartCount());
        return names.get(part);
    }

    @Override
    public double boundaryPartMeasure(int part) {
        Checks.requirePart(part, boundaryPartCount());
        return edgeLength(part);
    }

    @Override
    public PointSet sampleInterior(int n, SamplingScheme scheme, long seed) {
        return InteriorSampling.sample(this, false, n, scheme, seed);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Exactly n points in total; on each edge they are placed by the scheme's parameters in (0, 1),
     * so vertices, where the normal is ambiguous, are never sampled.
     */
    @Override
    public BoundarySample sampleBoundary(int n, SamplingScheme scheme, long seed) {
        Checks.requireCount(n);
        Objects.requireNonNull(scheme, "scheme");
        int edges = xy.length / 2;
        double[] segments = new double[4 * edges];
        double[] normals = new double[2 * edges];
        double sign = counterClockwise ? 1.0 : -1.0;
        for (int i = 0; i < edges; i++) {
            int j = (i + 1) % edges;
            double dx = xy[2 * j] - xy[2 * i], dy = xy[2 * j + 1] - xy[2 * i + 1];
            double length = Math.hypot(dx, dy);
            segments[4 * i] = xy[2 * i];
            segments[4 * i + 1] = xy[2 * i + 1];
            segments[4 * i + 2] = xy[2 * j];
            segments[4 * i + 3] = xy[2 * j + 1];
            // The interior lies to the left of a counter-clockwise edge, so (dy, -dx) points out.
            normals[2 * i] = sign * dy / length;
            normals[2 * i + 1] = -sign * dx / length;
        }
        return BoundarySampling.segments(segments, normals, n, scheme, seed);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The polygon is triangulated by ear clipping; each triangle is split into
     * {@code subdivisions^2} congruent sub-triangles carrying a collapsed (Duffy) tensor rule of
     * {@code p = pointsPerDirection} Gauss-Legendre nodes per direction ({@link TriangleQuadrature}).
     * The rule has {@code (vertices - 2) * subdivisions^2 * p^2} nodes (fewer triangles when collinear
     * vertices are present) and is exact for polynomials of total degree at most {@code 2p - 2}.
     */
    @Override
    public QuadratureRule quadrature(int pointsPerDirection, int subdivisions) {
        return TriangleQuadrature.triangles(triangles, pointsPerDirection, subdivisions);
    }

    /**
     * {@inheritDoc}
     *
     * <p>For a polygon: the R-function approximate distance of Sukumar and Srivastava (2022), trimmed
     * segment functions joined by the R-equivalence; smooth off the boundary, about the Euclidean
     * distance near edge interiors, with second derivatives growing like 1 / r at distance r from a
     * vertex. On an edge the derivatives are the one-sided limits from inside; at a vertex, where
     * they do not exist, they are NaN.
     */
    @Override
    public DistanceFunction distance() {
        return new PolygonDistance(xy);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("polygon");
        for (int v = 0; v < vertexCount(); v++) {
            sb.append(v == 0 ? " " : " - ").append('(').append(Checks.number(xy[2 * v])).append(", ")
                    .append(Checks.number(xy[2 * v + 1])).append(')');
        }
        return sb.toString();
    }
}
