package org.kanpde.interpret.symbolic;

/**
 * The candidate functions f of a symbolic edge c f(a x + b) + d, each with its value and first three
 * derivatives, its complexity (used to prefer simple formulas), its domain, and how it prints.
 *
 * <p><b>Canonical form.</b> Many functions make some of a, b redundant with c, d; the redundant
 * ones are fixed so that every edge has as few free constants as its formula needs:
 * <ul>
 * <li>{@link Inner#NONE}: a = 1, b = 0 (x: c (x) + d is already every line; 0: only d matters);</li>
 * <li>{@link Inner#SHIFT}: a = +-1 fixed, b free (powers, 1/x, abs, sqrt, log:
 *     (a x + b)^n = a^n (x + b/a)^n, log(a x + b) = log|a| + log(+-x + b/|a|), ...);</li>
 * <li>{@link Inner#SCALE}: b = 0, a free (exp: c e^(a x + b) = (c e^b) e^(a x));</li>
 * <li>{@link Inner#FULL}: a and b free (sin, cos, tan, tanh, gaussian, sigmoid, arctan, sinh).</li>
 * </ul>
 * Odd and even functions are also unchanged by (a, b) -&gt; (-a, -b) up to the sign of c, so fits
 * search a &gt;= 0 only. {@link #SIGMOID} is {@link #TANH} up to an affine map
 * (sigmoid(t) = (1 + tanh(t/2))/2); it is in the library because users look for it, with a higher
 * complexity so that tanh wins ties.
 *
 * <p><b>Complexities</b> follow pykan's symbolic library (x 1; x^2, 1/x, sqrt, exp, log, sin, cos 2;
 * x^3, x^4, x^5, abs, tan, tanh, gaussian 3; arctan, sigmoid 4; 0 is 0); sinh, which pykan lacks,
 * gets 4.
 *
 * <p><b>Plain text</b> uses the grammar of KAN-PDE's problem files (sin, cos, tan, atan, sinh,
 * tanh, exp, log, sqrt, abs, ^), so a formula without spline edges can be pasted into a problem
 * file as an exact solution.
 */
public enum SymbolicFunction {
    /** f(t) = t. */
    X("x", 1, Inner.NONE, Parity.ODD),
    /** f(t) = t^2. */
    X2("x^2", 2, Inner.SHIFT, Parity.EVEN),
    /** f(t) = t^3. */
    X3("x^3", 3, Inner.SHIFT, Parity.ODD),
    /** f(t) = t^4. */
    X4("x^4", 3, Inner.SHIFT, Parity.EVEN),
    /** f(t) = t^5. */
    X5("x^5", 3, Inner.SHIFT, Parity.ODD),
    /** f(t) = 1/t, for t != 0. */
    INVERSE("1/x", 2, Inner.SHIFT, Parity.ODD),
    /** f(t) = sqrt(t), for t &gt; 0. */
    SQRT("sqrt", 2, Inner.SHIFT, Parity.NONE),
    /** f(t) = e^t. */
    EXP("exp", 2, Inner.SCALE, Parity.NONE),
    /** f(t) = log(t), for t &gt; 0. */
    LOG("log", 2, Inner.SHIFT, Parity.NONE),
    /** f(t) = sin(t). */
    SIN("sin", 2, Inner.FULL, Parity.ODD),
    /** f(t) = cos(t). */
    COS("cos", 2, Inner.FULL, Parity.EVEN),
    /** f(t) = tan(t), away from the poles pi/2 + k pi. */
    TAN("tan", 3, Inner.FULL, Parity.ODD),
    /** f(t) = tanh(t). */
    TANH("tanh", 3, Inner.FULL, Parity.ODD),
    /** f(t) = |t| (its derivatives at 0 are taken as 0). */
    ABS("abs", 3, Inner.SHIFT, Parity.EVEN),
    /** f(t) = e^(-t^2). */
    GAUSSIAN("gaussian", 3, Inner.FULL, Parity.EVEN),
    /** f(t) = 1/(1 + e^(-t)). */
    SIGMOID("sigmoid", 4, Inner.FULL, Parity.NONE),
    /** f(t) = arctan(t). */
    ARCTAN("arctan", 4, Inner.FULL, Parity.ODD),
    /** f(t) = sinh(t). */
    SINH("sinh", 4, Inner.FULL, Parity.ODD),
    /** f(t) = 0: the edge is the constant d. */
    ZERO("0", 0, Inner.NONE, Parity.EVEN);

    /** Which of the inner constants a, b are free in the canonical form c f(a x + b) + d. */
    public enum Inner {
        /** a = 1, b = 0. */
        NONE,
        /** a = +-1 (fixed), b free. */
        SHIFT,
        /** a free, b = 0. */
        SCALE,
        /** a and b free. */
        FULL
    }

    /** Symmetry of f: odd f(-t) = -f(t), even f(-t) = f(t), or neither. */
    public enum Parity {
        /** f(-t) = -f(t). */
        ODD,
        /** f(-t) = f(t). */
        EVEN,
        /** Neither. */
        NONE
    }

    private final String id;
    private final int complexity;
    private final Inner inner;
    private final Parity parity;

    SymbolicFunction(String id, int complexity, Inner inner, Parity parity) {
        this.id = id;
        this.complexity = complexity;
        this.inner = inner;
        this.parity = parity;
    }

    /** Short name as in pykan's library, e.g. {@code "x^2"}, {@code "sin"}, {@code "0"}. */
    public String id() {
        return id;
    }

    /** Complexity: 0 for the zero function, 1 for x, up to 4. */
    public int complexity() {
        return complexity;
    }

    /** Which inner constants are free. */
    public Inner inner() {
        return inner;
    }

    /** Symmetry. */
    public Parity parity() {
        return parity;
    }

    /** Whether a is a free constant of the canonical form. */
    public boolean freeScale() {
        return inner == Inner.SCALE || inner == Inner.FULL;
    }

    /** Whether b is a free constant of the canonical form. */
    public boolean freeShift() {
        return inner == Inner.SHIFT || inner == Inner.FULL;
    }

    /** Whether c is a free constant (false only for {@link #ZERO}). */
    public boolean freeOuterScale() {
        return this != ZERO;
    }

    /** The function called {@code id} (as returned by {@link #id()}), case-insensitive. */
    public static SymbolicFunction byId(String id) {
        for (SymbolicFunction f : values()) {
            if (f.id.equalsIgnoreCase(id) || f.name().equalsIgnoreCase(id)) {
                return f;
            }
        }
        StringBuilder known = new StringBuilder();
        for (SymbolicFunction f : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(f.id);
        }
        throw new IllegalArgumentException("unknown symbolic function '" + id + "'; known: " + known);
    }

    /**
     * Writes f, f', f'', f''' at t into {@code out[offset .. offset+3]}. Outside the domain the
     * values are NaN or infinite, as the formulas give them.
     */
    public void derivatives(double t, double[] out, int offset) {
        double f0;
        double f1;
        double f2;
        double f3;
        switch (this) {
            case X:
                f0 = t;
                f1 = 1;
                f2 = 0;
                f3 = 0;
                break;
            case X2:
                f0 = t * t;
                f1 = 2 * t;
                f2 = 2;
                f3 = 0;
                break;
            case X3:
                f0 = t * t * t;
                f1 = 3 * t * t;
                f2 = 6 * t;
                f3 = 6;
                break;
            case X4: {
                double t2 = t * t;
                f0 = t2 * t2;
                f1 = 4 * t2 * t;
                f2 = 12 * t2;
                f3 = 24 * t;
                break;
            }
            case X5: {
                double t2 = t * t;
                f0 = t2 * t2 * t;
                f1 = 5 * t2 * t2;
                f2 = 20 * t2 * t;
                f3 = 60 * t2;
                break;
            }
            case INVERSE: {
                double r = 1 / t;
                f0 = r;
                f1 = -r * r;
                f2 = 2 * r * r * r;
                f3 = -6 * r * r * r * r;
                break;
            }
            case SQRT: {
                double s = Math.sqrt(t);
                f0 = s;
                f1 = 0.5 / s;
                f2 = -0.25 / (t * s);
                f3 = 0.375 / (t * t * s);
                break;
            }
            case EXP: {
                double e = Math.exp(t);
                f0 = e;
                f1 = e;
                f2 = e;
                f3 = e;
                break;
            }
            case LOG: {
                double r = 1 / t;
                f0 = Math.log(t);
                f1 = r;
                f2 = -r * r;
                f3 = 2 * r * r * r;
                break;
            }
            case SIN: {
                double s = Math.sin(t);
                double c = Math.cos(t);
                f0 = s;
                f1 = c;
                f2 = -s;
                f3 = -c;
                break;
            }
            case COS: {
                double s = Math.sin(t);
                double c = Math.cos(t);
                f0 = c;
                f1 = -s;
                f2 = -c;
                f3 = s;
                break;
            }
            case TAN: {
                double tn = Math.tan(t);
                double sec2 = 1 + tn * tn;
                f0 = tn;
                f1 = sec2;
                f2 = 2 * tn * sec2;
                f3 = 2 * sec2 * (1 + 3 * tn * tn);
                break;
            }
            case TANH: {
                double th = Math.tanh(t);
                double s = 1 - th * th;
                f0 = th;
                f1 = s;
                f2 = -2 * th * s;
                f3 = s * (6 * th * th - 2);
                break;
            }
            case ABS:
                f0 = Math.abs(t);
                f1 = Math.signum(t);
                f2 = 0;
                f3 = 0;
                break;
            case GAUSSIAN: {
                double g = Math.exp(-t * t);
                f0 = g;
                f1 = -2 * t * g;
                f2 = (4 * t * t - 2) * g;
                f3 = (12 * t - 8 * t * t * t) * g;
                break;
            }
            case SIGMOID: {
                double s;
                if (t >= 0) {
                    s = 1.0 / (1.0 + Math.exp(-t));
                } else {
                    double e = Math.exp(t);
                    s = e / (1.0 + e);
                }
                double s1 = s * (1 - s);
                double u = 1 - 2 * s;
                f0 = s;
                f1 = s1;
                f2 = s1 * u;
                f3 = s1 * (u * u - 2 * s1);
                break;
            }
            case ARCTAN: {
                double q = 1 / (1 + t * t);
                f0 = Math.atan(t);
                f1 = q;
                f2 = -2 * t * q * q;
                f3 = (6 * t * t - 2) * q * q * q;
                break;
            }
            case SINH: {
                double sh = Math.sinh(t);
                double ch = Math.cosh(t);
                f0 = sh;
                f1 = ch;
                f2 = sh;
                f3 = ch;
                break;
            }
            case ZERO:
                f0 = 0;
                f1 = 0;
                f2 = 0;
                f3 = 0;
                break;
            default:
                throw new IllegalStateException("unknown function " + this);
        }
        out[offset] = f0;
        out[offset + 1] = f1;
        out[offset + 2] = f2;
        out[offset + 3] = f3;
    }

    /** f(t) alone (cheaper than {@link #derivatives}). */
    public double value(double t) {
        switch (this) {
            case X:
                return t;
            case X2:
                return t * t;
            case X3:
                return t * t * t;
            case X4:
                return (t * t) * (t * t);
            case X5:
                return (t * t) * (t * t) * t;
            case INVERSE:
                return 1 / t;
            case SQRT:
                return Math.sqrt(t);
            case EXP:
                return Math.exp(t);
            case LOG:
                return Math.log(t);
            case SIN:
                return Math.sin(t);
            case COS:
                return Math.cos(t);
            case TAN:
                return Math.tan(t);
            case TANH:
                return Math.tanh(t);
            case ABS:
                return Math.abs(t);
            case GAUSSIAN:
                return Math.exp(-t * t);
            case SIGMOID:
                return t >= 0 ? 1.0 / (1.0 + Math.exp(-t)) : Math.exp(t) / (1.0 + Math.exp(t));
            case ARCTAN:
                return Math.atan(t);
            case SINH:
                return Math.sinh(t);
            case ZERO:
                return 0;
            default:
                throw new IllegalStateException("unknown function " + this);
        }
    }

    /**
     * Whether every t in [lo, hi] lies in the open domain where f and its derivatives are finite:
     * t != 0 for 1/x, t &gt; 0 for sqrt and log, no pole pi/2 + k pi of tan, every t otherwise.
     */
    public boolean admits(double lo, double hi) {
        if (!(lo <= hi)) {
            return false;
        }
        switch (this) {
            case INVERSE:
                return lo > 0 || hi < 0;
            case SQRT:
            case LOG:
                return lo > 0;
            case TAN: {
                // poles at pi/2 + k pi: both ends must lie strictly between the same two poles
                double k0 = Math.floor((lo + Math.PI / 2) / Math.PI);
                double k1 = Math.floor((hi + Math.PI / 2) / Math.PI);
                double pole = (k0 + 0.5) * Math.PI;
                return k0 == k1 && lo > pole - Math.PI && hi < pole;
            }
            default:
                return Double.isFinite(lo) && Double.isFinite(hi);
        }
    }

    /**
     * Plain-text form of f applied to an argument.
     *
     * @param arg    the argument's text
     * @param simple whether the argument is a single symbol or call that needs no parentheses
     */
    String text(String arg, boolean simple) {
        String p = simple ? arg : "(" + arg + ")";
        switch (this) {
            case X:
                return arg;
            case X2:
                return p + "^2";
            case X3:
                return p + "^3";
            case X4:
                return p + "^4";
            case X5:
                return p + "^5";
            case INVERSE:
                return "1/" + p;
            case GAUSSIAN:
                return "exp(-" + p + "^2)";
            case SIGMOID:
                return "1/(1 + exp(-" + p + "))";
            case ARCTAN:
                return "atan(" + arg + ")";
            case ZERO:
                return "0";
            default:
                return id + "(" + arg + ")";
        }
    }

    /** LaTeX form of f applied to an argument (see {@link #text}). */
    String latex(String arg, boolean simple) {
        String p = simple ? arg : "\\left(" + arg + "\\right)";
        switch (this) {
            case X:
                return arg;
            case X2:
                return p + "^{2}";
            case X3:
                return p + "^{3}";
            case X4:
                return p + "^{4}";
            case X5:
                return p + "^{5}";
            case INVERSE:
                return "\\frac{1}{" + arg + "}";
            case SQRT:
                return "\\sqrt{" + arg + "}";
            case EXP:
                return "e^{" + arg + "}";
            case LOG:
                return "\\log\\left(" + arg + "\\right)";
            case ABS:
                return "\\left|" + arg + "\\right|";
            case GAUSSIAN:
                return "e^{-" + p + "^{2}}";
            case SIGMOID:
                return "\\frac{1}{1 + e^{-" + p + "}}";
            case ARCTAN:
                return "\\arctan\\left(" + arg + "\\right)";
            case ZERO:
                return "0";
            default:
                return "\\" + id + "\\left(" + arg + "\\right)";
        }
    }
}
