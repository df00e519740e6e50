package org.kanpde.problems;

import org.kanpde.solver.problem.Field;

/**
 * A catalogue field that names its formula: {@code toString} returns the formula, in the syntax of
 * problem files, so that reports can print it; values and derivatives come unchanged from the field
 * (a hand-written lambda, fast and exact). ProblemCatalogFormulasTest checks every formula against
 * its field, so the text cannot drift from the code.
 */
final class DescribedField implements Field {
    private final Field field;
    private final String formula;

    private DescribedField(Field field, String formula) {
        this.field = field;
        this.formula = formula;
    }

    /** {@code field}, described by {@code formula}. */
    static Field of(Field field, String formula) {
        if (field == null || formula == null || formula.isBlank()) {
            throw new IllegalArgumentException("a described field needs a field and a formula, got " + field + " and '"
                    + formula + "'");
        }
        return new DescribedField(field, formula);
    }

    @Override
    public double value(double[] z) {
        return field.value(z);
    }

    @Override
    public boolean hasDerivatives() {
        return field.hasDerivatives();
    }

    @Override
    public void derivatives(double[] z, double[] out) {
        field.derivatives(z, out);
    }

    @Override
    public boolean isConstant() {
        return field.isConstant();
    }

    /** The formula, e.g. {@code sin(pi*x)*sin(pi*y^2)}. */
    @Override
    public String toString() {
        return formula;
    }
}
