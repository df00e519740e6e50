package org.kanpde.solver.inverse;

import java.util.Arrays;
import java.util.Random;

import org.kanpde.solver.geometry.Domain;
import org.kanpde.solver.problem.Field;

/**
 * Measurements of u: points (flat, n x d) and the observed values there. Immutable; arrays are
 * copied in and out.
 */
public final class Observations {
    private final int dimension;
    private final double[] points;
    private final double[] values;
    private final double noise;

    /**
     * @param dimension d
     * @param points    flat coordinates, n x d (copied)
     * @param values    the observed u, length n (copied)
     * @throws IllegalArgumentException if the lengths do not fit, there are no observations, or a
     *                                  coordinate or value is not finite (naming the observation)
     */
    public Observations(int dimension, double[] points, double[] values) {
        if (dimension < 1 || points.length != (long) values.length * dimension) {
            throw new IllegalArgumentException("observations need " + values.length + " x " + dimension
                    + " coordinates, got " + points.length);
        }
        if (values.length == 0) {
            throw new IllegalArgumentException("observations are empty");
        }
        for (int i = 0; i < values.length; i++) {
            for (int k = 0; k < dimension; k++) {
                if (!Double.isFinite(points[i * dimension + k])) {
                    throw new IllegalArgumentException("observation " + (i + 1) + " has a non-finite coordinate "
                            + points[i * dimension + k]);
                }
            }
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("observation " + (i + 1) + " at " + pointText(points, i, dimension)
                        + " has a non-finite value " + values[i]);
            }
        }
        this.dimension = dimension;
        this.points = points.clone();
        this.values = values.clone();
        this.noise = Double.NaN;
    }

    private Observations(Observations o, double noise) {
        this.dimension = o.dimension;
        this.points = o.points;
        this.values = o.values;
        this.noise = noise;
    }

    /**
     * A copy that states the standard deviation of the observations' noise, when the measuring
     * process knows it. The inverse solver then selects its model against this sigma instead of
     * estimating it (see {@link Discrepancy}).
     *
     * @throws IllegalArgumentException if sigma is negative or not finite
     */
    public Observations withNoise(double sigma) {
        if (!(sigma >= 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("noise level must be finite and >= 0, got " + sigma);
        }
        return new Observations(this, sigma);
    }

    /** The stated noise standard deviation, or NaN if it is not known. */
    public double noise() {
        return noise;
    }

    /**
     * Values of {@code u} at {@code points} plus independent Gaussian noise of standard deviation
     * {@code sigma}, drawn from {@code java.util.Random(seed)} in point order (reproducible).
     *
     * @throws IllegalArgumentException if sigma is negative or not finite
     */
    public static Observations measure(Field u, int dimension, double[] points, double sigma, long seed) {
        if (!(sigma >= 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("noise level must be finite and >= 0, got " + sigma);
        }
        int n = points.length / dimension;
        double[] v = new double[n];
        Random random = new Random(seed);
        double[] z = new double[dimension];
        for (int i = 0; i < n; i++) {
            System.arraycopy(points, i * dimension, z, 0, dimension);
            v[i] = u.value(z) + (sigma > 0 ? sigma * random.nextGaussian() : 0);
        }
        return new Observations(dimension, points, v);
    }

    /** The points of an m^d tensor grid with m points per direction over [lower, upper], first coordinate slowest. */
    public static double[] grid(double[] lower, double[] upper, int m) {
        int d = lower.length;
        if (m < 2) {
            throw new IllegalArgumentException("an observation grid needs >= 2 points per direction, got " + m);
        }
        int n = (int) Math.pow(m, d);
        double[] p = new double[n * d];
        for (int i = 0; i < n; i++) {
            int rest = i;
            for (int k = d - 1; k >= 0; k--) {
                int j = rest % m;
                rest /= m;
                p[i * d + k] = lower[k] + (upper[k] - lower[k]) * j / (m - 1);
            }
        }
        return p;
    }

    /**
     * Checks that every point lies in the domain (its closure, within the domain's tolerance).
     *
     * @throws IllegalArgumentException naming the first observation outside
     */
    public void checkInside(Domain domain) {
        if (domain.dimension() != dimension) {
            throw new IllegalArgumentException("observations are " + dimension + "-D, the domain is " + domain.dimension() + "-D");
        }
        double[] z = new double[dimension];
        for (int i = 0; i < size(); i++) {
            System.arraycopy(points, i * dimension, z, 0, dimension);
            if (!domain.contains(z)) {
                throw new IllegalArgumentException("observation " + (i + 1) + " at " + pointText(points, i, dimension)
                        + " lies outside the domain");
            }
        }
    }

    /** d. */
    public int dimension() {
        return dimension;
    }

    /** Number of observations. */
    public int size() {
        return values.length;
    }

    /** A copy of the points (flat, n x d). */
    public double[] points() {
        return points.clone();
    }

    /** A copy of the observed values. */
    public double[] values() {
        return values.clone();
    }

    /** Coordinate k of observation i. */
    public double coordinate(int i, int k) {
        return points[i * dimension + k];
    }

    /** Observed value i. */
    public double value(int i) {
        return values[i];
    }

    private static String pointText(double[] p, int i, int d) {
        return Arrays.toString(Arrays.copyOfRange(p, i * d, (i + 1) * d)).replace('[', '(').replace(']', ')');
    }

    @Override
    public String toString() {
        return size() + " observations in " + dimension + "-D" + (Double.isNaN(noise) ? "" : ", noise sigma " + noise);
    }
}
