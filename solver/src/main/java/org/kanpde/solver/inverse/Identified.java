package org.kanpde.solver.inverse;

import org.kanpde.net.Batch;
import org.kanpde.net.Derivatives;
import org.kanpde.net.Evaluator;
import org.kanpde.net.TrialFunction;
import org.kanpde.net.parallel.ParallelRunner;
import org.kanpde.solver.problem.Field;
import org.kanpde.solver.quadrature.QuadratureRule;

/**
 * An identified unknown: a field s(q(z)) of a trained trial function q (s the unknown's
 * {@link OutputMap}), or a scalar value, with its errors against the exact form when that was
 * given. Immutable (the trial function is a private copy) and safe to read from many threads.
 */
public final class Identified implements Field {
    private final Unknown unknown;
    private final TrialFunction raw;
    private final int dimension;
    private final double scalar;
    private final double relL2;
    private final double maxAbsError;
    private final ThreadLocal<Evaluator> evaluators;

    private Identified(Unknown unknown, TrialFunction raw, int dimension, double scalar, double relL2, double maxAbsError) {
        this.unknown = unknown;
        this.dimension = dimension;
        this.raw = raw == null ? null : raw.copy();
        this.scalar = scalar;
        this.relL2 = relL2;
        this.maxAbsError = maxAbsError;
        this.evaluators = raw == null ? null : ThreadLocal.withInitial(() -> this.raw.evaluator(Derivatives.VALUE));
    }

    /**
     * An identified field, measured against its exact form (if the unknown has one) on {@code rule}.
     *
     * @param raw the trained trial function of the raw output q (copied)
     */
    static Identified field(Unknown unknown, TrialFunction raw, QuadratureRule rule, ParallelRunner runner) {
        Identified plain = new Identified(unknown, raw, raw.inputDimension(), Double.NaN, Double.NaN, Double.NaN);
        if (unknown.exact() == null) {
            return plain;
        }
        double[] errors = plain.errors(unknown.exact(), rule, runner);
        return new Identified(unknown, raw, raw.inputDimension(), Double.NaN, errors[0], errors[1]);
    }

    /** An identified scalar s(q), with its relative and absolute error when the exact value is known. */
    static Identified scalar(Unknown unknown, int dimension, double rawValue) {
        double v = unknown.outputMap().value(rawValue);
        Double exact = unknown.exactValue();
        double abs = exact == null ? Double.NaN : Math.abs(v - exact);
        double rel = exact == null ? Double.NaN : exact != 0 ? abs / Math.abs(exact) : abs;
        return new Identified(unknown, null, dimension, v, rel, abs);
    }

    /** The unknown this identifies. */
    public Unknown unknown() {
        return unknown;
    }

    /** Input dimension d. */
    public int dimension() {
        return dimension;
    }

    /** Whether this is a scalar. */
    public boolean isScalar() {
        return raw == null;
    }

    /** The identified scalar value (NaN for fields). */
    public double scalarValue() {
        return scalar;
    }

    /** A copy of the trained raw trial function q (null for scalars): the field is s(q). */
    public TrialFunction rawFunction() {
        return raw == null ? null : raw.copy();
    }

    /** Relative L2 error against the exact form (relative error for scalars); NaN without one. */
    public double relL2() {
        return relL2;
    }

    /** Largest absolute error against the exact form on the quadrature nodes (scalars: |error|); NaN without one. */
    public double maxAbsError() {
        return maxAbsError;
    }

    /** Whether errors were measured (an exact form or value was given). */
    public boolean hasErrors() {
        return !Double.isNaN(relL2);
    }

    /** The identified value at z. */
    @Override
    public double value(double[] z) {
        if (z.length != dimension) {
            throw new IllegalArgumentException("point has " + z.length + " coordinates, the field is " + dimension + "-D");
        }
        if (raw == null) {
            return scalar;
        }
        return unknown.outputMap().value(evaluators.get().forward(z, 0).value());
    }

    /** The identified values at many points (flat n x d), in parallel. */
    public double[] values(double[] points, ParallelRunner runner) {
        if (raw == null) {
            double[] v = new double[points.length / dimension];
            java.util.Arrays.fill(v, scalar);
            return v;
        }
        double[] v = Batch.values(raw, points, runner);
        for (int i = 0; i < v.length; i++) {
            v[i] = unknown.outputMap().value(v[i]);
        }
        return v;
    }

    /** Relative L2 error and largest absolute error of this field against {@code exact} on {@code rule}. */
    double[] errors(Field exact, QuadratureRule rule, ParallelRunner runner) {
        double[] points = rule.points();
        double[] v = values(points, runner);
        int d = rule.dimension();
        double[] z = new double[d];
        double l2 = 0;
        double norm = 0;
        double max = 0;
        for (int i = 0; i < rule.size(); i++) {
            System.arraycopy(points, i * d, z, 0, d);
            double e = exact.value(z);
            if (!Double.isFinite(e)) {
                throw new IllegalArgumentException("the exact form of unknown '" + unknown.name() + "' is " + e
                        + " at the quadrature node " + java.util.Arrays.toString(z));
            }
            double w = rule.weight(i);
            double diff = v[i] - e;
            l2 += w * diff * diff;
            norm += w * e * e;
            max = Double.isNaN(diff) ? Double.NaN : Math.max(max, Math.abs(diff));
        }
        return new double[] {norm > 0 ? Math.sqrt(l2 / norm) : Math.sqrt(l2), max};
    }

    @Override
    public String toString() {
        return "identified " + unknown.name() + (raw == null ? " = " + scalar : " = s(" + raw.describe() + ")");
    }
}
