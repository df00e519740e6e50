package org.kanpde.solver.geometry;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.kanpde.solver.quadrature.QuadratureRule;

/**
 * Constructive solid geometry: the difference, union or intersection of domains in 2-D or 3-D,
 * nestable (an operand may itself be a CSG domain).
 *
 * <p><b>Boundary parts.</b> The boundary consists of the operands' parts where they lie on the
 * result's boundary. A part P of an operand named N ({@link NamedDomain}) is called {@code N.P}, of an
 * unnamed operand just P; a part of which less than a thousandth lies on the result's boundary (one
 * that only touches it) is left out, and two
 * parts with one name are refused with a message that asks for names. Parts are ordered by operand,
 * then by the operand's own order. The outward normal of a hole's part points into the hole. A part's
 * measure is that of the operand's part times the fraction of {@link #PROBES_PER_PART} grid points on
 * it that lie on the result's boundary (exact when the whole part does).
 *
 * <p><b>Membership.</b> {@code A \ B}: in A and not in the interior of any hole; its interior: in
 * the interior of A and outside every closed hole. Unions and intersections likewise. A point is on
 * the result's boundary, with outward normal n, when {@code z - h n} is strictly inside and
 * {@code z + h n} is outside for {@code h = 1e-8} times the largest side of the bounding box.
 *
 * <p><b>Measure and quadrature.</b> Exact when the structure proves it (holes whose bounding boxes
 * lie inside the base and do not overlap each other; union operands with disjoint bounding boxes);
 * otherwise computed on cut cells ({@link CutCells}), which is accurate to about 1e-6 of the bounding
 * box in 2-D and 1e-4 in 3-D. The error quadrature is a tensor Gauss-Legendre rule on the
 * cells that lie inside, with the cut cells refined and their nodes filtered to the interior: its
 * weights sum to the measure only approximately (to about the cut cells' share of it).
 *
 * <p><b>Distance function.</b> R-functions of the operands' signed functions
 * ({@link RFunctionDistance}, {@link SignedDistances}): zero exactly on the boundary, positive inside,
 * smooth except where two operands' boundaries meet and at an operand's own corners (a box's corner
 * or edge, a polygon's vertex) that lie inside the result. Hard Dirichlet conditions on such a
 * domain therefore see unbounded second derivatives near those points.
 *
 * <p>A result that is empty or nearly so (measure under {@link #MIN_FILL} of its bounding box) is
 * refused. Immutable.
 */
public final class CsgDomain implements Domain {

    /** The three operations. */
    public enum Operation {
        /** The first operand minus the union of the others (the holes). */
        DIFFERENCE,
        /** The union of all operands. */
        UNION,
        /** The intersection of all operands. */
        INTERSECTION;

        String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Smallest accepted ratio of the measure to the bounding box's: below it interior sampling would
     * exhaust its candidate budget, so such a domain is refused at construction.
     */
    public static final double MIN_FILL = 2e-4;

    /** Grid points per operand part that decide which share of the part lies on the boundary. */
    public static final int PROBES_PER_PART = 4096;

    private final Operation operation;
    private final List<Domain> operands;
    private final int dimension;
    private final double[] lower;
    private final double[] upper;
    private final double tolerance;
    private final double probe;
    private final double measure;
    private final CsgBoundary boundary;
    private final DistanceFunction distance;

    private CsgDomain(Operation operation, List<Domain> operands) {
        this.operation = operation;
        this.operands = List.copyOf(operands);
        this.dimension = checkDimensions(operation, this.operands);
        double[][] box = boundingBox(operation, this.operands);
        this.lower = box[0];
        this.upper = box[1];
        double largest = 0;
        double boxMeasure = 1;
        for (int k = 0; k < dimension; k++) {
            largest = Math.max(largest, upper[k] - lower[k]);
            boxMeasure *= upper[k] - lower[k];
        }
        this.tolerance = RELATIVE_TOLERANCE * largest;
        this.probe = 1e-8 * largest;
        double exact = exactMeasure();
        this.measure = Double.isNaN(exact) ? CutCells.measure(this) : exact;
        if (!(measure >= MIN_FILL * boxMeasure)) {
            throw new IllegalArgumentException("the " + operation.id() + " is empty or nearly so: its measure "
                    + Checks.number(measure) + " is under " + MIN_FILL + " of its bounding box's " + Checks.number(boxMeasure)
                    + (operation == Operation.DIFFERENCE ? " (do the holes cover it?)" : "")
                    + "; operands: " + describeOperands());
        }
        this.boundary = new CsgBoundary(this);
        DistanceFunction[] signed = new DistanceFunction[this.operands.size()];
        double[] signs = new double[signed.length];
        for (int i = 0; i < signed.length; i++) {
            signed[i] = SignedDistances.of(this.operands.get(i));
            signs[i] = isHole(i) ? -1 : 1;
        }
        this.distance = new RFunctionDistance(signed, signs, operation == Operation.UNION);
    }

    /**
     * @param of    the domain to cut holes into
     * @param minus the holes, at least one, of the same dimension
     * @return {@code of} minus the union of the holes
     * @throws IllegalArgumentException if there is no hole, the dimensions are not all 2 or all 3,
     *                                  two boundary parts get one name, or the result is (nearly) empty
     */
    public static CsgDomain difference(Domain of, List<? extends Domain> minus) {
        Objects.requireNonNull(of, "of");
        if (minus.isEmpty()) {
            throw new IllegalArgumentException("a difference needs at least one domain to subtract, got none");
        }
        List<Domain> all = new ArrayList<>();
        all.add(of);
        all.addAll(minus);
        return new CsgDomain(Operation.DIFFERENCE, all);
    }

    /** @see #difference(Domain, List) */
    public static CsgDomain difference(Domain of, Domain... minus) {
        return difference(of, List.of(minus));
    }

    /**
     * @param of at least two domains of the same dimension (2 or 3)
     * @return their union
     * @throws IllegalArgumentException if there are fewer than two, the dimensions differ or are not
     *                                  2 or 3, or two boundary parts get one name
     */
    public static CsgDomain union(List<? extends Domain> of) {
        return new CsgDomain(Operation.UNION, requireTwo(of, Operation.UNION));
    }

    /** @see #union(List) */
    public static CsgDomain union(Domain... of) {
        return union(List.of(of));
    }

    /**
     * @param of at least two domains of the same dimension (2 or 3)
     * @return their intersection
     * @throws IllegalArgumentException if there are fewer than two, the dimensions differ or are not
     *                                  2 or 3, two boundary parts get one name, or the intersection
     *                                  is (nearly) empty
     */
    public static CsgDomain intersection(List<? extends Domain> of) {
        return new CsgDomain(Operation.INTERSECTION, requireTwo(of, Operation.INTERSECTION));
    }

    /** @see #intersection(List) */
    public static CsgDomain intersection(Domain... of) {
        return intersection(List.of(of));
    }

    private static List<Domain> requireTwo(List<? extends Domain> of, Operation operation) {
        if (of.size() < 2) {
            throw new IllegalArgumentException("a " + operation.id() + " needs at least two domains, got " + of.size());
        }
        return new ArrayList<>(of);
    }

    private static int checkDimensions(Operation operation, List<Domain> operands) {
        for (Domain operand : operands) {
            Objects.requireNonNull(operand, "operand");
        }
        int d = operands.get(0).dimension();
        for (int i = 1; i < operands.size(); i++) {
            int di = operands.get(i).dimension();
            if (di != d) {
                throw new IllegalArgumentException("operand " + i + " of the " + operation.id() + " (" + operands.get(i)
                        + ") is " + di + "-D, but operand 0 (" + operands.get(0) + ") is " + d + "-D");
            }
        }
        if (d < 2 || d > 3) {
            throw new IllegalArgumentException("a " + operation.id() + " needs 2-D or 3-D operands, got " + d + "-D");
        }
        return d;
    }

    private static double[][] boundingBox(Operation operation, List<Domain> operands) {
        double[] lo = operands.get(0).lower();
        double[] hi = operands.get(0).upper();
        if (operation == Operation.DIFFERENCE) {
            return new double[][] {lo, hi};
        }
        for (int i = 1; i < operands.size(); i++) {
            double[] a = operands.get(i).lower();
            double[] b = operands.get(i).upper();
            for (int k = 0; k < lo.length; k++) {
                if (operation == Operation.UNION) {
                    lo[k] = Math.min(lo[k], a[k]);
                    hi[k] = Math.max(hi[k], b[k]);
                } else {
                    lo[k] = Math.max(lo[k], a[k]);
                    hi[k] = Math.min(hi[k], b[k]);
                }
            }
        }
        for (int k = 0; k < lo.length; k++) {
            if (!(lo[k] < hi[k])) {
                throw new IllegalArgumentException("the intersection is empty: the operands' bounding boxes do not overlap on"
                        + " axis " + k + "; operands: " + describe(operands));
            }
        }
        return new double[][] {lo, hi};
    }

    /** The measure when the structure proves it, else NaN. */
    private double exactMeasure() {
        List<Domain> checked = operation == Operation.DIFFERENCE ? operands.subList(1, operands.size()) : operands;
        if (operation == Operation.INTERSECTION || !disjointBoxes(checked)) {
            return Double.NaN;
        }
        if (operation == Operation.UNION) {
            double sum = 0;
            for (Domain operand : operands) {
                sum += operand.measure();
            }
            return sum;
        }
        Domain base = operands.get(0);
        double m = base.measure();
        for (Domain hole : checked) {
            if (Cells.classify(base, hole.lower(), hole.upper()) != Region.INSIDE) {
                return Double.NaN;
            }
            m -= hole.measure();
        }
        return m;
    }

    private static boolean disjointBoxes(List<Domain> domains) {
        for (int i = 0; i < domains.size(); i++) {
            for (int j = i + 1; j < domains.size(); j++) {
                double[] a = domains.get(i).lower(), b = domains.get(i).upper();
                double[] c = domains.get(j).lower(), e = domains.get(j).upper();
                boolean apart = false;
                for (int k = 0; k < a.length; k++) {
                    apart |= b[k] <= c[k] || e[k] <= a[k];
                }
                if (!apart) {
                    return false;
                }
            }
        }
        return true;
    }

    /** @return the operation */
    public Operation operation() {
        return operation;
    }

    /** @return the operands in order (for a difference: the base, then the holes) */
    public List<Domain> operands() {
        return operands;
    }

    /** True if operand i is a hole (subtracted), whose normals are reversed. */
    boolean isHole(int i) {
        return operation == Operation.DIFFERENCE && i > 0;
    }

    /** The offset of the boundary test, see the class comment. */
    double probe() {
        return probe;
    }

    /** Conservative classification of a cell, from the operands'. */
    Region classify(double[] lo, double[] hi) {
        switch (operation) {
            case DIFFERENCE: {
                Region base = Cells.classify(operands.get(0), lo, hi);
                if (base == Region.OUTSIDE) {
                    return Region.OUTSIDE;
                }
                boolean clear = true;
                for (int i = 1; i < operands.size(); i++) {
                    Region hole = Cells.classify(operands.get(i), lo, hi);
                    if (hole == Region.INSIDE) {
                        return Region.OUTSIDE;
                    }
                    clear &= hole == Region.OUTSIDE;
                }
                return clear && base == Region.INSIDE ? Region.INSIDE : Region.MIXED;
            }
            case UNION: {
                boolean outside = true;
                for (Domain operand : operands) {
                    Region r = Cells.classify(operand, lo, hi);
                    if (r == Region.INSIDE) {
                        return Region.INSIDE;
                    }
                    outside &= r == Region.OUTSIDE;
                }
                return outside ? Region.OUTSIDE : Region.MIXED;
            }
            default: {
                boolean inside = true;
                for (Domain operand : operands) {
                    Region r = Cells.classify(operand, lo, hi);
                    if (r == Region.OUTSIDE) {
                        return Region.OUTSIDE;
                    }
                    inside &= r == Region.INSIDE;
                }
                return inside ? Region.INSIDE : Region.MIXED;
            }
        }
    }

    @Override
    public int dimension() {
        return dimension;
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
        Checks.requirePoint(z, dimension);
        switch (operation) {
            case DIFFERENCE:
                if (!operands.get(0).contains(z)) {
                    return false;
                }
                for (int i = 1; i < operands.size(); i++) {
                    if (operands.get(i).containsInterior(z)) {
                        return false;
                    }
                }
                return true;
            case UNION:
                for (Domain operand : operands) {
                    if (operand.contains(z)) {
                        return true;
                    }
                }
                return false;
            default:
                for (Domain operand : operands) {
                    if (!operand.contains(z)) {
                        return false;
                    }
                }
                return true;
        }
    }

    @Override
    public boolean containsInterior(double[] z) {
        Checks.requirePoint(z, dimension);
        switch (operation) {
            case DIFFERENCE:
                if (!operands.get(0).containsInterior(z)) {
                    return false;
                }
                for (int i = 1; i < operands.size(); i++) {
                    if (operands.get(i).contains(z)) {
                        return false;
                    }
                }
                return true;
            case UNION:
                for (Domain operand : operands) {
                    if (operand.containsInterior(z)) {
                        return true;
                    }
                }
                return false;
            default:
                for (Domain operand : operands) {
                    if (!operand.containsInterior(z)) {
                        return false;
                    }
                }
                return true;
        }
    }

    @Override
    public double measure() {
        return measure;
    }

    @Override
    public int boundaryPartCount() {
        return boundary.partCount();
    }

    @Override
    public String boundaryPartName(int part) {
        Checks.requirePart(part, boundary.partCount());
        return boundary.name(part);
    }

    @Override
    public double boundaryPartMeasure(int part) {
        Checks.requirePart(part, boundary.partCount());
        return boundary.measure(part);
    }

    @Override
    public PointSet sampleInterior(int n, SamplingScheme scheme, long seed) {
        return InteriorSampling.sample(this, false, n, scheme, seed);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Each part's points are drawn from its operand's own sampling (the same scheme, oversampled
     * and filtered to the result's boundary; tensor schemes then keep an evenly spaced subset), so
     * every scheme returns exactly its share of n on every part.
     */
    @Override
    public BoundarySample sampleBoundary(int n, SamplingScheme scheme, long seed) {
        Checks.requireCount(n);
        Objects.requireNonNull(scheme, "scheme");
        return boundary.sample(n, scheme, seed);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The bounding box is split into {@code subdivisions} cells per axis; cells inside get the tensor
     * Gauss-Legendre rule with {@code pointsPerDirection} nodes per axis, cells that may meet the
     * boundary are halved twice (2-D) or once (3-D) and their Gauss nodes filtered to the interior.
     * Exact for polynomials of degree {@code 2p - 1} on the inside cells; first order at the cut cells.
     */
    @Override
    public QuadratureRule quadrature(int pointsPerDirection, int subdivisions) {
        if (pointsPerDirection < 1) {
            throw new IllegalArgumentException("pointsPerDirection must be >= 1, got " + pointsPerDirection);
        }
        if (subdivisions < 1) {
            throw new IllegalArgumentException("subdivisions must be >= 1, got " + subdivisions);
        }
        return CutCells.quadrature(this, pointsPerDirection, subdivisions);
    }

    @Override
    public DistanceFunction distance() {
        return distance;
    }

    private String describeOperands() {
        return describe(operands);
    }

    private static String describe(List<Domain> operands) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < operands.size(); i++) {
            s.append(i == 0 ? "" : ", ").append('(').append(operands.get(i)).append(')');
        }
        return s.toString();
    }

    @Override
    public String toString() {
        if (operation == Operation.DIFFERENCE) {
            return "difference of (" + operands.get(0) + ") minus " + describe(operands.subList(1, operands.size()));
        }
        return operation.id() + " of " + describeOperands();
    }
}
