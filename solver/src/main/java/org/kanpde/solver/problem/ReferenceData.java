package org.kanpde.solver.problem;

/**
 * A reference solution given at points, such as the nodal values of a finite-element solution
 * (PINNacle ships COMSOL exports): errors are then measured at these points, with PINNacle's relative
 * L2 error {@code sqrt(sum (u - u_ref)^2 / sum u_ref^2)} and the largest |u - u_ref|. Immutable.
 */
public final class ReferenceData {

    private final String source;
    private final int dimension;
    private final double[] points;
    private final double[] values;

    /**
     * @param source    where the data came from (a file name), for messages
     * @param dimension the dimension d, at least 1
     * @param points    flat row-major coordinates, length {@code n * d} (copied)
     * @param values    the reference value at each point, length n (copied)
     * @throws IllegalArgumentException if there is no point, the lengths disagree or a number is not
     *                                  finite
     */
    public ReferenceData(String source, int dimension, double[] points, double[] values) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        }
        if (values.length == 0) {
            throw new IllegalArgumentException("reference data " + source + " has no points");
        }
        if (points.length != values.length * dimension) {
            throw new IllegalArgumentException("reference data " + source + ": " + points.length + " coordinates for "
                    + values.length + " values in " + dimension + "-D");
        }
        for (int j = 0; j < points.length; j++) {
            if (!Double.isFinite(points[j])) {
                throw new IllegalArgumentException("reference data " + source + ": coordinate " + (j % dimension) + " of point "
                        + (j / dimension) + " is not finite: " + points[j]);
            }
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("reference data " + source + ": value " + i + " is not finite: " + values[i]);
            }
        }
        this.source = source;
        this.dimension = dimension;
        this.points = points.clone();
        this.values = values.clone();
    }

    /** @return where the data came from */
    public String source() {
        return source;
    }

    /** @return the dimension d */
    public int dimension() {
        return dimension;
    }

    /** @return the number of points */
    public int size() {
        return values.length;
    }

    /** @return a copy of the coordinates, flat row-major */
    public double[] points() {
        return points.clone();
    }

    /** @return a copy of the reference values */
    public double[] values() {
        return values.clone();
    }

    @Override
    public String toString() {
        return "reference data " + source + " (" + values.length + " points, " + dimension + "-D)";
    }
}
