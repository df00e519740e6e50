package org.kanpde.problems.formula;

import org.hipparchus.analysis.differentiation.DerivativeStructure;

/**
 * The four operators of {@link Node.Binary} and {@link Node.Chain} on values and on derivative
 * structures, in one place so that both nodes apply exactly the same operations (their results
 * must be bit-identical). A constant operand is applied as a scalar: cheaper than an operation on
 * two structures.
 */
final class Arithmetic {
    private Arithmetic() {
    }

    /** l op r. */
    static double apply(char op, double l, double r) {
        switch (op) {
            case '+':
                return l + r;
            case '-':
                return l - r;
            case '*':
                return l * r;
            default:
                return l / r;
        }
    }

    /** l op r, r a constant. */
    static DerivativeStructure apply(char op, DerivativeStructure l, double r) {
        switch (op) {
            case '+':
                return l.add(r);
            case '-':
                return l.subtract(r);
            case '*':
                return l.multiply(r);
            default:
                return l.divide(r);
        }
    }

    /** l op r, l a constant. */
    static DerivativeStructure apply(char op, double l, DerivativeStructure r) {
        switch (op) {
            case '+':
                return r.add(l);
            case '-':
                return r.negate().add(l);
            case '*':
                return r.multiply(l);
            default:
                return r.reciprocal().multiply(l);
        }
    }

    /** l op r. */
    static DerivativeStructure apply(char op, DerivativeStructure l, DerivativeStructure r) {
        switch (op) {
            case '+':
                return l.add(r);
            case '-':
                return l.subtract(r);
            case '*':
                return l.multiply(r);
            default:
                return l.divide(r);
        }
    }
}
