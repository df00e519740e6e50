package org.kanpde.solver.optim;

import java.util.Objects;

/**
 * Small dense-vector kernels and start-point checks shared by the minimizers. All loops run over
 * the full length of their first argument; callers guarantee equal lengths.
 */
final class Vectors {

    private Vectors() {
    }

    /** Returns {@code a . b}. */
    static double dot(double[] a, double[] b) {
        double sum = 0.0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** Returns {@code a[offset .. offset+n) . b}, a row of a flat buffer against a vector. */
    static double dot(double[] a, int offset, double[] b) {
        double sum = 0.0;
        for (int i = 0; i < b.length; i++) {
            sum += a[offset + i] * b[i];
        }
        return sum;
    }

    /** Returns {@code a[offset .. offset+n) . b[offset .. offset+n)}, matching rows of two flat buffers. */
    static double dot(double[] a, double[] b, int offset, int n) {
        double sum = 0.0;
        for (int i = offset; i < offset + n; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /**
     * Euclidean norm. The plain sum of squares is tried first because it is exact enough and fast;
     * only when it overflows or underflows is the vector rescaled by its largest magnitude.
     */
    static double norm(double[] a) {
        return norm(a, 0, a.length);
    }

    /** Euclidean norm of {@code a[offset .. offset+n)}; see {@link #norm(double[])}. */
    static double norm(double[] a, int offset, int n) {
        double sum = 0.0;
        for (int i = offset; i < offset + n; i++) {
            sum += a[i] * a[i];
        }
        if (sum > 0x1.0p-960 && sum < Double.POSITIVE_INFINITY) {
            return Math.sqrt(sum);
        }
        double max = 0.0;
        for (int i = offset; i < offset + n; i++) {
            max = Math.max(max, Math.abs(a[i]));
        }
        if (max == 0.0 || !Double.isFinite(max)) {
            return max;
        }
        double scaled = 0.0;
        for (int i = offset; i < offset + n; i++) {
            double r = a[i] / max;
            scaled += r * r;
        }
        return max * Math.sqrt(scaled);
    }

    /**
     * Validates a start point against an objective and returns a private copy of it.
     *
     * @throws IllegalArgumentException if the dimension is not positive, the lengths differ or a
     *                                  coordinate is not finite
     */
    static double[] checkedStartCopy(DifferentiableObjective objective, double[] start) {
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(start, "start");
        int n = objective.dimension();
        if (n < 1) {
            throw new IllegalArgumentException("objective dimension must be >= 1, got " + n);
        }
        if (start.length != n) {
            throw new IllegalArgumentException(
                    "start point length must equal objective dimension " + n + ", got " + start.length);
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(start[i])) {
                throw new IllegalArgumentException(
                        "start point must be finite, got start[" + i + "] = " + start[i]);
            }
        }
        return start.clone();
    }

    /**
     * Checks the value and gradient that the objective returned at the start point.
     *
     * @throws IllegalArgumentException if the value or any gradient component is not finite
     */
    static void checkStartEvaluation(double value, double[] gradient) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(
                    "objective value at the start point must be finite, got " + value);
        }
        for (int i = 0; i < gradient.length; i++) {
            if (!Double.isFinite(gradient[i])) {
                throw new IllegalArgumentException("objective gradient at the start point must be finite, got gradient["
                        + i + "] = " + gradient[i]);
            }
        }
    }

    /** Returns true when every component is finite. */
    static boolean allFinite(double[] a) {
        for (double v : a) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
