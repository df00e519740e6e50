package org.kanpde.solver.problem;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import org.hipparchus.analysis.differentiation.DerivativeStructure;

/**
 * A scalar field on R^d: a coefficient, a source, boundary data or an exact solution.
 *
 * <p>Where the solver needs derivatives (the gradient of a variable diffusion coefficient, the
 * gradient of an exact solution for H1 errors, second derivatives of lifted Dirichlet data) the
 * field must provide them through {@link #derivatives}; {@link #smooth} builds such a field from
 * one expression written on Hipparchus {@link DerivativeStructure}s, so that the derivatives are
 * exact and cannot disagree with the value.
 */
public interface Field {

    /** f(z), z of length d. */
    double value(double[] z);

    /** Whether {@link #derivatives} is available. */
    default boolean hasDerivatives() {
        return false;
    }

    /**
     * Value, gradient and unmixed second derivatives.
     *
     * @param z   the point, length d
     * @param out receives f at out[0], df/dz_k at out[1+k], d2f/dz_k^2 at out[1+d+k] (length
     *            &gt;= 1 + 2d; modified)
     * @throws UnsupportedOperationException if the field has no derivatives
     */
    default void derivatives(double[] z, double[] out) {
        throw new UnsupportedOperationException("this field provides values only; build it with Field.smooth(...) "
                + "or Field.constant(...) where derivatives are needed");
    }

    /** Whether the field is known to be constant (lets the solver skip work). */
    default boolean isConstant() {
        return false;
    }

    /** The constant field c, with zero derivatives. */
    static Field constant(double c) {
        if (!Double.isFinite(c)) {
            throw new IllegalArgumentException("a constant field must be finite, got " + c);
        }
        return new Field() {
            @Override
            public double value(double[] z) {
                return c;
            }

            @Override
            public boolean hasDerivatives() {
                return true;
            }

            @Override
            public void derivatives(double[] z, double[] out) {
                out[0] = c;
                for (int i = 1; i <= 2 * z.length; i++) {
                    out[i] = 0.0;
                }
            }

            @Override
            public boolean isConstant() {
                return true;
            }

            @Override
            public String toString() {
                return Double.toString(c);
            }
        };
    }

    /** A field given by its values only. */
    static Field of(ToDoubleFunction<double[]> f) {
        return of(f, "field given by values");
    }

    /** A field given by its values only, with a description for reports (e.g. its formula). */
    static Field of(ToDoubleFunction<double[]> f, String description) {
        return new Field() {
            @Override
            public double value(double[] z) {
                return f.applyAsDouble(z);
            }

            @Override
            public String toString() {
                return description;
            }
        };
    }

    /**
     * A smooth field written once on derivative structures, e.g.
     * {@code Field.smooth(2, z -> z[0].multiply(Math.PI).sin().multiply(z[1].multiply(Math.PI).sin()))}.
     *
     * @param dimension d &gt;= 1
     * @param f         the expression; {@code z[k]} is coordinate k
     */
    static Field smooth(int dimension, Function<DerivativeStructure[], DerivativeStructure> f) {
        return new SmoothField(dimension, f);
    }
}
