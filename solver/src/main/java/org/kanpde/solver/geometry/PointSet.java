package org.kanpde.solver.geometry;

/**
 * An immutable set of n points in R^d, stored flat and row-major: coordinate k of point i is at
 * {@code i * d + k}. Accessors copy, so a point set can be shared between threads.
 */
public final class PointSet {

    private final int dimension;
    private final double[] coordinates;

    /**
     * Creates a point set from flat coordinates (copied).
     *
     * @param dimension   the dimension d, at least 1
     * @param coordinates flat row-major coordinates, length a multiple of d (may be 0)
     * @throws IllegalArgumentException if {@code dimension < 1}, the length is not a multiple of d or a
     *                                  coordinate is not finite
     */
    public PointSet(int dimension, double[] coordinates) {
        this(dimension, coordinates.clone(), true);
    }

    private PointSet(int dimension, double[] coordinates, boolean validate) {
        if (validate) {
            if (dimension < 1) {
                throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
            }
            if (coordinates.length % dimension != 0) {
                throw new IllegalArgumentException("coordinates length must be a multiple of dimension "
                        + dimension + ", got " + coordinates.length);
            }
            for (int j = 0; j < coordinates.length; j++) {
                if (!Double.isFinite(coordinates[j])) {
                    throw new IllegalArgumentException("coordinate " + (j % dimension) + " of point "
                            + (j / dimension) + " is not finite: " + coordinates[j]);
                }
            }
        }
        this.dimension = dimension;
        this.coordinates = coordinates;
    }

    /** Wraps an array built in this package without copying; the caller must not modify it later. */
    static PointSet wrap(int dimension, double[] coordinates) {
        return new PointSet(dimension, coordinates, false);
    }

    /** @return the dimension d */
    public int dimension() {
        return dimension;
    }

    /** @return the number of points n */
    public int size() {
        return coordinates.length / dimension;
    }

    /**
     * @param i point index, {@code 0 <= i < size()}
     * @param k coordinate index, {@code 0 <= k < dimension()}
     * @return coordinate k of point i
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public double coordinate(int i, int k) {
        if (i < 0 || i >= size() || k < 0 || k >= dimension) {
            throw new IndexOutOfBoundsException("point " + i + ", coordinate " + k + " out of range for "
                    + size() + " points in dimension " + dimension);
        }
        return coordinates[i * dimension + k];
    }

    /**
     * Copies point i into {@code out}, without allocating.
     *
     * @param i   point index, {@code 0 <= i < size()}
     * @param out receives the d coordinates (modified); length at least d
     * @throws IndexOutOfBoundsException if i is out of range or out is too short
     */
    public void point(int i, double[] out) {
        if (i < 0 || i >= size()) {
            throw new IndexOutOfBoundsException("point " + i + " out of range for " + size() + " points");
        }
        System.arraycopy(coordinates, i * dimension, out, 0, dimension);
    }

    /**
     * @param i point index, {@code 0 <= i < size()}
     * @return a new array holding point i
     * @throws IndexOutOfBoundsException if i is out of range
     */
    public double[] point(int i) {
        double[] out = new double[dimension];
        point(i, out);
        return out;
    }

    /** @return a copy of all coordinates, flat row-major, length {@code size() * dimension()} */
    public double[] coordinates() {
        return coordinates.clone();
    }

    @Override
    public String toString() {
        return "PointSet[dimension=" + dimension + ", size=" + size() + "]";
    }
}
