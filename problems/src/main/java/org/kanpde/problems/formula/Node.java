package org.kanpde.problems.formula;

import org.hipparchus.analysis.differentiation.DerivativeStructure;

/**
 * A node of a parsed formula. Every node evaluates on doubles (the fast path for values) and on
 * derivative structures (exact derivatives); both paths apply the same operations, so they agree
 * to rounding. Nodes are immutable.
 */
interface Node {

    /** The value at z; variables read z[index]. */
    double value(double[] z);

    /** The value and derivatives at z; all z[k] share one factory. */
    DerivativeStructure value(DerivativeStructure[] z);

    /** Fully parenthesized text, for tests and debugging. */
    String structure();

    /** Whether the node has no variables (and so folds into a constant). */
    boolean isConstant();

    /** A number. */
    record Constant(double number) implements Node {
        @Override
        public double value(double[] z) {
            return number;
        }

        @Override
        public DerivativeStructure value(DerivativeStructure[] z) {
            return z[0].getFactory().constant(number);
        }

        @Override
        public String structure() {
            return number == Math.rint(number) && Math.abs(number) < 1e15 ? Long.toString((long) number)
                    : Double.toString(number);
        }

        @Override
        public boolean isConstant() {
            return true;
        }
    }

    /** Coordinate {@code index} (x = 0, y = 1, z = 2). */
    record Variable(int index, String name) implements Node {
        @Override
        public double value(double[] z) {
            return z[index];
        }

        @Override
        public DerivativeStructure value(DerivativeStructure[] z) {
            return z[index];
        }

        @Override
        public String structure() {
            return name;
        }

        @Override
        public boolean isConstant() {
            return false;
        }
    }

    /**
     * {@code if(left op right, then, otherwise)} for op one of {@code < <= > >=}: the value and the
     * derivatives of the chosen branch (the comparison reads values only; NaN compares false).
     */
    record Conditional(Node left, String operator, Node right, Node then, Node otherwise) implements Node {
        private boolean holds(double a, double b) {
            switch (operator) {
                case "<":
                    return a < b;
                case "<=":
                    return a <= b;
                case ">":
                    return a > b;
                default:
                    return a >= b;
            }
        }

        @Override
        public double value(double[] z) {
            return holds(left.value(z), right.value(z)) ? then.value(z) : otherwise.value(z);
        }

        @Override
        public DerivativeStructure value(DerivativeStructure[] z) {
            double[] point = new double[z.length];
            for (int k = 0; k < z.length; k++) {
                point[k] = z[k].getValue();
            }
            return holds(left.value(point), right.value(point)) ? then.value(z) : otherwise.value(z);
        }

        @Override
        public String structure() {
            return "if(" + left.structure() + " " + operator + " " + right.structure() + ", " + then.structure() + ", "
                    + otherwise.structure() + ")";
        }

        @Override
        public boolean isConstant() {
            return left.isConstant() && right.isConstant() && then.isConstant() && otherwise.isConstant();
        }
    }

    /** -operand. */
    record Negation(Node operand) implements Node {
        @Override
        public double value(double[] z) {
            return -operand.value(z);
        }

        @Override
        public DerivativeStructure value(DerivativeStructure[] z) {
            return operand.value(z).negate();
        }

        @Override
        public String structure() {
            return "(-" + operand.structure() + ")";
        }

        @Override
        public boolean isConstant() {
            return operand.isConstant();
        }
    }

    /** left op right for op one of + - * /. */
    record Binary(char operator, Node left, Node right) implements Node {
        @Override
        public double value(double[] z) {
            return Arithmetic.apply(operator, left.value(z), right.value(z));
        }

        @Override
        public DerivativeStructure value(DerivativeStructure[] z) {
            if (right instanceof Constant) {
                return Arithmetic.apply(operator, left.value(z), ((Constant) right).number());
            }
            DerivativeStructure r = right.value(z);
            if (left instanceof Constant) {
                return Arithmetic.apply(operator, ((Constant) left).number(), r);
            }
            return Arithmetic.apply(operator, left.value(z), r);
        }

        @Override
        public String structure() {
            return "(" + left.structure() + " " + operator + " " + right.structure() + ")";
        }

        @Override
        public boolean isConstant() {
            return left.isConstant() && right.isConstant();
        }
    }

    /**
     * A left-associative chain {@code ((first op_0 operand_0) op_1 operand_1) ...} of operators of
     * one precedence ({@code + -} or {@code * /}), evaluated in a loop rather than by recursion, so
     * that a long sum or product is not a deep tree. It applies exactly the operations of the
     * equivalent nested {@link Binary} nodes, in the same order, so both give bit-identical values
     * and derivatives. Built only when the first operand is the only part that may be constant
     * (the parser folds constant prefixes).
     */
    record Chain(Node first, char[] operators, Node[] operands) implements Node {
        @Override
        public double value(double[] z) {
            double l = first.value(z);
            for (int i = 0; i < operands.length; i++) {
                l = Arithmetic.apply(operators[i], l, operands[i].value(z));
            }
            return l;
        }

        @Override
        public DerivativeStructure value(DerivativeStructure[] z) {
            // Step i is Binary(op_i, prefix, operand_i) with the prefix non-constant for i > 0, so
            // Binary's constant-operand shortcuts apply to operand_i always and to first at step 0.
            DerivativeStructure l = null;
            for (int i = 0; i < operands.length; i++) {
                char op = operators[i];
                Node right = operands[i];
                if (right instanceof Constant) {
                    l = Arithmetic.apply(op, l == null ? first.value(z) : l, ((Constant) right).number());
                    continue;
                }
                DerivativeStructure r = right.value(z);
                if (l == null && first instanceof Constant) {
                    l = Arithmetic.apply(op, ((Constant) first).number(), r);
                    continue;
                }
                l = Arithmetic.apply(op, l == null ? first.value(z) : l, r);
            }
            return l == null ? first.value(z) : l;
        }

        @Override
        public String structure() {
            StringBuilder sb = new StringBuilder();
            sb.append("(".repeat(operands.length)).append(first.structure());
            for (int i = 0; i < operands.length; i++) {
                sb.append(' ').append(operators[i]).append(' ').append(operands[i].structure()).append(')');
            }
            return sb.toString();
        }

        @Override
        public boolean isConstant() {
            if (!first.isConstant()) {
                return false;
            }
            for (Node n : operands) {
                if (!n.isConstant()) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * base^n for an integer constant n. Derivative structures use {@code pow(int)}, which stays
     * exact for negative bases where {@code exp(n log base)} would give NaN.
     */
    record IntegerPower(Node base, int exponent) implements Node {
        @Override
        public double value(double[] z) {
            double b = base.value(z);
            return exponent == 2 ? b * b : Math.pow(b, exponent);
        }

        @Override
        public DerivativeStructure value(DerivativeStructure[] z) {
            return base.value(z).pow(exponent);
        }

        @Override
        public String structure() {
            return "(" + base.structure() + " ^ " + exponent + ")";
        }

        @Override
        public boolean isConstant() {
            return base.isConstant();
        }
    }

    /** base^exponent with a non-integer or variable exponent. */
    record Power(Node base, Node exponent) implements Node {
        @Override
        public double value(double[] z) {
            return Math.pow(base.value(z), exponent.value(z));
        }

        @Override
        public DerivativeStructure value(DerivativeStructure[] z) {
            if (exponent instanceof Constant) {
                return base.value(z).pow(((Constant) exponent).number());
            }
            if (base instanceof Constant) {
                return DerivativeStructure.pow(((Constant) base).number(), exponent.value(z));
            }
            return base.value(z).pow(exponent.value(z));
        }

        @Override
        public String structure() {
            return "(" + base.structure() + " ^ " + exponent.structure() + ")";
        }

        @Override
        public boolean isConstant() {
            return base.isConstant() && exponent.isConstant();
        }
    }

    /** A call of a one-argument function. */
    record Call1(MathFunction function, Node argument) implements Node {
        @Override
        public double value(double[] z) {
            return function.apply(argument.value(z));
        }

        @Override
        public DerivativeStructure value(DerivativeStructure[] z) {
            return function.apply(argument.value(z));
        }

        @Override
        public String structure() {
            return function.functionName() + "(" + argument.structure() + ")";
        }

        @Override
        public boolean isConstant() {
            return argument.isConstant();
        }
    }

    /** A call of a two-argument function. */
    record Call2(MathFunction function, Node first, Node second) implements Node {
        @Override
        public double value(double[] z) {
            return function.apply(first.value(z), second.value(z));
        }

        @Override
        public DerivativeStructure value(DerivativeStructure[] z) {
            return function.apply(first.value(z), second.value(z));
        }

        @Override
        public String structure() {
            return function.functionName() + "(" + first.structure() + ", " + second.structure() + ")";
        }

        @Override
        public boolean isConstant() {
            return first.isConstant() && second.isConstant();
        }
    }
}
