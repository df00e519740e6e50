package org.kanpde.solver.inverse;

/**
 * The map s from a network's (or a scalar parameter's) raw output q to the identified quantity
 * s(q): the identity, or softplus log(1 + e^q) where the operator needs a positive coefficient
 * (a &gt; 0 keeps -div(a grad u) elliptic while the coefficient trains).
 */
public enum OutputMap {
    /** s(q) = q. */
    IDENTITY,
    /** s(q) = log(1 + e^q) &gt; 0. */
    SOFTPLUS;

    /** s(q). */
    public double value(double q) {
        if (this == IDENTITY) {
            return q;
        }
        // log1p(exp(q)) overflows for large q, where it equals q to double precision
        return q > 30 ? q : q < -30 ? Math.exp(q) : Math.log1p(Math.exp(q));
    }

    /** s'(q). */
    public double first(double q) {
        return this == IDENTITY ? 1 : sigmoid(q);
    }

    /** s''(q). */
    public double second(double q) {
        if (this == IDENTITY) {
            return 0;
        }
        double s = sigmoid(q);
        return s * (1 - s);
    }

    /**
     * The raw output q with s(q) = value.
     *
     * @throws IllegalArgumentException if softplus is asked for a value &lt;= 0
     */
    public double inverse(double value) {
        if (this == IDENTITY) {
            return value;
        }
        if (!(value > 0)) {
            throw new IllegalArgumentException("a positive unknown needs a positive initial value, got " + value);
        }
        return value > 30 ? value : Math.log(Math.expm1(value));
    }

    private static double sigmoid(double q) {
        return q >= 0 ? 1 / (1 + Math.exp(-q)) : Math.exp(q) / (1 + Math.exp(q));
    }
}
