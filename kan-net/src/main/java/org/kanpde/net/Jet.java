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

    /**
     * du/dz_k.
     *
     * @throws IllegalStateException    below {@link Derivatives#GRADIENT}, naming the level
     * @throws IllegalArgumentException if k is not in [0, d)
     */
    public double gradient(int k) {
        if (k >= 0 && k < gradient.length) {
            return gradient[k];
        }
        // only the failure path pays for the diagnosis
        if (gradient.length == 0) {
            throw new IllegalStateException("gradient component " + k + " not carried at level " + level);
        }
        throw new IllegalArgumentException("gradient component must be in [0, " + dimension + "), got " + k);
    }

    /**
     * d2u/dz_k^2.
     *
     * @throws IllegalStateException    below second order, naming the level
     * @throws IllegalArgumentException if k is not in [0, d)
     */
    public double secondDiagonal(int k) {
        if (k < 0 || k >= dimension) {
            throw new IllegalArgumentException("second derivative index must be in [0, " + dimension + "), got " + k);
        }
        if (level == Derivatives.HESSIAN_DIAGONAL) {
            return second[k];
        }
        if (level != Derivatives.HESSIAN) {
            throw new IllegalStateException("second derivative (" + k + ", " + k + ") not carried at level " + level);
        }
        return second[pairs.indexOf(k, k)];
    }

    /**
     * d2u/dz_k dz_l.
     *
     * @throws IllegalStateException    unless the level carries the pair ({@link Derivatives#HESSIAN},
     *                                  or k == l with the diagonal), naming the level
     * @throws IllegalArgumentException if k or l is not in [0, d)
     */
    public double hessian(int k, int l) {
        if (k < 0 || k >= dimension || l < 0 || l >= dimension) {
            throw new IllegalArgumentException("second derivative indices must be in [0, " + dimension + "), got ("
                    + k + ", " + l + ")");
        }
        int p = pairs.indexOf(k, l);
        if (p < 0) {
            throw new IllegalStateException("second derivative (" + k + ", " + l + ") not carried at level " + level);
        }
        return second[p];
    }

    /**
     * Second derivative number p in {@link #pairs()} order.
     *
     * @throws IllegalStateException    below second order, naming the level
     * @throws IllegalArgumentException if p is not in [0, pairs().count())
     */
    public double second(int p) {
        if (p >= 0 && p < second.length) {
            return second[p];
        }
        if (second.length == 0) {
            throw new IllegalStateException("second derivative " + p + " not carried at level " + level);
        }
        throw new IllegalArgumentException("second derivative number must be in [0, " + second.length + "), got " + p);
    }

    /**
     * The Laplacian sum_k d2u/dz_k^2.
     *
     * @throws IllegalStateException below second order, naming the level
     */
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
