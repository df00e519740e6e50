package org.kanpde.net;

/**
 * The value of a scalar trial function u at one point together with its derivatives with respect
 * to the input: u, grad u and the second derivatives selected by a {@link Derivatives} level.
 *
 * <p>A jet is owned and overwritten by the {@link Evaluator} that produced it; copy what must
 * survive the next evaluation.
 */
public final class Jet {
    private final int dimension;
    private final Derivatives level;
    private final SecondPairs pairs;
    double value;
    final double[] gradient;
    final double[] second;

    /**
     * Creates an empty jet.
     *
     * @param dimension input dimension d &gt;= 1
     * @param level     derivatives carried
     */
    public Jet(int dimension, Derivatives level) {
        if (dimension < 1) {
            throw new IllegalArgumentException("input dimension must be >= 1, got " + dimension);
        }
        this.dimension = dimension;
        this.level = level;
        this.pairs = SecondPairs.of(level, dimension);
        this.gradient = new double[level.order() >= 1 ? dimension : 0];
        this.second = new double[pairs.count()];
    }

    /** Input dimension d. */
    public int dimension() {
        return dimension;
    }

    /** Derivatives carried. */
    public Derivatives level() {
        return level;
    }

    /** The second-derivative pairs in storage order. */
    public SecondPairs pairs() {
        return pairs;
    }

    /** u. */
    public double value() {
        return value;
    }

    /** du/dz_k (requires at least {@link Derivatives#GRADIENT}). */
    public double gradient(int k) {
        return gradient[k];
    }

    /** d2u/dz_k^2 (requires a second-order level). */
    public double secondDiagonal(int k) {
        if (level == Derivatives.HESSIAN_DIAGONAL) {
            return second[k];
        }
        return second[pairs.indexOf(k, k)];
    }

    /** d2u/dz_k dz_l (requires {@link Derivatives#HESSIAN}, or k == l with the diagonal). */
    public double hessian(int k, int l) {
        int p = pairs.indexOf(k, l);
        if (p < 0) {
            throw new IllegalStateException("second derivative (" + k + ", " + l + ") not carried at level " + level);
        }
        return second[p];
    }

    /** Second derivative number p in {@link #pairs()} order. */
    public double second(int p) {
        return second[p];
    }

    /** The Laplacian sum_k d2u/dz_k^2 (requires a second-order level). */
    public double laplacian() {
        double sum = 0;
        for (int k = 0; k < dimension; k++) {
            sum += secondDiagonal(k);
        }
        return sum;
    }

    /**
     * Sets the contents; for trial functions implemented outside this package.
     *
     * @param value    u
     * @param gradient grad u, length d (or null below {@link Derivatives#GRADIENT})
     * @param second   second derivatives in {@link #pairs()} order (or null below second order)
     */
    public void set(double value, double[] gradient, double[] second) {
        this.value = value;
        if (this.gradient.length > 0) {
            System.arraycopy(gradient, 0, this.gradient, 0, this.gradient.length);
        }
        if (this.second.length > 0) {
            System.arraycopy(second, 0, this.second, 0, this.second.length);
        }
    }

    /** Copies gradient into {@code out} (length d). */
    public void copyGradient(double[] out) {
        System.arraycopy(gradient, 0, out, 0, gradient.length);
    }

    /** Copies the second derivatives, in {@link #pairs()} order, into {@code out}. */
    public void copySecond(double[] out) {
        System.arraycopy(second, 0, out, 0, second.length);
    }
}
