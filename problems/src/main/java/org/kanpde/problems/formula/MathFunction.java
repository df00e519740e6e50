package org.kanpde.problems.formula;

import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;

import org.hipparchus.analysis.differentiation.DerivativeStructure;

/** The functions a formula may call, each on doubles and on derivative structures. */
enum MathFunction {
    SIN("sin", Math::sin, DerivativeStructure::sin),
    COS("cos", Math::cos, DerivativeStructure::cos),
    TAN("tan", Math::tan, DerivativeStructure::tan),
    ASIN("asin", Math::asin, DerivativeStructure::asin),
    ACOS("acos", Math::acos, DerivativeStructure::acos),
    ATAN("atan", Math::atan, DerivativeStructure::atan),
    SINH("sinh", Math::sinh, DerivativeStructure::sinh),
    COSH("cosh", Math::cosh, DerivativeStructure::cosh),
    TANH("tanh", Math::tanh, DerivativeStructure::tanh),
    EXP("exp", Math::exp, DerivativeStructure::exp),
    LOG("log", Math::log, DerivativeStructure::log),
    SQRT("sqrt", Math::sqrt, DerivativeStructure::sqrt),
    ABS("abs", Math::abs, DerivativeStructure::abs),
    /** Parsed into the same node as {@code a^b}, so that integer exponents are detected. */
    POW("pow", Math::pow, (a, b) -> a.pow(b)),
    ATAN2("atan2", Math::atan2, (y, x) -> y.atan2(x)),
    // min and max pass the chosen argument's derivatives through; NaN wins, as in Math.min.
    MIN("min", Math::min, (a, b) -> Double.isNaN(a.getValue()) || a.getValue() <= b.getValue() ? a : b),
    MAX("max", Math::max, (a, b) -> Double.isNaN(a.getValue()) || a.getValue() >= b.getValue() ? a : b);

    private final String functionName;
    private final int arity;
    private final DoubleUnaryOperator unary;
    private final UnaryOperator<DerivativeStructure> unaryDs;
    private final DoubleBinaryOperator binary;
    private final BinaryOperator<DerivativeStructure> binaryDs;

    MathFunction(String name, DoubleUnaryOperator f, UnaryOperator<DerivativeStructure> ds) {
        this.functionName = name;
        this.arity = 1;
        this.unary = f;
        this.unaryDs = ds;
        this.binary = null;
        this.binaryDs = null;
    }

    MathFunction(String name, DoubleBinaryOperator f, BinaryOperator<DerivativeStructure> ds) {
        this.functionName = name;
        this.arity = 2;
        this.unary = null;
        this.unaryDs = null;
        this.binary = f;
        this.binaryDs = ds;
    }

    /** The name used in formulas. */
    String functionName() {
        return functionName;
    }

    /** Number of arguments, 1 or 2. */
    int arity() {
        return arity;
    }

    double apply(double a) {
        return unary.applyAsDouble(a);
    }

    DerivativeStructure apply(DerivativeStructure a) {
        return unaryDs.apply(a);
    }

    double apply(double a, double b) {
        return binary.applyAsDouble(a, b);
    }

    DerivativeStructure apply(DerivativeStructure a, DerivativeStructure b) {
        return binaryDs.apply(a, b);
    }

    /** The function called {@code name}, or null. */
    static MathFunction named(String name) {
        for (MathFunction f : values()) {
            if (f.functionName.equals(name)) {
                return f;
            }
        }
        return null;
    }

    /** All names, comma-separated, for messages. */
    static String names() {
        StringBuilder out = new StringBuilder();
        for (MathFunction f : values()) {
            out.append(out.length() == 0 ? "" : ", ").append(f.functionName);
        }
        return out.toString();
    }
}
