package org.kanpde.interpret.symbolic;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A {@link SymbolicKan} written out as one formula u(x, y, ...), in plain text and in LaTeX, with
 * its constants rounded to a number of decimal places; the formula can also be evaluated, with
 * exactly the rounded constants it prints.
 *
 * <p>Every node is kept as a linear combination const + sum_k coef_k atom_k, where an atom is an
 * input variable, a symbolic function of a linear combination, or an unfixed spline edge of one.
 * Building the nodes layer by layer simplifies where it is cheap:
 * <ul>
 * <li>affine chains fold: an edge c (a t + b) + d of a linear combination t is linear again, and
 *     constants from all edges into a node merge;</li>
 * <li>zero edges, zero functions, terms and constants that round to 0 disappear; a function of a
 *     constant becomes a constant;</li>
 * <li>odd and even functions take arguments whose first term is positive
 *     (cos(-t) = cos(t), sin(-t) = -sin(t)), so equal atoms from different edges merge;</li>
 * <li>a phase of sin or cos that equals a multiple of pi/2 to the printed digits turns into the
 *     other function or a sign (sin(t + pi/2) = cos(t), cos(t + pi) = -cos(t), ...).</li>
 * </ul>
 * Unfixed spline edges print as named functions {@code phi_{l,j,i}(...)}: layer l, output node j,
 * input node i, all from 0 as in {@link SymbolicKan#edge}. Without spline edges the plain text uses
 * the grammar of KAN-PDE's problem files (variables x, y, z for d &lt;= 3, x1 .. xd beyond).
 *
 * <p>Immutable and thread-safe.
 */
public final class SymbolicFormula {
    private final Linear root;
    private final int digits;
    private final String[] variables;
    private final SymbolicKan net;

    private SymbolicFormula(Linear root, int digits, String[] variables, SymbolicKan net) {
        this.root = root;
        this.digits = digits;
        this.variables = variables;
        this.net = net;
    }

    /**
     * The formula of a network with constants rounded to {@code digits} decimal places
     * (0 .. 17) and the default variable names.
     */
    public static SymbolicFormula of(SymbolicKan net, int digits) {
        int d = net.inputDimension();
        String[] names = new String[d];
        for (int k = 0; k < d; k++) {
            names[k] = d <= 3 ? String.valueOf("xyz".charAt(k)) : "x" + (k + 1);
        }
        return of(net, digits, names);
    }

    /**
     * The formula of a network with constants rounded to {@code digits} decimal places and the
     * given variable names (one per input).
     *
     * @throws IllegalArgumentException if digits is outside 0 .. 17 or the names do not match the input dimension
     */
    public static SymbolicFormula of(SymbolicKan net, int digits, String... variables) {
        if (digits < 0 || digits > 17) {
            throw new IllegalArgumentException("digits must be in [0, 17], got " + digits);
        }
        if (variables.length != net.inputDimension()) {
            throw new IllegalArgumentException("need " + net.inputDimension() + " variable names, got "
                    + Arrays.toString(variables));
        }
        SymbolicKan copy = net.copy();
        int[] widths = copy.widths();
        Linear[] nodes = new Linear[widths[0]];
        for (int i = 0; i < widths[0]; i++) {
            nodes[i] = Linear.of(new Variable(i), 1.0);
        }
        double[] phi = new double[4];
        for (int l = 0; l < copy.layerCount(); l++) {
            Linear[] next = new Linear[widths[l + 1]];
            for (int j = 0; j < widths[l + 1]; j++) {
                Linear acc = Linear.constant(0);
                for (int i = 0; i < widths[l]; i++) {
                    Linear x = nodes[i];
                    EdgeKind kind = copy.kind(l, j, i);
                    if (kind == EdgeKind.ZERO) {
                        continue;
                    }
                    if (kind == EdgeKind.SPLINE) {
                        if (x.terms.isEmpty()) {
                            copy.edge(l, j, i, x.constant, phi);
                            acc = acc.plus(Linear.constant(phi[0]));
                        } else {
                            acc = acc.plus(Linear.of(new Spline(l, j, i, x), 1.0));
                        }
                        continue;
                    }
                    SymbolicFunction f = copy.function(l, j, i);
                    double[] v = copy.constants(l, j, i);
                    double a = v[0];
                    double b = v[1];
                    double c = v[2];
                    double d = v[3];
                    if (f == SymbolicFunction.X) {
                        acc = acc.plus(x.affine(c * a, c * b + d));
                        continue;
                    }
                    if (f == SymbolicFunction.ZERO || c == 0) {
                        acc = acc.plus(Linear.constant(d));
                        continue;
                    }
                    Linear inner = x.affine(a, b);
                    if (inner.terms.isEmpty()) {
                        acc = acc.plus(Linear.constant(c * f.value(inner.constant) + d));
                        continue;
                    }
                    acc = acc.plus(Linear.of(new Apply(f, inner), c)).plus(Linear.constant(d));
                }
                next[j] = acc;
            }
            nodes = next;
        }
        // constants are rounded once, where they finally stand, so that rounding errors do not
        // grow through the layers
        return new SymbolicFormula(nodes[0].rounded(digits, copy), digits, variables.clone(), copy);
    }

    /** The formula in plain text, e.g. {@code 0.5*cos(3.1416*x - 3.1416*y) - 0.5*cos(3.1416*x + 3.1416*y)}. */
    public String text() {
        return root.text(this);
    }

    /** The formula in LaTeX (math mode, without delimiters). */
    public String latex() {
        return root.latex(this);
    }

    /** Decimal places of the constants. */
    public int digits() {
        return digits;
    }

    /** Whether unfixed spline edges remain (printed as phi_{l,j,i}). */
    public boolean hasSplines() {
        return root.hasSplines();
    }

    /**
     * The formula's value at a point, with the rounded constants it prints (spline edges evaluated
     * from the network).
     *
     * @param z the point, one coordinate per variable
     */
    public double value(double... z) {
        if (z.length != variables.length) {
            throw new IllegalArgumentException("the formula takes " + variables.length + " coordinates, got " + z.length);
        }
        return root.value(z, new double[4], net);
    }

    @Override
    public String toString() {
        return text();
    }

    static double round(double v, int digits) {
        if (!Double.isFinite(v)) {
            return v;
        }
        return new BigDecimal(v).setScale(digits, RoundingMode.HALF_EVEN).doubleValue();
    }

    String number(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        BigDecimal x = new BigDecimal(v).setScale(digits, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return x.signum() == 0 ? "0" : x.toPlainString();
    }

    /** const + sum_k coefficients_k terms_k, terms sorted and distinct. */
    static final class Linear {
        final double constant;
        final List<Atom> terms;
        final List<Double> coefficients;

        private Linear(double constant, List<Atom> terms, List<Double> coefficients) {
            this.constant = constant;
            this.terms = terms;
            this.coefficients = coefficients;
        }

        static Linear constant(double c) {
            return new Linear(c, List.of(), List.of());
        }

        static Linear of(Atom atom, double coefficient) {
            return new Linear(0, List.of(atom), List.of(coefficient));
        }

        /** a * this + b. */
        Linear affine(double a, double b) {
            List<Double> cs = new ArrayList<>();
            for (double c : coefficients) {
                cs.add(a * c);
            }
            return new Linear(a * constant + b, terms, cs);
        }

        Linear plus(Linear other) {
            List<Atom> ts = new ArrayList<>(terms);
            List<Double> cs = new ArrayList<>(coefficients);
            ts.addAll(other.terms);
            cs.addAll(other.coefficients);
            return new Linear(constant + other.constant, ts, cs);
        }

        /**
         * Constants rounded (inside the atoms first), atoms of constant arguments folded, odd and
         * even functions given arguments with a positive first term, equal atoms merged, zero terms
         * dropped, terms sorted.
         */
        Linear rounded(int digits, SymbolicKan net) {
            double constantSum = constant;
            List<Atom> ts = new ArrayList<>();
            List<Double> cs = new ArrayList<>();
            for (int k = 0; k < terms.size(); k++) {
                Atom atom = terms.get(k).rounded(digits, net);
                double c = coefficients.get(k);
                if (atom instanceof Constant) {
                    constantSum += c * ((Constant) atom).value;
                    continue;
                }
                if (atom instanceof Negated) {
                    atom = ((Negated) atom).atom;
                    c = -c;
                }
                int at = ts.indexOf(atom);
                if (at >= 0) {
                    cs.set(at, cs.get(at) + c);
                } else {
                    ts.add(atom);
                    cs.add(c);
                }
            }
            Integer[] order = new Integer[ts.size()];
            for (int k = 0; k < order.length; k++) {
                order[k] = k;
            }
            Arrays.sort(order, Comparator.comparing(k -> ts.get(k), Atom.ORDER));
            List<Atom> sortedTerms = new ArrayList<>();
            List<Double> sortedCoefficients = new ArrayList<>();
            for (int k : order) {
                double c = round(cs.get(k), digits);
                if (c != 0) {
                    sortedTerms.add(ts.get(k));
                    sortedCoefficients.add(c);
                }
            }
            return new Linear(round(constantSum, digits) + 0.0, List.copyOf(sortedTerms), List.copyOf(sortedCoefficients));
        }

        boolean hasSplines() {
            for (Atom t : terms) {
                if (t.hasSplines()) {
                    return true;
                }
            }
            return false;
        }

        double value(double[] z, double[] work, SymbolicKan net) {
            double sum = constant;
            for (int k = 0; k < terms.size(); k++) {
                sum += coefficients.get(k) * terms.get(k).value(z, work, net);
            }
            return sum;
        }

        /** A deterministic key for sorting. */
        String key() {
            StringBuilder sb = new StringBuilder("[");
            for (int k = 0; k < terms.size(); k++) {
                sb.append(terms.get(k).rank()).append(terms.get(k).sortKey()).append(':').append(coefficients.get(k)).append(';');
            }
            return sb.append(constant).append(']').toString();
        }

        /** Whether this is one term with coefficient 1 and no constant. */
        boolean isAtom() {
            return constant == 0 && terms.size() == 1 && coefficients.get(0) == 1.0;
        }

        /** Term indices in print order: the positive terms first (so a sum rarely starts with a minus), then the others. */
        private int[] printOrder() {
            int[] order = new int[terms.size()];
            int n = 0;
            for (int pass = 0; pass < 2; pass++) {
                for (int k = 0; k < terms.size(); k++) {
                    if ((coefficients.get(k) > 0) == (pass == 0)) {
                        order[n++] = k;
                    }
                }
            }
            return order;
        }

        String text(SymbolicFormula form) {
            StringBuilder sb = new StringBuilder();
            int[] order = printOrder();
            for (int t = 0; t < order.length; t++) {
                double c = coefficients.get(order[t]);
                String atom = terms.get(order[t]).text(form);
                String mag = form.number(Math.abs(c));
                sign(sb, c < 0, t == 0);
                sb.append(mag.equals("1") ? atom : mag + "*" + atom);
            }
            appendConstant(sb, form);
            return sb.toString();
        }

        String latex(SymbolicFormula form) {
            StringBuilder sb = new StringBuilder();
            int[] order = printOrder();
            for (int t = 0; t < order.length; t++) {
                double c = coefficients.get(order[t]);
                String atom = terms.get(order[t]).latex(form);
                String mag = form.number(Math.abs(c));
                sign(sb, c < 0, t == 0);
                sb.append(mag.equals("1") ? atom : mag + " " + atom);
            }
            appendConstant(sb, form);
            return sb.toString();
        }

        private void appendConstant(StringBuilder sb, SymbolicFormula form) {
            if (constant != 0 || terms.isEmpty()) {
                sign(sb, constant < 0, terms.isEmpty());
                sb.append(form.number(Math.abs(constant)));
            }
        }

        private static void sign(StringBuilder sb, boolean negative, boolean first) {
            if (first) {
                if (negative) {
                    sb.append('-');
                }
            } else {
                sb.append(negative ? " - " : " + ");
            }
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Linear)) {
                return false;
            }
            Linear other = (Linear) o;
            return constant == other.constant && terms.equals(other.terms) && coefficients.equals(other.coefficients);
        }

        @Override
        public int hashCode() {
            return Objects.hash(constant, terms, coefficients);
        }
    }

    /** A variable, a function of a linear combination, or a spline edge of one. */
    abstract static class Atom {
        static final Comparator<Atom> ORDER = Comparator.comparingInt(Atom::rank).thenComparing(Atom::sortKey);

        abstract int rank();

        abstract String sortKey();

        abstract double value(double[] z, double[] work, SymbolicKan net);

        abstract String text(SymbolicFormula form);

        abstract String latex(SymbolicFormula form);

        /** Whether the plain text needs no parentheses as an argument or a power's base. */
        abstract boolean simpleText();

        /** Whether the LaTeX needs no parentheses as a power's base. */
        abstract boolean simpleLatex();

        abstract boolean hasSplines();

        /**
         * This atom with rounded constants: an atom, a {@link Negated} atom (odd function of a
         * negated argument) or a {@link Constant} (function of a constant).
         */
        abstract Atom rounded(int digits, SymbolicKan net);
    }

    /** A rounding result only: -atom. */
    static class Negated extends Atom {
        final Atom atom;

        Negated(Atom atom) {
            this.atom = atom;
        }

        @Override
        int rank() {
            throw new UnsupportedOperationException();
        }

        @Override
        String sortKey() {
            throw new UnsupportedOperationException();
        }

        @Override
        double value(double[] z, double[] work, SymbolicKan net) {
            throw new UnsupportedOperationException();
        }

        @Override
        String text(SymbolicFormula form) {
            throw new UnsupportedOperationException();
        }

        @Override
        String latex(SymbolicFormula form) {
            throw new UnsupportedOperationException();
        }

        @Override
        boolean simpleText() {
            throw new UnsupportedOperationException();
        }

        @Override
        boolean simpleLatex() {
            throw new UnsupportedOperationException();
        }

        @Override
        boolean hasSplines() {
            throw new UnsupportedOperationException();
        }

        @Override
        Atom rounded(int digits, SymbolicKan net) {
            throw new UnsupportedOperationException();
        }
    }

    /** A rounding result only: a constant. */
    static final class Constant extends Negated {
        final double value;

        Constant(double value) {
            super(null);
            this.value = value;
        }
    }

    static final class Variable extends Atom {
        final int index;

        Variable(int index) {
            this.index = index;
        }

        @Override
        int rank() {
            return 0;
        }

        @Override
        String sortKey() {
            return String.format("%06d", index);
        }

        @Override
        double value(double[] z, double[] work, SymbolicKan net) {
            return z[index];
        }

        @Override
        String text(SymbolicFormula form) {
            return form.variables[index];
        }

        @Override
        String latex(SymbolicFormula form) {
            String name = form.variables[index];
            return name.length() > 1 && name.startsWith("x") ? "x_{" + name.substring(1) + "}" : name;
        }

        @Override
        boolean simpleText() {
            return true;
        }

        @Override
        boolean simpleLatex() {
            return true;
        }

        @Override
        boolean hasSplines() {
            return false;
        }

        @Override
        Atom rounded(int digits, SymbolicKan net) {
            return this;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Variable && ((Variable) o).index == index;
        }

        @Override
        public int hashCode() {
            return index;
        }
    }

    static final class Apply extends Atom {
        final SymbolicFunction function;
        final Linear inner;

        Apply(SymbolicFunction function, Linear inner) {
            this.function = function;
            this.inner = inner;
        }

        @Override
        int rank() {
            return 1;
        }

        @Override
        String sortKey() {
            return String.format("%03d", function.ordinal()) + inner.key();
        }

        @Override
        double value(double[] z, double[] work, SymbolicKan net) {
            return function.value(inner.value(z, work, net));
        }

        @Override
        String text(SymbolicFormula form) {
            boolean simple = inner.isAtom() && inner.terms.get(0).simpleText();
            return function.text(inner.text(form), simple);
        }

        @Override
        String latex(SymbolicFormula form) {
            boolean simple = inner.isAtom() && inner.terms.get(0).simpleLatex();
            return function.latex(inner.latex(form), simple);
        }

        @Override
        boolean simpleText() {
            switch (function) {
                case X2:
                case X3:
                case X4:
                case X5:
                case INVERSE:
                case SIGMOID:
                    return false;
                default:
                    return true;
            }
        }

        @Override
        boolean simpleLatex() {
            switch (function) {
                case LOG:
                case SIN:
                case COS:
                case TAN:
                case TANH:
                case ABS:
                case ARCTAN:
                case SINH:
                case SQRT:
                    return true;
                default:
                    return false;
            }
        }

        @Override
        boolean hasSplines() {
            return inner.hasSplines();
        }

        @Override
        Atom rounded(int digits, SymbolicKan net) {
            Linear r = inner.rounded(digits, net);
            if (r.terms.isEmpty()) {
                return new Constant(function.value(r.constant));
            }
            SymbolicFunction f = function;
            boolean negative = false;
            if (f == SymbolicFunction.SIN || f == SymbolicFunction.COS) {
                // a phase that is a multiple of pi/2 to the printed digits: sin(t + pi/2) = cos(t), ...
                double quarter = Math.rint(r.constant / (Math.PI / 2));
                if (quarter != 0 && Math.abs(r.constant - quarter * Math.PI / 2) <= 0.5 * Math.pow(10, -digits)) {
                    int k = (int) (((long) quarter % 4 + 4) % 4);
                    boolean sin = f == SymbolicFunction.SIN;
                    // sin: +k quarter periods -> sin, cos, -sin, -cos; cos: cos, -sin, -cos, sin
                    f = (k % 2 == 0) == sin ? SymbolicFunction.SIN : SymbolicFunction.COS;
                    negative = sin ? k >= 2 : (k == 1 || k == 2);
                    r = new Linear(0.0, r.terms, r.coefficients);
                }
            }
            if (r.coefficients.get(0) < 0 && f.parity() != SymbolicFunction.Parity.NONE) {
                r = r.affine(-1, 0);
                negative ^= f.parity() == SymbolicFunction.Parity.ODD;
            }
            Apply out = new Apply(f, r);
            return negative ? new Negated(out) : out;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Apply && ((Apply) o).function == function && ((Apply) o).inner.equals(inner);
        }

        @Override
        public int hashCode() {
            return Objects.hash(function, inner);
        }
    }

    static final class Spline extends Atom {
        final int layer;
        final int output;
        final int input;
        final Linear inner;

        Spline(int layer, int output, int input, Linear inner) {
            this.layer = layer;
            this.output = output;
            this.input = input;
            this.inner = inner;
        }

        @Override
        int rank() {
            return 2;
        }

        @Override
        String sortKey() {
            return String.format("%04d,%06d,%06d", layer, output, input) + inner.key();
        }

        @Override
        double value(double[] z, double[] work, SymbolicKan net) {
            net.edge(layer, output, input, inner.value(z, work, net), work);
            return work[0];
        }

        @Override
        String text(SymbolicFormula form) {
            return "phi_{" + layer + "," + output + "," + input + "}(" + inner.text(form) + ")";
        }

        @Override
        String latex(SymbolicFormula form) {
            return "\\phi_{" + layer + "," + output + "," + input + "}\\left(" + inner.latex(form) + "\\right)";
        }

        @Override
        boolean simpleText() {
            return true;
        }

        @Override
        boolean simpleLatex() {
            return true;
        }

        @Override
        boolean hasSplines() {
            return true;
        }

        @Override
        Atom rounded(int digits, SymbolicKan net) {
            Linear r = inner.rounded(digits, net);
            if (r.terms.isEmpty()) {
                double[] out = new double[4];
                net.edge(layer, output, input, r.constant, out);
                return new Constant(out[0]);
            }
            return new Spline(layer, output, input, r);
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Spline)) {
                return false;
            }
            Spline s = (Spline) o;
            return s.layer == layer && s.output == output && s.input == input && s.inner.equals(inner);
        }

        @Override
        public int hashCode() {
            return Objects.hash(layer, output, input, inner);
        }
    }
}
