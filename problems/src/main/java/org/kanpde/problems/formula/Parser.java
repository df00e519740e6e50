package org.kanpde.problems.formula;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Recursive-descent parser for formulas:
 * <pre>
 *   expression := term (('+' | '-') term)*
 *   term       := unary (('*' | '/') unary)*
 *   unary      := ('+' | '-') unary | power
 *   power      := primary ('^' unary)?
 *   primary    := number | constant | variable | function '(' expression (',' expression)* ')'
 *               | 'if' '(' expression comparison expression ',' expression ',' expression ')'
 *               | '(' expression ')'
 *   comparison := '&lt;' | '&lt;=' | '&gt;' | '&gt;='
 * </pre>
 * Variables are {@code x1 ... xd}, and up to 3-D also {@code x, y, z}. {@code if(c, a, b)} is a
 * if the comparison c holds and b otherwise; its derivatives are those of the chosen branch.
 * so {@code ^} is right-associative and binds tighter than unary minus ({@code -x^2 = -(x^2)}),
 * while {@code 2^-x} still reads as {@code 2^(-x)}. Subtrees without variables are folded into
 * constants, which is how {@code x^(1+1)} and {@code x^-2} become integer powers;
 * {@code pow(a, b)} builds the same node as {@code a^b}. The number of arguments is checked
 * against the function after parsing them, so the message can say how many were given.
 */
final class Parser {

    /**
     * Deeper trees are rejected: evaluation recurses once per level. Parentheses, function calls,
     * unary signs and powers nest; a long sum or product is one level ({@link Node.Chain}).
     */
    static final int MAX_DEPTH = 200;

    private static final String[] VARIABLES = {"x", "y", "z"};

    private final String text;
    private final int dimension;
    private int pos;
    private int nesting;

    /** A node with the height of its tree, so depth is checked without another recursion. */
    private record Parsed(Node node, int depth) {
    }

    private Parser(String text, int dimension) {
        this.text = text;
        this.dimension = dimension;
    }

    /** Parses a whole formula in the variables of a {@code dimension}-D problem. */
    static Node parse(String text, int dimension) {
        Parser p = new Parser(text, dimension);
        Parsed result = p.expression();
        p.skipSpace();
        if (p.pos < text.length()) {
            char c = text.charAt(p.pos);
            throw p.error(p.pos, c == ')' ? "unmatched ')'"
                    : "expected an operator or the end of the formula, found '" + c + "'");
        }
        return result.node();
    }

    private Parsed expression() {
        enter();
        ChainBuilder sum = new ChainBuilder(term());
        while (true) {
            skipSpace();
            char c = peek();
            if (c != '+' && c != '-') {
                break;
            }
            pos++;
            sum.add(c, term());
        }
        nesting--;
        return sum.build();
    }

    private Parsed term() {
        ChainBuilder product = new ChainBuilder(unary());
        while (true) {
            skipSpace();
            char c = peek();
            if (c != '*' && c != '/') {
                break;
            }
            pos++;
            if (c == '*' && peek() == '*') {
                throw error(pos - 1, "'**' is not an operator; write powers with ^");
            }
            product.add(c, unary());
        }
        return product.build();
    }

    /**
     * Collects a left-associative chain such as {@code a + b - c + ...}. A constant prefix folds
     * as it grows (so {@code 1+1+...+1} stays one constant); the rest becomes one {@link Node.Chain}
     * (one {@link Node.Binary} for a single operator). The chain counts as one level of nesting
     * above its deepest operand, however long it is: it is evaluated in a loop, not by recursion.
     */
    private final class ChainBuilder {
        private Parsed first;
        private final StringBuilder operators = new StringBuilder();
        private final List<Node> operands = new ArrayList<>();
        private int depth;

        ChainBuilder(Parsed first) {
            this.first = first;
            this.depth = first.depth();
        }

        void add(char operator, Parsed right) {
            if (operands.isEmpty() && first.node().isConstant() && right.node().isConstant()) {
                first = fold(new Node.Binary(operator, first.node(), right.node()), 1);
                depth = first.depth();
                return;
            }
            operators.append(operator);
            operands.add(right.node());
            depth = Math.max(depth, right.depth());
            checkDepth(depth + 1, pos);
        }

        Parsed build() {
            if (operands.isEmpty()) {
                return first;
            }
            Node node = operands.size() == 1 ? new Node.Binary(operators.charAt(0), first.node(), operands.get(0))
                    : new Node.Chain(first.node(), operators.toString().toCharArray(), operands.toArray(new Node[0]));
            return new Parsed(node, depth + 1);
        }
    }

    private Parsed unary() {
        skipSpace();
        char c = peek();
        if (c == '-' || c == '+') {
            pos++;
            enter();
            Parsed operand = unary();
            nesting--;
            if (c == '+') {
                return operand;
            }
            checkDepth(operand.depth() + 1, pos);
            return fold(new Node.Negation(operand.node()), operand.depth() + 1);
        }
        return power();
    }

    private Parsed power() {
        Parsed base = primary();
        skipSpace();
        if (peek() != '^') {
            return base;
        }
        int at = pos;
        pos++;
        enter();
        Parsed exponent = unary();
        nesting--;
        int depth = Math.max(base.depth(), exponent.depth()) + 1;
        checkDepth(depth, at);
        return fold(power(base.node(), exponent.node()), depth);
    }

    /** base^exponent, as an integer power when the exponent is a constant integer. */
    private static Node power(Node base, Node exponent) {
        if (exponent instanceof Node.Constant) {
            double n = ((Node.Constant) exponent).number();
            if (n == Math.rint(n) && Math.abs(n) <= 1 << 20) {
                return new Node.IntegerPower(base, (int) n);
            }
        }
        return new Node.Power(base, exponent);
    }

    private Parsed primary() {
        skipSpace();
        int start = pos;
        char c = peek();
        if (c == '(') {
            pos++;
            Parsed inner = expression();
            expect(')');
            return inner;
        }
        if (isDigit(c) || c == '.') {
            return new Parsed(new Node.Constant(number()), 1);
        }
        if (Character.isLetter(c) || c == '_') {
            String name = name();
            skipSpace();
            if (peek() == '(') {
                return name.equals("if") ? conditional(start) : call(name, start);
            }
            return new Parsed(symbol(name, start), 1);
        }
        throw error(start, "expected a number, a variable, a function or '(', found " + describe(start));
    }

    private Parsed conditional(int start) {
        pos++;
        enter();
        Parsed left = expression();
        skipSpace();
        int at = pos;
        char c = peek();
        if (c != '<' && c != '>') {
            throw error(at, "expected a comparison (<, <=, >, >=) in the condition of if, found " + describe(at));
        }
        pos++;
        String operator = String.valueOf(c);
        if (peek() == '=') {
            pos++;
            operator += "=";
        }
        Parsed right = expression();
        expect(',');
        Parsed then = expression();
        skipSpace();
        if (peek() != ',') {
            throw error(pos, "if takes a condition and two values, if(condition, value, otherwise); expected ',', found "
                    + describe(pos));
        }
        pos++;
        Parsed otherwise = expression();
        expect(')');
        nesting--;
        int depth = Math.max(Math.max(left.depth(), right.depth()), Math.max(then.depth(), otherwise.depth())) + 1;
        checkDepth(depth, start);
        return fold(new Node.Conditional(left.node(), operator, right.node(), then.node(), otherwise.node()), depth);
    }

    private Parsed call(String name, int start) {
        MathFunction f = MathFunction.named(name);
        if (f == null) {
            if (isVariableOrConstant(name)) {
                throw error(start, "'" + name + "' is not a function; write " + name + "*(...) to multiply");
            }
            throw error(start, "unknown function '" + name + "'; functions: " + MathFunction.names());
        }
        pos++;
        List<Parsed> args = new ArrayList<>();
        while (true) {
            args.add(expression());
            skipSpace();
            if (peek() == ',') {
                pos++;
                continue;
            }
            if (peek() != ')') {
                throw error(pos, "expected " + (args.size() < f.arity() ? "',' or ')'" : "')'") + ", found " + describe(pos));
            }
            pos++;
            break;
        }
        if (args.size() != f.arity()) {
            throw error(start, "function '" + name + "' takes " + f.arity() + " argument" + (f.arity() == 1 ? "" : "s")
                    + ", got " + args.size());
        }
        Parsed first = args.get(0);
        Parsed second = args.size() > 1 ? args.get(1) : null;
        int depth = Math.max(first.depth(), second == null ? 0 : second.depth()) + 1;
        checkDepth(depth, start);
        Node node;
        if (f == MathFunction.POW) {
            node = power(first.node(), second.node());
        } else if (second == null) {
            node = new Node.Call1(f, first.node());
        } else {
            node = new Node.Call2(f, first.node(), second.node());
        }
        return fold(node, depth);
    }

    private Node symbol(String name, int start) {
        switch (name) {
            case "pi":
                return new Node.Constant(Math.PI);
            case "e":
                return new Node.Constant(Math.E);
            default:
                break;
        }
        int indexed = indexedVariable(name);
        if (indexed >= 0) {
            if (indexed >= dimension) {
                throw error(start, "variable '" + name + "' is not available in a " + dimension
                        + "-D problem (variables: " + variableList() + ")");
            }
            return new Node.Variable(indexed, name);
        }
        for (int k = 0; k < VARIABLES.length; k++) {
            if (VARIABLES[k].equals(name)) {
                if (k >= dimension || dimension > VARIABLES.length) {
                    throw error(start, "variable '" + name + "' is not available in a " + dimension
                            + "-D problem (variables: " + variableList() + ")");
                }
                return new Node.Variable(k, name);
            }
        }
        if (MathFunction.named(name) != null) {
            throw error(start, "function '" + name + "' needs its argument in parentheses, e.g. " + name + "(x)");
        }
        throw error(start, "unknown variable '" + name + "'; variables: " + variableList() + "; constants: pi, e");
    }

    private static boolean isVariableOrConstant(String name) {
        return name.equals("pi") || name.equals("e") || name.equals("x") || name.equals("y") || name.equals("z")
                || indexedVariable(name) >= 0;
    }

    /** The index k of a variable named x(k+1) (x1 to x99, no leading zero), else -1. */
    private static int indexedVariable(String name) {
        if (name.length() < 2 || name.length() > 3 || name.charAt(0) != 'x' || name.charAt(1) == '0') {
            return -1;
        }
        for (int i = 1; i < name.length(); i++) {
            if (!isDigit(name.charAt(i))) {
                return -1;
            }
        }
        return Integer.parseInt(name.substring(1)) - 1;
    }

    private String variableList() {
        if (dimension > VARIABLES.length) {
            return "x1, ..., x" + dimension;
        }
        StringBuilder aliases = new StringBuilder();
        for (int k = 0; k < dimension; k++) {
            aliases.append(", x").append(k + 1);
        }
        return String.join(", ", Arrays.copyOf(VARIABLES, dimension)) + " (or" + aliases.substring(1) + ")";
    }

    private double number() {
        int start = pos;
        while (isDigit(peek())) {
            pos++;
        }
        if (peek() == '.') {
            pos++;
            while (isDigit(peek())) {
                pos++;
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                // Not an exponent after all: report the whole token, e.g. "2e" or "1e+".
                while (Character.isLetterOrDigit(peek()) || peek() == '+' || peek() == '-') {
                    pos++;
                }
                throw error(start, "malformed number '" + text.substring(start, pos) + "'");
            }
            while (isDigit(peek())) {
                pos++;
            }
        }
        String token = text.substring(start, pos);
        if (token.equals(".")) {
            throw error(start, "malformed number '.'");
        }
        if (Character.isLetter(peek()) || peek() == '_' || peek() == '.') {
            throw error(pos, "expected an operator after the number '" + token + "', found " + describe(pos));
        }
        double value = Double.parseDouble(token);
        if (!Double.isFinite(value)) {
            throw error(start, "number '" + token + "' is too large");
        }
        return value;
    }

    private String name() {
        int start = pos;
        while (Character.isLetterOrDigit(peek()) || peek() == '_') {
            pos++;
        }
        return text.substring(start, pos);
    }

    private void expect(char c) {
        skipSpace();
        if (peek() != c) {
            throw error(pos, "expected '" + c + "', found " + describe(pos));
        }
        pos++;
    }

    /** Folds a node without variables into a constant. */
    private Parsed fold(Node node, int depth) {
        if (node.isConstant()) {
            return new Parsed(new Node.Constant(node.value(new double[0])), 1);
        }
        return new Parsed(node, depth);
    }

    private void enter() {
        if (++nesting > MAX_DEPTH) {
            throw error(pos, "formula nests deeper than " + MAX_DEPTH + " levels");
        }
    }

    private void checkDepth(int depth, int at) {
        if (depth > MAX_DEPTH) {
            throw error(at, "formula nests deeper than " + MAX_DEPTH + " levels");
        }
    }

    /** ASCII digits only: Double.parseDouble rejects other Unicode digits. */
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    /** The current character, or 0 at the end. */
    private char peek() {
        return pos < text.length() ? text.charAt(pos) : 0;
    }

    private String describe(int at) {
        return at < text.length() ? "'" + text.charAt(at) + "'" : "end of formula";
    }

    private FormulaException error(int at, String detail) {
        return new FormulaException(text, at, detail);
    }
}
