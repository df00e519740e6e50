package org.kanpde.solver.inverse;

import java.util.Objects;

import org.kanpde.solver.problem.Field;

/**
 * One unknown of an inverse problem: which coefficient, whether it is a field (a second trial
 * function) or a scalar constant, whether it must stay positive (through a softplus output), and
 * optionally its values on the boundary (a soft constraint, weighted like the boundary
 * conditions) and its exact form (for error metrics only, never used in training). Immutable;
 * {@code withX} returns a modified copy.
 *
 * <pre>{@code
 * Unknown a = Unknown.field(Coefficient.DIFFUSION).positive().withBoundary(aOnBoundary).withExact(aExact);
 * Unknown c = Unknown.scalar(Coefficient.REACTION, 1.0);
 * }</pre>
 */
public final class Unknown {
    private final Coefficient coefficient;
    private final boolean scalar;
    private final boolean positive;
    private final double initial;
    private final Field boundary;
    private final Field exact;
    private final Double exactValue;

    private Unknown(Coefficient coefficient, boolean scalar, boolean positive, double initial, Field boundary, Field exact,
                    Double exactValue) {
        this.coefficient = Objects.requireNonNull(coefficient, "coefficient");
        this.scalar = scalar;
        this.positive = positive;
        this.initial = initial;
        this.boundary = boundary;
        this.exact = exact;
        this.exactValue = exactValue;
    }

    /** An unknown field, represented by its own trial function; not constrained to be positive. */
    public static Unknown field(Coefficient coefficient) {
        return new Unknown(coefficient, false, false, Double.NaN, null, null, null);
    }

    /**
     * An unknown scalar constant starting at {@code initial}.
     *
     * @throws IllegalArgumentException if the initial value is not finite
     */
    public static Unknown scalar(Coefficient coefficient, double initial) {
        if (!Double.isFinite(initial)) {
            throw new IllegalArgumentException("the initial value of unknown '" + coefficient.key() + "' must be finite, got "
                    + initial);
        }
        return new Unknown(coefficient, true, false, initial, null, null, null);
    }

    /**
     * A copy constrained to positive values through a softplus output.
     *
     * @throws IllegalArgumentException if a scalar's initial value is not positive
     */
    public Unknown positive() {
        if (scalar && !(initial > 0)) {
            throw new IllegalArgumentException("positive unknown '" + coefficient.key() + "' needs a positive initial value, got "
                    + initial);
        }
        return new Unknown(coefficient, scalar, true, initial, boundary, exact, exactValue);
    }

    /**
     * A copy that knows its values on the boundary (fields only).
     *
     * @throws IllegalArgumentException for a scalar unknown
     */
    public Unknown withBoundary(Field values) {
        if (scalar) {
            throw new IllegalArgumentException("scalar unknown '" + coefficient.key() + "' cannot have boundary values");
        }
        return new Unknown(coefficient, false, positive, initial, Objects.requireNonNull(values, "boundary values"), exact,
                exactValue);
    }

    /** A copy that knows its exact form, for error metrics (a field; for scalars see {@link #withExact(double)}). */
    public Unknown withExact(Field values) {
        if (scalar) {
            throw new IllegalArgumentException("scalar unknown '" + coefficient.key() + "' takes an exact value, not a field");
        }
        return new Unknown(coefficient, false, positive, initial, boundary, Objects.requireNonNull(values, "exact"), null);
    }

    /** A copy of a scalar unknown that knows its exact value, for the error report. */
    public Unknown withExact(double value) {
        if (!scalar || !Double.isFinite(value)) {
            throw new IllegalArgumentException("an exact value needs a scalar unknown and a finite value; '" + coefficient.key()
                    + "' is " + (scalar ? "scalar" : "a field") + ", value " + value);
        }
        return new Unknown(coefficient, true, positive, initial, boundary, null, value);
    }

    /** Which coefficient is unknown. */
    public Coefficient coefficient() {
        return coefficient;
    }

    /** Whether it is a scalar constant (else a field). */
    public boolean isScalar() {
        return scalar;
    }

    /** Whether it is kept positive. */
    public boolean isPositive() {
        return positive;
    }

    /** The map from the raw trained output to the unknown's value. */
    public OutputMap outputMap() {
        return positive ? OutputMap.SOFTPLUS : OutputMap.IDENTITY;
    }

    /** The initial value of a scalar (NaN for fields). */
    public double initial() {
        return initial;
    }

    /** The known boundary values, or null. */
    public Field boundary() {
        return boundary;
    }

    /** The exact field, or null. */
    public Field exact() {
        return exact;
    }

    /** The exact scalar value, or null. */
    public Double exactValue() {
        return exactValue;
    }

    /** The name in reports: {@code a}, {@code c} or {@code source}. */
    public String name() {
        return coefficient.key();
    }

    @Override
    public String toString() {
        return "unknown " + (scalar ? "scalar " : "field ") + name() + (positive ? " > 0" : "");
    }
}
