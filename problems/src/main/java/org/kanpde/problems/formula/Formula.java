package org.kanpde.problems.formula;

import org.hipparchus.analysis.differentiation.DerivativeStructure;

/**
 * A formula in the coordinates x, y, z, parsed once and evaluated many times, on doubles for values
 * and on Hipparchus {@link DerivativeStructure}s for exact derivatives.
 *
 * <p>Syntax: numbers ({@code 2}, {@code .5}, {@code 1e-3}), the variables of the problem's dimension
 * ({@code x}; {@code x, y}; {@code x, y, z}), the constants {@code pi} and {@code e}, the operators
 * {@code + - * / ^} and parentheses, and the functions {@code sin cos tan asin acos atan sinh cosh
 * tanh exp log sqrt abs} (one argument) and {@code pow atan2 min max} (two; {@code atan2(y, x)}).
 * {@code ^} is right-associative and binds tighter than unary minus: {@code -x^2 = -(x^2)},
 * {@code 2^3^2 = 2^9}. Constant integer exponents use exact integer powers, so {@code x^3} has
 * correct derivatives for negative x. {@code log} is the natural logarithm. Names are
 * case-sensitive.
 *
 * <p>Parts without variables are evaluated once at parse time. Evaluation outside a function's
 * domain (log of a negative number, division by zero) gives NaN or infinity rather than an error;
 * the solver reports non-finite values where they occur. Immutable and thread-safe.
 */
public final class Formula {
    private final String source;
    private final int dimension;
    private final Node root;

    /** Largest dimension of a formula's variables. */
    public static final int MAX_DIMENSION = 10;

    private Formula(String source, int dimension, Node root) {
        this.source = source;
        this.dimension = dimension;
        this.root = root;
    }

    /**
     * Parses a formula.
     *
     * @param source    the text, e.g. {@code "2*pi^2*sin(pi*x)*sin(pi*y)"}
     * @param dimension 1 to {@link #MAX_DIMENSION}: the variables allowed are {@code x1 ... xd}, and
     *                  up to 3-D also the first {@code dimension} of x, y, z
     * @return the formula
     * @throws FormulaException         if the text is not a valid formula, or uses a variable beyond
     *                                  the dimension; the message gives the position
     * @throws IllegalArgumentException if the dimension is not 1 to {@link #MAX_DIMENSION}
     * @throws NullPointerException     if source is null
     */
    public static Formula parse(String source, int dimension) {
        if (dimension < 1 || dimension > MAX_DIMENSION) {
            throw new IllegalArgumentException("formula dimension must be 1 to " + MAX_DIMENSION + ", got " + dimension);
        }
        if (source == null) {
            throw new NullPointerException("formula source");
        }
        return new Formula(source, dimension, Parser.parse(source, dimension));
    }

    /** @return the text as written */
    public String source() {
        return source;
    }

    /** @return the dimension d the formula was parsed for */
    public int dimension() {
        return dimension;
    }

    /** @return whether the formula uses no variable (its value is then {@link #constantValue()}) */
    public boolean isConstant() {
        return root instanceof Node.Constant;
    }

    /**
     * @return the value of a constant formula
     * @throws IllegalStateException if the formula uses a variable
     */
    public double constantValue() {
        if (!isConstant()) {
            throw new IllegalStateException("formula '" + source + "' is not constant");
        }
        return ((Node.Constant) root).number();
    }

    /**
     * @param z the point, length {@link #dimension()} (not modified)
     * @return the value at z
     * @throws IllegalArgumentException if z has the wrong length
     */
    public double evaluate(double... z) {
        checkLength(z.length);
        return root.value(z);
    }

    /**
     * Evaluates on derivative structures, giving the formula's derivatives to whatever order the
     * structures carry.
     *
     * @param z the coordinates, length {@link #dimension()}, from one {@code DSFactory}
     * @return the value and derivatives
     * @throws IllegalArgumentException if z has the wrong length
     */
    public DerivativeStructure evaluate(DerivativeStructure... z) {
        checkLength(z.length);
        return root.value(z);
    }

    /** @return the parsed structure, fully parenthesized with constants folded, e.g. {@code (-(x ^ 2))} */
    public String structure() {
        return root.structure();
    }

    /** @return the text as written */
    @Override
    public String toString() {
        return source;
    }

    private void checkLength(int length) {
        if (length != dimension) {
            throw new IllegalArgumentException("formula '" + FormulaException.abbreviate(source) + "' is " + dimension
                    + "-D, got a point of length " + length);
        }
    }
}
