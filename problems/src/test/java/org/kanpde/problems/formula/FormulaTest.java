package org.kanpde.problems.formula;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;

import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.kanpde.problems.ManufacturedSolutionCheck;
import org.kanpde.solver.problem.Field;

class FormulaTest {

    private static double eval(String text, double... z) {
        return Formula.parse(text, Math.max(1, z.length)).evaluate(z.length == 0 ? new double[1] : z);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "1+2*3; 7",
        "(1+2)*3; 9",
        "2^3^2; 512",
        "(2^3)^2; 64",
        "-2^2; -4",
        "(-2)^2; 4",
        "2^-1; 0.5",
        "-2^-2; -0.25",
        "8/4/2; 1",
        "2-3-4; -5",
        "2*-3; -6",
        "--2; 2",
        "+3 - -3; 6",
        "1 - 2 + 3; 2",
        "2*3^2; 18",
        "12/2^2*3; 9",
        "1e-3; 0.001",
        "2.5E2; 250",
        ".5 + 5.; 5.5",
        "1e+2; 100",
        "  3 *\t( 1 + 1 ) ; 6",
    })
    void precedenceAndAssociativity(String text, double expected) {
        assertEquals(expected, eval(text), 1e-15);
    }

    @Test
    void structureShowsTheParse() {
        assertEquals("(-(x ^ 2))", Formula.parse("-x^2", 1).structure());
        assertEquals("((x - y) - 1)", Formula.parse("x-y-1", 2).structure());
        assertEquals("(x ^ (y ^ 2))", Formula.parse("x^y^2", 2).structure());
        assertEquals("((x * y) / z)", Formula.parse("x*y/z", 3).structure());
        assertEquals("(x + (y * z))", Formula.parse("x+y*z", 3).structure());
        assertEquals("(x ^ -2)", Formula.parse("x^-2", 1).structure());
        assertEquals("(x ^ 3)", Formula.parse("pow(x, 1+2)", 1).structure());
        assertEquals("atan2(y, x)", Formula.parse("atan2(y,x)", 2).structure());
    }

    @Test
    void variablesAndConstants() {
        assertEquals(Math.PI, eval("pi"), 0);
        assertEquals(Math.E, eval("e"), 0);
        assertEquals(-9, eval("-x^2", 3), 0);
        assertEquals(1.0 * 2 / 4, eval("x*y/z", 1, 2, 4), 0);
        assertEquals(2 * Math.PI * Math.PI, eval("2*pi^2"), 1e-14);
    }

    static Stream<Arguments> unaryFunctions() {
        return Stream.of(
                Arguments.of("sin", (DoubleUnaryOperator) Math::sin, -2.0, 2.0),
                Arguments.of("cos", (DoubleUnaryOperator) Math::cos, -2.0, 2.0),
                Arguments.of("tan", (DoubleUnaryOperator) Math::tan, -1.0, 1.0),
                Arguments.of("asin", (DoubleUnaryOperator) Math::asin, -0.9, 0.9),
                Arguments.of("acos", (DoubleUnaryOperator) Math::acos, -0.9, 0.9),
                Arguments.of("atan", (DoubleUnaryOperator) Math::atan, -3.0, 3.0),
                Arguments.of("sinh", (DoubleUnaryOperator) Math::sinh, -2.0, 2.0),
                Arguments.of("cosh", (DoubleUnaryOperator) Math::cosh, -2.0, 2.0),
                Arguments.of("tanh", (DoubleUnaryOperator) Math::tanh, -2.0, 2.0),
                Arguments.of("exp", (DoubleUnaryOperator) Math::exp, -2.0, 2.0),
                Arguments.of("log", (DoubleUnaryOperator) Math::log, 0.1, 5.0),
                Arguments.of("sqrt", (DoubleUnaryOperator) Math::sqrt, 0.1, 5.0),
                Arguments.of("abs", (DoubleUnaryOperator) Math::abs, -2.0, 2.0));
    }

    @ParameterizedTest
    @MethodSource("unaryFunctions")
    void functionsMatchMathAndHaveCorrectDerivatives(String name, DoubleUnaryOperator f, double lo, double hi) {
        Formula formula = Formula.parse(name + "(x)", 1);
        Field field = FormulaField.of(formula);
        double[] out = new double[3];
        for (int i = 0; i <= 10; i++) {
            double x = lo + (hi - lo) * (i + 0.37) / 11;
            assertEquals(f.applyAsDouble(x), formula.evaluate(x), 1e-15 * Math.max(1, Math.abs(f.applyAsDouble(x))), name);
            field.derivatives(new double[] {x}, out);
            assertEquals(f.applyAsDouble(x), out[0], 1e-14 * Math.max(1, Math.abs(out[0])), name);
            double g = ManufacturedSolutionCheck.first(field, new double[] {x}, 0);
            double s = ManufacturedSolutionCheck.second(field, new double[] {x}, 0);
            assertEquals(g, out[1], 1e-8 * Math.max(1, Math.abs(g)), name + "'");
            assertEquals(s, out[2], 1e-6 * Math.max(1, Math.abs(s)), name + "''");
        }
    }

    static Stream<Arguments> binaryFunctions() {
        return Stream.of(
                Arguments.of("atan2", (DoubleBinaryOperator) Math::atan2),
                Arguments.of("pow", (DoubleBinaryOperator) Math::pow),
                Arguments.of("min", (DoubleBinaryOperator) Math::min),
                Arguments.of("max", (DoubleBinaryOperator) Math::max));
    }

    @ParameterizedTest
    @MethodSource("binaryFunctions")
    void twoArgumentFunctionsMatchMath(String name, DoubleBinaryOperator f) {
        Formula formula = Formula.parse(name + "(x, y)", 2);
        double[][] points = {{0.5, 1.5}, {1.5, 0.5}, {2, -1}, {0.3, 0.3}, {3, 2.5}};
        for (double[] z : points) {
            assertEquals(f.applyAsDouble(z[0], z[1]), formula.evaluate(z), 1e-15, name + " at " + z[0] + ", " + z[1]);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "sin(x)*cos(y) + z; 3",
        "tan(0.5*x) + asin(0.5*y) - acos(0.3*x)*atan(y); 2",
        "sinh(x) - cosh(y) + tanh(x*y); 2",
        "exp(x)*log(2 + y) / sqrt(2 + x^2); 2",
        "abs(y - 3)*x^3 + y^-2; 2",
        "pow(2 + x, y) + 2^x + x^y; 2",
        "atan2(y, x + 3) + min(x, 2*y) + max(y, -5); 2",
        "(x^2 + y^2)^(1/3)*sin(2/3*(atan2(-(x+y), y-x) + 3*pi/4)); 2",
        "-x^2*y/(1 + z^2) - 1e-1*e^(x*z); 3",
    })
    void formulaFieldDerivativesMatchFiniteDifferences(String text, int d) {
        Field field = FormulaField.parse(text, d);
        assertTrue(field.hasDerivatives());
        double[] out = new double[1 + 2 * d];
        double[][] points = {{0.31, 0.62, -0.4}, {0.77, 0.23, 0.5}, {0.45, 0.91, 0.1}};
        for (double[] p : points) {
            double[] z = java.util.Arrays.copyOf(p, d);
            field.derivatives(z, out);
            assertEquals(field.value(z), out[0], 1e-14 * Math.max(1, Math.abs(out[0])));
            for (int k = 0; k < d; k++) {
                double g = ManufacturedSolutionCheck.first(field, z, k);
                double s = ManufacturedSolutionCheck.second(field, z, k);
                assertEquals(g, out[1 + k], 1e-8 * Math.max(1, Math.abs(g)), text + " d/dz" + k);
                assertEquals(s, out[1 + d + k], 1e-6 * Math.max(1, Math.abs(s)), text + " d2/dz" + k + "^2");
            }
        }
    }

    @Test
    void integerPowersOfNegativeBasesHaveFiniteExactDerivatives() {
        Field cube = FormulaField.parse("x^3", 1);
        double[] out = new double[3];
        cube.derivatives(new double[] {-2}, out);
        assertEquals(-8, out[0], 0);
        assertEquals(12, out[1], 0);
        assertEquals(-12, out[2], 0);
        FormulaField.parse("pow(x, 2)", 1).derivatives(new double[] {-1.5}, out);
        assertEquals(2.25, out[0], 0);
        assertEquals(-3, out[1], 0);
        assertEquals(2, out[2], 0);
        FormulaField.parse("x^-1", 1).derivatives(new double[] {-2}, out);
        assertEquals(-0.5, out[0], 0);
        assertEquals(-0.25, out[1], 0);
        assertEquals(-0.25, out[2], 0);
    }

    @Test
    void derivativeStructureEvaluationUsesTheCallersFactory() {
        DSFactory factory = new DSFactory(2, 3);
        DerivativeStructure r = Formula.parse("x^2*y", 2).evaluate(factory.variable(0, 3), factory.variable(1, 2));
        assertEquals(18, r.getValue(), 0);
        assertEquals(2, r.getPartialDerivative(2, 1), 0);
        assertEquals(0, r.getPartialDerivative(3, 0), 0);
    }

    @Test
    void constantsAreFoldedIntoConstantFields() {
        Formula f = Formula.parse("2*pi^2 + sin(0)", 2);
        assertTrue(f.isConstant());
        assertEquals(2 * Math.PI * Math.PI, f.constantValue(), 1e-14);
        Field field = FormulaField.of(f);
        assertTrue(field.isConstant());
        assertFalse(FormulaField.parse("x", 1).isConstant());
        assertThrows(IllegalStateException.class, () -> Formula.parse("x", 1).constantValue());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FormulaField.parse("1/0", 2));
        assertEquals("formula '1/0' is constant and not finite: Infinity", e.getMessage());
    }

    @Test
    void evaluationOutsideTheDomainOfAFunctionIsNotFiniteRatherThanAnError() {
        assertEquals(Double.POSITIVE_INFINITY, eval("1/x", 0));
        assertTrue(Double.isNaN(eval("log(x)", -1)));
        assertTrue(Double.isNaN(eval("sqrt(x)", -1)));
    }

    @Test
    void sourceAndToStringKeepTheText() {
        Formula f = Formula.parse(" sin( pi*x ) ", 1);
        assertEquals(" sin( pi*x ) ", f.source());
        assertEquals(f.source(), f.toString());
        assertEquals(1, f.dimension());
        assertEquals("x*y", FormulaField.parse("x*y", 2).toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
        "sin(pi*x; 2; 8; expected ')', found end of formula",
        "z + 1; 2; 0; variable 'z' is not available in a 2-D problem (variables: x, y (or x1, x2))",
        "x*y; 1; 2; variable 'y' is not available in a 1-D problem (variables: x (or x1))",
        "x + w; 2; 4; unknown variable 'w'; variables: x, y (or x1, x2); constants: pi, e",
        "sine(x); 2; 0; unknown function 'sine'; functions: sin, cos, tan",
        "2*atan2(x); 2; 2; function 'atan2' takes 2 arguments, got 1",
        "sin(x, y); 2; 0; function 'sin' takes 1 argument, got 2",
        "min(x, y, 1); 2; 0; function 'min' takes 2 arguments, got 3",
        "2x; 1; 1; expected an operator after the number '2', found 'x'",
        "x**2; 1; 1; '**' is not an operator; write powers with ^",
        "x); 1; 1; unmatched ')'",
        "x y; 2; 2; expected an operator or the end of the formula, found 'y'",
        "\"\"; 1; 0; expected a number, a variable, a function or '(', found end of formula",
        "x + ; 1; 3; expected a number, a variable, a function or '(', found end of formula",
        "(); 1; 1; expected a number, a variable, a function or '(', found ')'",
        "3 * $; 1; 4; expected a number, a variable, a function or '(', found '$'",
        "1e; 1; 0; malformed number '1e'",
        "1.2.3; 1; 3; expected an operator after the number '1.2', found '.'",
        "1e999*x; 1; 0; number '1e999' is too large",
        "x(1); 1; 0; 'x' is not a function; write x*(...) to multiply",
        "sin x; 1; 0; function 'sin' needs its argument in parentheses, e.g. sin(x)",
        "Sin(x); 1; 0; unknown function 'Sin'",
        "x + \u0663; 1; 4; expected a number, a variable, a function or '(', found '\u0663'",
        "atan2(y x); 2; 8; expected ',' or ')', found 'x'",
        "sin(x y); 1; 6; expected ')', found 'y'",
    })
    void syntaxErrorsNameTheFormulaAndPosition(String text, int d, int position, String detail) {
        FormulaException e = assertThrows(FormulaException.class, () -> Formula.parse(text, d));
        assertEquals(position, e.position(), e.getMessage());
        assertTrue(e.detail().startsWith(detail), e.getMessage());
        assertTrue(e.getMessage().startsWith("formula '" + text + "' at position " + position + ": " + detail), e.getMessage());
        assertEquals(text, e.formula());
    }

    @Test
    void theBriefsExampleMessage() {
        FormulaException e = assertThrows(FormulaException.class, () -> Formula.parse("sin(pi*x", 2));
        assertEquals("formula 'sin(pi*x' at position 8: expected ')', found end of formula", e.getMessage());
    }

    @Test
    void deepNestingIsRejectedWithoutOverflowingTheStack() {
        String parens = "(".repeat(300) + "x" + ")".repeat(300);
        assertTrue(assertThrows(FormulaException.class, () -> Formula.parse(parens, 1)).getMessage().contains("deeper than 200"));
        String nestedSum = "(x+".repeat(300) + "x" + ")".repeat(300);
        assertTrue(assertThrows(FormulaException.class, () -> Formula.parse(nestedSum, 1)).getMessage()
                .contains("deeper than 200"));
        String minus = "-".repeat(5000) + "x";
        assertTrue(assertThrows(FormulaException.class, () -> Formula.parse(minus, 1)).getMessage().contains("deeper than 200"));
        String powers = "x" + "^x".repeat(5000);
        assertTrue(assertThrows(FormulaException.class, () -> Formula.parse(powers, 1)).getMessage().contains("deeper than 200"));
        // Long but shallow chains of constants fold as they go and are fine.
        assertEquals(5001, eval("1" + "+1".repeat(5000)), 0);
        // The message shows only the start of a long formula.
        String message = assertThrows(FormulaException.class, () -> Formula.parse(powers, 1)).getMessage();
        assertTrue(message.length() < 250, message);
    }

    /** A long sum or product is one level of nesting, however long: CAS output has thousands of terms. */
    @Test
    void longFlatSumsAndProductsAreNotNesting() {
        String sum = "x" + "+x".repeat(5000);
        assertEquals(5001 * 0.5, eval(sum, 0.5), 1e-9);
        String terms = "sin(x)*cos(y)" + " - x^2*y/3 + 2*sin(x)*cos(y)".repeat(400);
        Formula f = Formula.parse(terms, 2);
        assertEquals(801 * Math.sin(0.3) * Math.cos(0.4) - 400 * 0.09 * 0.4 / 3, f.evaluate(0.3, 0.4), 1e-10);
        String product = "x" + "*x".repeat(300);
        assertEquals(Math.pow(1.001, 301), eval(product, 1.001), 1e-12);
        // nesting inside the terms still counts: 199 levels of parentheses plus the sum are fine
        String deep = "(".repeat(198) + "x" + ")".repeat(198) + "+x".repeat(1000);
        assertEquals(1001, eval(deep, 1), 0.0);
    }

    /** A chain applies exactly the operations of the nested binary nodes it replaces. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "2 - x*3 + y/7 - 5 + x*y - 0.3",
        "x*2/y*3/x*0.5",
        "3/x - 2 + y",
        "2 - x - y - 1",
        "2 / x * y / 3",
        "1 + 2 + x + 3 + y",
        "x + 1 + 2 - y * 4",
        "-x - y - sin(x*y) + 7",
    })
    void chainsAreBitIdenticalToNestedBinaryNodes(String text) {
        Node chain = Parser.parse(text, 2);
        Node nested = nested(chain);
        assertEquals(chain.structure(), nested.structure());
        DSFactory factory = new DSFactory(2, 2);
        for (double[] z : new double[][] {{0.3, -0.7}, {1.7, 2.9}, {-0.11, 0.05}}) {
            assertEquals(nested.value(z), chain.value(z), 0.0, text);
            DerivativeStructure[] ds = {factory.variable(0, z[0]), factory.variable(1, z[1])};
            double[] a = nested.value(ds).getAllDerivatives();
            double[] b = chain.value(ds).getAllDerivatives();
            for (int k = 0; k < a.length; k++) {
                assertEquals(a[k], b[k], 0.0, text + " derivative " + k);
            }
        }
    }

    /** The same tree with every chain rewritten as left-nested binary nodes. */
    private static Node nested(Node node) {
        if (node instanceof Node.Chain c) {
            Node left = nested(c.first());
            for (int i = 0; i < c.operands().length; i++) {
                left = new Node.Binary(c.operators()[i], left, nested(c.operands()[i]));
            }
            return left;
        }
        if (node instanceof Node.Binary b) {
            return new Node.Binary(b.operator(), nested(b.left()), nested(b.right()));
        }
        if (node instanceof Node.Negation n) {
            return new Node.Negation(nested(n.operand()));
        }
        if (node instanceof Node.Call1 c) {
            return new Node.Call1(c.function(), nested(c.argument()));
        }
        return node;
    }

    @Test
    void badArguments() {
        assertThrows(IllegalArgumentException.class, () -> Formula.parse("x", 0));
        assertThrows(IllegalArgumentException.class, () -> Formula.parse("x", 4));
        assertThrows(NullPointerException.class, () -> Formula.parse(null, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Formula.parse("x+y", 2).evaluate(1, 2, 3));
        assertEquals("formula 'x+y' is 2-D, got a point of length 3", e.getMessage());
        Field f = FormulaField.parse("x+y", 2);
        assertThrows(IllegalArgumentException.class, () -> f.derivatives(new double[1], new double[5]));
    }

    @Test
    void indexedVariablesServeEveryDimensionAndAliasXyzUpTo3D() {
        assertEquals(0.3 + 2 * 0.4, Formula.parse("x1 + 2*y", 2).evaluate(new double[] {0.3, 0.4}), 1e-15);
        assertEquals(0.3 * 0.5, Formula.parse("x*x3", 3).evaluate(new double[] {0.3, 0.4, 0.5}), 1e-15);
        double[] z = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
        assertEquals(0.1 + 1.0, Formula.parse("x1 + x10", 10).evaluate(z), 1e-15);
        FormulaException e = org.junit.jupiter.api.Assertions.assertThrows(FormulaException.class,
                () -> Formula.parse("x + x1", 5));
        assertTrue(e.getMessage().contains("variable 'x' is not available in a 5-D problem (variables: x1, ..., x5)"),
                e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(FormulaException.class, () -> Formula.parse("x6", 5));
        assertTrue(e.getMessage().contains("variable 'x6' is not available in a 5-D problem"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(FormulaException.class, () -> Formula.parse("x01", 5));
        assertTrue(e.getMessage().contains("unknown variable 'x01'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Formula.parse("1", 11));
    }

    @Test
    void conditionalsChooseABranchWithItsDerivatives() {
        Formula f = Formula.parse("if(z < 0.5, 64, 100)", 3);
        assertEquals(64, f.evaluate(new double[] {0, 0, 0.4}));
        assertEquals(100, f.evaluate(new double[] {0, 0, 0.5}));
        assertEquals(100, Formula.parse("if(z <= 0.5, 100, 64)", 3).evaluate(new double[] {0, 0, 0.5}));
        assertEquals(2, Formula.parse("if(x > 0, 1, 2)", 1).evaluate(new double[] {0}));
        assertEquals(1, Formula.parse("if(x >= 0, 1, 2)", 1).evaluate(new double[] {0}));
        Field g = FormulaField.parse("if(x^2 + y^2 < 1, sin(x)*y, x^3)", 2);
        double[] out = new double[5];
        g.derivatives(new double[] {0.3, 0.4}, out);
        assertEquals(Math.sin(0.3) * 0.4, out[0], 1e-15);
        assertEquals(Math.cos(0.3) * 0.4, out[1], 1e-15);
        assertEquals(Math.sin(0.3), out[2], 1e-15);
        assertEquals(-Math.sin(0.3) * 0.4, out[3], 1e-15);
        g.derivatives(new double[] {1.5, 0.4}, out);
        assertEquals(1.5 * 1.5 * 1.5, out[0], 1e-14);
        assertEquals(3 * 1.5 * 1.5, out[1], 1e-14);
        assertEquals(6 * 1.5, out[3], 1e-14);
        assertEquals(0, out[4]);
        assertTrue(Formula.parse("if(1 < 2, 3, 4)", 1).isConstant());
        assertEquals(3, Formula.parse("if(1 < 2, 3, 4)", 1).constantValue());
        for (String[] bad : new String[][] {
            {"if(x, 1, 2)", "expected a comparison (<, <=, >, >=) in the condition of if, found ','"},
            {"if(x < 1, 2)", "if takes a condition and two values"},
            {"if(x == 1, 2, 3)", "expected a comparison (<, <=, >, >=) in the condition of if, found '='"},
            {"if(x < 1, 2, 3, 4)", "expected ')', found ','"}}) {
            FormulaException e = org.junit.jupiter.api.Assertions.assertThrows(FormulaException.class,
                    () -> Formula.parse(bad[0], 1));
            assertTrue(e.getMessage().contains(bad[1]), e.getMessage());
        }
    }
}
