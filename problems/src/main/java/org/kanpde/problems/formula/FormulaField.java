package org.kanpde.problems.formula;

import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.kanpde.solver.problem.Field;

/**
 * A {@link Field} given by a {@link Formula}: values on the double path, value, gradient and
 * unmixed second derivatives on derivative structures, so they are exact and consistent with the
 * value. Immutable and thread-safe.
 */
public final class FormulaField implements Field {
    private final Formula formula;
    private final DSFactory factory;
    private final int[][] first;
    private final int[][] second;

    private FormulaField(Formula formula) {
        this.formula = formula;
        int d = formula.dimension();
        this.factory = new DSFactory(d, 2);
        this.first = new int[d][d];
        this.second = new int[d][d];
        for (int k = 0; k < d; k++) {
            first[k][k] = 1;
            second[k][k] = 2;
        }
    }

    /**
     * The field of a formula; a formula without variables gives {@link Field#constant}, which lets
     * the solver skip work.
     *
     * @param formula the formula
     * @return the field
     * @throws IllegalArgumentException if the formula is constant and not finite (e.g. {@code 1/0})
     */
    public static Field of(Formula formula) {
        if (formula.isConstant()) {
            double c = formula.constantValue();
            if (!Double.isFinite(c)) {
                throw new IllegalArgumentException("formula '" + FormulaException.abbreviate(formula.source())
                        + "' is constant and not finite: " + c);
            }
            return Field.constant(c);
        }
        return new FormulaField(formula);
    }

    /**
     * Shorthand for {@code of(Formula.parse(source, dimension))}.
     *
     * @param source    the formula text
     * @param dimension 1, 2 or 3
     * @return the field
     * @throws FormulaException         if the text is not a valid formula
     * @throws IllegalArgumentException as {@link #of} and {@link Formula#parse}
     */
    public static Field parse(String source, int dimension) {
        return of(Formula.parse(source, dimension));
    }

    /** @return the formula */
    public Formula formula() {
        return formula;
    }

    @Override
    public double value(double[] z) {
        return formula.evaluate(z);
    }

    @Override
    public boolean hasDerivatives() {
        return true;
    }

    @Override
    public void derivatives(double[] z, double[] out) {
        int d = formula.dimension();
        if (z.length != d) {
            throw new IllegalArgumentException("field '" + formula + "' is " + d + "-D, got a point of length " + z.length);
        }
        DerivativeStructure[] vars = new DerivativeStructure[d];
        for (int k = 0; k < d; k++) {
            vars[k] = factory.variable(k, z[k]);
        }
        DerivativeStructure r = formula.evaluate(vars);
        out[0] = r.getValue();
        for (int k = 0; k < d; k++) {
            out[1 + k] = r.getPartialDerivative(first[k]);
            out[1 + d + k] = r.getPartialDerivative(second[k]);
        }
    }

    /** @return the formula text */
    @Override
    public String toString() {
        return formula.source();
    }
}
