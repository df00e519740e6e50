package org.kanpde.problems.formula;

/**
 * A formula that cannot be parsed. The message names the formula, the position of the offending
 * character (counted from 0, so it equals the number of characters before it) and what was wrong,
 * e.g. {@code formula 'sin(pi*x' at position 8: expected ')', found end of formula}.
 */
public final class FormulaException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Longer formulas are cut in messages; the position still refers to the full text. */
    private static final int SHOWN = 100;

    /** The whole formula text. */
    private final String formula;
    /** Characters before the error. */
    private final int position;
    /** What was wrong. */
    private final String detail;

    FormulaException(String formula, int position, String detail) {
        super("formula '" + abbreviate(formula) + "' at position " + position + ": " + detail);
        this.formula = formula;
        this.position = position;
        this.detail = detail;
    }

    /** @return the whole formula text */
    public String formula() {
        return formula;
    }

    /** @return the position of the error, 0 for the first character, the length for the end */
    public int position() {
        return position;
    }

    /** @return what was wrong, without the formula and position */
    public String detail() {
        return detail;
    }

    static String abbreviate(String text) {
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "...";
    }
}
