package org.kanpde.solver.optim;

import java.util.Arrays;

/**
 * The internal state of a running minimization, enough to continue it bit-identically after a
 * restart: the point, counters, and method-specific numbers (Adam's moments, L-BFGS's correction
 * pairs, Levenberg-Marquardt's damping). Values and gradients are not stored: the objective is
 * deterministic, so they are recomputed at the point.
 *
 * @param method      the method's {@link Optimizer#name()} ({@code "adam"}, {@code "lbfgs"}, {@code "lm"})
 * @param iterations  completed iterations
 * @param evaluations objective evaluations so far
 * @param point       the current point
 * @param numbers     method-specific real state
 * @param integers    method-specific integer state
 */
public record OptimizerState(String method, int iterations, int evaluations, double[] point, double[] numbers,
                             int[] integers) {

    public OptimizerState {
        point = point.clone();
        numbers = numbers.clone();
        integers = integers.clone();
    }

    @Override
    public double[] point() {
        return point.clone();
    }

    @Override
    public double[] numbers() {
        return numbers.clone();
    }

    @Override
    public int[] integers() {
        return integers.clone();
    }

    /** Checks that this state belongs to {@code expected} and a problem of dimension n. */
    void check(String expected, int n, int numberCount, int integerCount) {
        if (!expected.equals(method)) {
            throw new IllegalArgumentException("optimizer state is for '" + method + "', not '" + expected + "'");
        }
        if (point.length != n) {
            throw new IllegalArgumentException("optimizer state has a point of dimension " + point.length + ", expected " + n);
        }
        if (numbers.length != numberCount || integers.length != integerCount) {
            throw new IllegalArgumentException("optimizer state of '" + method + "' has " + numbers.length + " numbers and "
                    + integers.length + " integers, expected " + numberCount + " and " + integerCount);
        }
        for (int i = 0; i < point.length; i++) {
            if (!Double.isFinite(point[i])) {
                throw new IllegalArgumentException("optimizer state point[" + i + "] = " + point[i] + " is not finite");
            }
        }
        if (iterations < 0 || evaluations < 0) {
            throw new IllegalArgumentException("optimizer state counters must be >= 0, got " + iterations + " and " + evaluations);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OptimizerState s && method.equals(s.method) && iterations == s.iterations
                && evaluations == s.evaluations && Arrays.equals(point, s.point) && Arrays.equals(numbers, s.numbers)
                && Arrays.equals(integers, s.integers);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(point) * 31 + method.hashCode();
    }

    @Override
    public String toString() {
        return "OptimizerState[" + method + ", " + iterations + " iterations, n=" + point.length + "]";
    }
}
