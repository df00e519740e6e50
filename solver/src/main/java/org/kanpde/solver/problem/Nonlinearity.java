package org.kanpde.solver.problem;

/**
 * A nonlinear reaction term n(u) of the operator -div(a grad u) + c u + n(u), with its derivative
 * (needed for the Jacobian of the residual).
 */
public interface Nonlinearity {

    /** n(u). */
    double value(double u);

    /** n'(u). */
    double derivative(double u);

    /** A short formula for reports, e.g. {@code "u^3"}. */
    String describe();

    /** n(u) = coefficient * u^p for an integer power p &gt;= 2. */
    static Nonlinearity power(double coefficient, int p) {
        if (p < 2) {
            throw new IllegalArgumentException("a nonlinear power must be >= 2, got " + p);
        }
        if (!Double.isFinite(coefficient)) {
            throw new IllegalArgumentException("nonlinear coefficient must be finite, got " + coefficient);
        }
        return new Nonlinearity() {
            @Override
            public double value(double u) {
                return coefficient * Math.pow(u, p);
            }

            @Override
            public double derivative(double u) {
                return coefficient * p * Math.pow(u, p - 1);
            }

            @Override
            public String describe() {
                return (coefficient == 1 ? "" : coefficient + "*") + "u^" + p;
            }
        };
    }

    /** n(u) = coefficient * sin(u). */
    static Nonlinearity sine(double coefficient) {
        if (!Double.isFinite(coefficient)) {
            throw new IllegalArgumentException("nonlinear coefficient must be finite, got " + coefficient);
        }
        return new Nonlinearity() {
            @Override
            public double value(double u) {
                return coefficient * Math.sin(u);
            }

            @Override
            public double derivative(double u) {
                return coefficient * Math.cos(u);
            }

            @Override
            public String describe() {
                return (coefficient == 1 ? "" : coefficient + "*") + "sin(u)";
            }
        };
    }
}
