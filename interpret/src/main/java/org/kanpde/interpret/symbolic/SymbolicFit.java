package org.kanpde.interpret.symbolic;

import java.util.Locale;

/**
 * One candidate formula c f(a x + b) + d fitted to an edge's samples, with its fit quality and
 * its rank score (see {@link SymbolicFitter}).
 *
 * @param function the function f
 * @param a        inner scale
 * @param b        inner shift
 * @param c        outer scale
 * @param d        outer shift
 * @param r2       coefficient of determination 1 - SS_res / SS_tot on the samples (1 for a
 *                 perfect fit; 0 for the best constant; 1 for every exact fit of constant data)
 * @param score    rank score, lower is better: w complexity + (1 - w) log2(1 - R^2 + floor)
 */
public record SymbolicFit(SymbolicFunction function, double a, double b, double c, double d, double r2, double score) {

    /** Complexity of the function. */
    public int complexity() {
        return function.complexity();
    }

    /** The fitted formula at x. */
    public double value(double x) {
        return c * function.value(a * x + b) + d;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %.6g*%s(%.6g*x + %.6g) + %.6g, R^2 = %.12f, score %.3f",
                function.id(), c, function.id(), a, b, d, r2, score);
    }
}
