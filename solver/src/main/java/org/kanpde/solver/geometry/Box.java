package org.kanpde.solver.geometry;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

import org.kanpde.solver.quadrature.QuadratureRule;
import org.kanpde.solver.quadrature.TensorGaussLegendre;

/**
 * An axis-aligned box {@code [a_0, b_0] x ... x [a_{d-1}, b_{d-1}]} in 1 to {@link #MAX_DIMENSION}
 * dimensions.
 *
 * <p>Boundary parts, in order: {@code "xmin", "xmax", "ymin", "ymax", "zmin", "zmax"} (as many as
 * {@code 2d}) up to 3-D, and {@code "x1min", "x1max", ..., "xdmin", "xdmax"} above; part
 * {@code 2k} is the face {@code z_k = a_k} with normal {@code -e_k}, part {@code 2k + 1} the face
 * {@code z_k = b_k} with normal {@code +e_k}. Immutable.
 */
public final class Box implements Domain {

    /**
     * Largest ratio of the longest to the shortest side (exclusive). Interior points must be
     * farther than {@link #tolerance()} ({@link Domain#RELATIVE_TOLERANCE} times the longest side)
     * from every face, so at this ratio the tolerance band takes a fifth of the shortest side, and
     * above about 5e9 no point at all is strictly inside: sampling would never end.
     */
    public static final double MAX_ASPECT_RATIO = 1e9;

    /** Largest dimension of a box. */
    public static final int MAX_DIMENSION = 10;

    /**
     * Most nodes of the tensor quadrature rule above 3-D; a larger rule is replaced by a shifted
     * Sobol rule of this many points with equal weights (see {@link #quadrature(int, int)}).
     */
    public static final int MAX_TENSOR_NODES = 1 << 16;

    private final double[] lower;
    private final double[] upper;
    private final double tolerance;

    /**
     * Creates the box with the given corners (copied).
     *
     * @param lower lower corner {@code a}, length 1 to {@link #MAX_DIMENSION}, finite
     * @param upper upper corner {@code b}, same length, finite, {@code a_k < b_k} on every axis
     * @throws IllegalArgumentException if the lengths differ or are not 1..3, a value is not finite
     *                                  (NaN included), {@code a_k >= b_k} or {@code b_k - a_k} overflows on
     *                                  some axis, or the box is
     *                                  too thin: its largest side is {@link #MAX_ASPECT_RATIO} or more
     *                                  times its smallest
     */
    public Box(double[] lower, double[] upper) {
        if (lower.length < 1 || lower.length > MAX_DIMENSION) {
            throw new IllegalArgumentException("box dimension must be 1 to " + MAX_DIMENSION + ", got " + lower.length);
        }
        if (upper.length != lower.length) {
            throw new IllegalArgumentException("upper corner has length " + upper.length + ", expected "
                    + lower.length + " like the lower corner");
        }
        double largest = 0;
        for (int k = 0; k < lower.length; k++) {
            Checks.requireFinite(lower[k], "lower[" + k + "]");
            Checks.requireFinite(upper[k], "upper[" + k + "]");
            if (!(lower[k] < upper[k])) {
                throw new IllegalArgumentException("box needs min < max on axis " + k + ", got min "
                        + lower[k] + " >= max " + upper[k]);
            }
            if (!Double.isFinite(upper[k] - lower[k])) {
                throw new IllegalArgumentException("box side on axis " + k + " overflows: max " + upper[k] + " - min "
                        + lower[k] + " is not a finite number");
            }
            largest = Math.max(largest, upper[k] - lower[k]);
        }
        for (int k = 0; k < lower.length; k++) {
            double side = upper[k] - lower[k];
            if (!(side * MAX_ASPECT_RATIO > largest)) {
                throw new IllegalArgumentException("box is too thin: side " + side + " on axis " + k
                        + " is not more than 1e-9 times the largest side " + largest + ", so almost no point is farther than"
                        + " the boundary tolerance " + RELATIVE_TOLERANCE * largest + " from its faces; the sides may differ"
                        + " by a factor below 1e9");
            }
        }
        this.lower = lower.clone();
        this.upper = upper.clone();
        this.tolerance = RELATIVE_TOLERANCE * largest;
    }

    /**
     * @param a left end
     * @param b right end, {@code a < b}
     * @return the interval [a, b]
     * @throws IllegalArgumentException as {@link #Box(double[], double[])}
     */
    public static Box interval(double a, double b) {
        return new Box(new double[] {a}, new double[] {b});
    }

    /**
     * @param dimension 1 to {@link #MAX_DIMENSION}
     * @param min       lower end on every axis
     * @param max       upper end on every axis, {@code min < max}
     * @return the cube {@code [min, max]^dimension}
     * @throws IllegalArgumentException as {@link #Box(double[], double[])}
     */
    public static Box cube(int dimension, double min, double max) {
        if (dimension < 1 || dimension > MAX_DIMENSION) {
            throw new IllegalArgumentException("box dimension must be 1 to " + MAX_DIMENSION + ", got " + dimension);
        }
        double[] a = new double[dimension];
        double[] b = new double[dimension];
        Arrays.fill(a, min);
        Arrays.fill(b, max);
        return new Box(a, b);
    }

    @Override
    public int dimension() {
        return lower.length;
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
        Checks.requirePoint(z, lower.length);
        for (int k = 0; k < lower.length; k++) {
            if (!(z[k] >= lower[k] - tolerance && z[k] <= upper[k] + tolerance)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean containsInterior(double[] z) {
        Checks.requirePoint(z, lower.length);
        for (int k = 0; k < lower.length; k++) {
            if (!(z[k] > lower[k] + tolerance && z[k] < upper[k] - tolerance)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public double measure() {
        double v = 1;
        for (int k = 0; k < lower.length; k++) {
            v *= upper[k] - lower[k];
        }
        return v;
    }

    @Override
    public int boundaryPartCount() {
        return 2 * lower.length;
    }

    @Override
    public String boundaryPartName(int part) {
        Checks.requirePart(part, boundaryPartCount());
        String axis = lower.length <= 3 ? String.valueOf("xyz".charAt(part / 2)) : "x" + (part / 2 + 1);
        return axis + (part % 2 == 0 ? "min" : "max");
    }

    @Override
    public double boundaryPartMeasure(int part) {
        Checks.requirePart(part, boundaryPartCount());
        double m = 1;
        for (int k = 0; k < lower.length; k++) {
            if (k != part / 2) {
                m *= upper[k] - lower[k];
            }
        }
        return m;
    }

    @Override
    public PointSet sampleInterior(int n, SamplingScheme scheme, long seed) {
        return InteriorSampling.sample(this, true, n, scheme, seed);
    }

    /**
     * {@inheritDoc}
     *
     * <p>In one dimension the boundary is the two end points, and the sample is always exactly those
     * two: {@code a} (part "xmin", normal -1) and {@code b} (part "xmax", normal +1), whatever n (still
     * validated), scheme and seed. Repeating them would only reweight a mean over boundary points.
     */
    @Override
    public BoundarySample sampleBoundary(int n, SamplingScheme scheme, long seed) {
        Checks.requireCount(n);
        Objects.requireNonNull(scheme, "scheme");
        switch (lower.length) {
            case 1:
                return BoundarySample.wrap(1, new double[] {lower[0], upper[0]}, new double[] {-1, 1},
                        new int[] {0, 1}, 2);
            case 2:
                return sampleEdges(n, scheme, seed);
            case 3:
                return sampleFaces(n, scheme, seed);
            default:
                return sampleHyperfaces(n, scheme, seed);
        }
    }

    /**
     * Faces of a box above 3-D: on each, the tensor schemes use the m^(d-1) grid of their boundary
     * nodes with the largest m such that m^(d-1) does not exceed the face's share (so the total can
     * fall short of n), SOBOL a (d-1)-dimensional shifted Sobol sequence, RANDOM uniform points.
     */
    private BoundarySample sampleHyperfaces(int n, SamplingScheme scheme, long seed) {
        int d = lower.length;
        int faces = 2 * d;
        double[] measures = new double[faces];
        for (int p = 0; p < faces; p++) {
            measures[p] = boundaryPartMeasure(p);
        }
        int[] counts = BoundarySampling.allocate(n, measures);
        SplittableRandom random = new SplittableRandom(seed);
        double[][] parameters = new double[faces][];
        int total = 0;
        for (int p = 0; p < faces; p++) {
            parameters[p] = hyperfaceParameters(scheme, counts[p], d - 1, random);
            total += parameters[p].length / (d - 1);
        }
        double[] points = new double[d * total];
        double[] normals = new double[d * total];
        int[] parts = new int[total];
        int i = 0;
        for (int p = 0; p < faces; p++) {
            int k = p / 2;
            double[] u = parameters[p];
            for (int j = 0; j < u.length / (d - 1); j++, i++) {
                for (int axis = 0, l = 0; axis < d; axis++) {
                    if (axis == k) {
                        points[d * i + axis] = p % 2 == 0 ? lower[k] : upper[k];
                    } else {
                        points[d * i + axis] = lower[axis] + u[(d - 1) * j + l++] * (upper[axis] - lower[axis]);
                    }
                }
                normals[d * i + k] = p % 2 == 0 ? -1 : 1;
                parts[i] = p;
            }
        }
        return BoundarySample.wrap(d, points, normals, parts, faces);
    }

    private static double[] hyperfaceParameters(SamplingScheme scheme, int count, int e, SplittableRandom random) {
        if (count == 0) {
            return new double[0];
        }
        if (scheme.isTensor()) {
            int m = Nodes.largestRoot(count, e);
            double[] t = Nodes.boundary(scheme, m);
            int size = (int) Nodes.power(m, e);
            double[] u = new double[size * e];
            int[] digit = new int[e];
            for (int j = 0; j < size; j++) {
                for (int l = 0; l < e; l++) {
                    u[e * j + l] = t[digit[l]];
                }
                for (int l = e - 1; l >= 0; l--) {
                    if (++digit[l] < m) {
                        break;
                    }
                    digit[l] = 0;
                }
            }
            return u;
        }
        double[] u = new double[count * e];
        if (scheme == SamplingScheme.SOBOL) {
            ShiftedSobol sobol = new ShiftedSobol(e, random);
            double[] v = new double[e];
            for (int j = 0; j < count; j++) {
                sobol.next(v);
                System.arraycopy(v, 0, u, e * j, e);
            }
        } else {
            for (int j = 0; j < u.length; j++) {
                u[j] = BoundarySampling.openUniform(random);
            }
        }
        return u;
    }

    private BoundarySample sampleEdges(int n, SamplingScheme scheme, long seed) {
        double a0 = lower[0], a1 = lower[1], b0 = upper[0], b1 = upper[1];
        double[] segments = {
            a0, a1, a0, b1,
            b0, a1, b0, b1,
            a0, a1, b0, a1,
            a0, b1, b0, b1,
        };
        double[] normals = {-1, 0, 1, 0, 0, -1, 0, 1};
        return BoundarySampling.segments(segments, normals, n, scheme, seed);
    }

    private BoundarySample sampleFaces(int n, SamplingScheme scheme, long seed) {
        double[] measures = new double[6];
        for (int p = 0; p < 6; p++) {
            measures[p] = boundaryPartMeasure(p);
        }
        int[] counts = BoundarySampling.allocate(n, measures);
        SplittableRandom random = new SplittableRandom(seed);
        double[][] faceParameters = new double[6][];
        int total = 0;
        for (int p = 0; p < 6; p++) {
            int k = p / 2;
            int k1 = k == 0 ? 1 : 0;
            int k2 = k == 2 ? 1 : 2;
            faceParameters[p] = faceParameters(scheme, counts[p], upper[k1] - lower[k1], upper[k2] - lower[k2], random);
            total += faceParameters[p].length / 2;
        }
        double[] xyz = new double[3 * total];
        double[] normals = new double[3 * total];
        int[] parts = new int[total];
        int i = 0;
        for (int p = 0; p < 6; p++) {
            int k = p / 2;
            int k1 = k == 0 ? 1 : 0;
            int k2 = k == 2 ? 1 : 2;
            double fixed = p % 2 == 0 ? lower[k] : upper[k];
            double[] st = faceParameters[p];
            for (int j = 0; j < st.length / 2; j++, i++) {
                xyz[3 * i + k] = fixed;
                xyz[3 * i + k1] = lower[k1] + st[2 * j] * (upper[k1] - lower[k1]);
                xyz[3 * i + k2] = lower[k2] + st[2 * j + 1] * (upper[k2] - lower[k2]);
                normals[3 * i + k] = p % 2 == 0 ? -1 : 1;
                parts[i] = p;
            }
        }
        return BoundarySample.wrap(3, xyz, normals, parts, 6);
    }

    /**
     * Parameters (s, t) in (0, 1)^2 on a face with sides l1, l2. Tensor schemes use an m1 x m2 grid
     * with m1 * m2 <= count and m1 / m2 close to l1 / l2, so that the spacing is nearly equal.
     */
    private static double[] faceParameters(SamplingScheme scheme, int count, double l1, double l2,
                                           SplittableRandom random) {
        if (count == 0) {
            return new double[0];
        }
        if (scheme.isTensor()) {
            int m1 = (int) Math.max(1, Math.min(count, Math.floor(Math.sqrt(count * l1 / l2))));
            int m2 = Math.max(1, count / m1);
            double[] s = Nodes.boundary(scheme, m1);
            double[] t = Nodes.boundary(scheme, m2);
            double[] st = new double[2 * m1 * m2];
            for (int i = 0, j = 0; i < m1; i++) {
                for (int l = 0; l < m2; l++, j++) {
                    st[2 * j] = s[i];
                    st[2 * j + 1] = t[l];
                }
            }
            return st;
        }
        return BoundarySampling.unitSquare(scheme, count, random);
    }

    /**
     * {@inheritDoc}
     *
     * <p>A composite tensor Gauss-Legendre rule ({@link TensorGaussLegendre}): every axis is split
     * into {@code subdivisions} equal pieces with {@code pointsPerDirection} nodes each, giving
     * {@code (pointsPerDirection * subdivisions)^d} nodes, exact for polynomials of degree at most
     * {@code 2 * pointsPerDirection - 1} in each variable.
     */
    @Override
    public QuadratureRule quadrature(int pointsPerDirection, int subdivisions) {
        if (lower.length > 3) {
            if (pointsPerDirection < 1) {
                throw new IllegalArgumentException("pointsPerDirection must be >= 1, got " + pointsPerDirection);
            }
            if (subdivisions < 1) {
                throw new IllegalArgumentException("subdivisions must be >= 1, got " + subdivisions);
            }
            double nodes = Math.pow((double) pointsPerDirection * subdivisions, lower.length);
            if (nodes > MAX_TENSOR_NODES) {
                return sobolRule();
            }
        }
        return TensorGaussLegendre.box(lower, upper, pointsPerDirection, subdivisions);
    }

    /** {@link #MAX_TENSOR_NODES} shifted Sobol points (seed 0) with equal weights. */
    private QuadratureRule sobolRule() {
        int d = lower.length;
        ShiftedSobol sobol = new ShiftedSobol(d, new SplittableRandom(0));
        double[] u = new double[d];
        double[] points = new double[MAX_TENSOR_NODES * d];
        double[] weights = new double[MAX_TENSOR_NODES];
        java.util.Arrays.fill(weights, measure() / MAX_TENSOR_NODES);
        for (int i = 0; i < MAX_TENSOR_NODES; i++) {
            sobol.next(u);
            for (int k = 0; k < d; k++) {
                points[i * d + k] = lower[k] + u[k] * (upper[k] - lower[k]);
            }
        }
        return new QuadratureRule(d, points, weights);
    }

    /**
     * {@inheritDoc}
     *
     * <p>For a box: {@code D(z) = prod_k (z_k - a_k)(b_k - z_k) / h_k^2} with {@code h_k} the half
     * side, equal to 1 at the centre; a polynomial, hence smooth everywhere including edges and
     * corners.
     */
    @Override
    public DistanceFunction distance() {
        return new BoxDistance(lower, upper);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("box ");
        for (int k = 0; k < lower.length; k++) {
            sb.append(k == 0 ? "" : " x ").append('[').append(Checks.number(lower[k])).append(", ")
                    .append(Checks.number(upper[k])).append(']');
        }
        return sb.toString();
    }
}
