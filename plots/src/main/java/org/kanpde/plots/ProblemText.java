package org.kanpde.plots;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.kanpde.solver.problem.BoundaryCondition;
import org.kanpde.solver.problem.Field;
import org.kanpde.solver.problem.Problem;

/**
 * A problem in words for reports: its equation, the formulas of its fields where they have one and
 * its boundary conditions with their data. A field "has a formula" when its {@code toString} is one:
 * constants, fields read from problem files and {@code Field.of(f, "formula")} do; lambdas, whose
 * {@code toString} is a class name, and {@code Field.of(f)} ("field given by values") do not, and
 * are never shown as if they were formulas.
 */
final class ProblemText {
    /** What {@link Field#of(java.util.function.ToDoubleFunction)} says about itself: not a formula. */
    private static final String VALUES_ONLY = "field given by values";

    private ProblemText() {
    }

    /**
     * The formula of a field, as readable text (see {@link MathText}); empty when the field carries
     * none. Constants read as numbers ("0", not "0.0").
     */
    static Optional<String> formula(Field field) {
        if (field == null) {
            return Optional.empty();
        }
        if (field.isConstant()) {
            try {
                // a constant ignores its argument; any length will do
                double c = field.value(new double[3]);
                if (Double.isFinite(c)) {
                    return Optional.of(number(c));
                }
            } catch (RuntimeException e) {
                // a constant that checks the point's dimension: fall back to its own description
            }
        }
        String s = field.toString();
        if (s == null || s.isBlank() || s.equals(VALUES_ONLY) || s.contains("$$Lambda") || s.contains("$Lambda")
                || s.matches("(?s).*@[0-9a-f]+$") || s.startsWith("org.kanpde.")) {
            return Optional.empty();
        }
        return Optional.of(MathText.pretty(s.trim()));
    }

    /** The operator, leaving out default coefficients: {@code −Δu = f}, {@code −div(a ∇u) + c u = f, a = …}. */
    static String equation(Problem p) {
        int d = p.dimension();
        boolean unitA = p.diffusion().isConstant() && p.diffusion().value(new double[d]) == 1.0;
        boolean noC = p.reaction().isConstant() && p.reaction().value(new double[d]) == 0.0;
        StringBuilder sb = new StringBuilder(unitA ? (d == 1 ? "−u''" : "−Δu") : "−div(a ∇u)");
        if (!noC) {
            sb.append(" + c u");
        }
        if (p.nonlinearity() != null) {
            sb.append(" + ").append(MathText.pretty(p.nonlinearity().describe()));
        }
        sb.append(" = f");
        if (!unitA) {
            formula(p.diffusion()).ifPresent(a -> sb.append(",  a = ").append(a));
        }
        if (!noC) {
            formula(p.reaction()).ifPresent(c -> sb.append(",  c = ").append(c));
        }
        return sb.toString();
    }

    /**
     * The boundary conditions, one line per condition with its data substituted: e.g.
     * {@code "Dirichlet on all 4 boundary parts: u = 0"} or, for mixed conditions,
     * {@code "Neumann on xmax: ∂u/∂n = −π sin(πy)"}. Parts with the same condition share a line; data
     * without a formula reads "g (given as code)".
     */
    static List<String> boundary(Problem problem) {
        int parts = problem.domain().boundaryPartCount();
        Map<String, List<String>> byCondition = new LinkedHashMap<>();
        Map<String, String> kinds = new LinkedHashMap<>();
        for (int p = 0; p < parts; p++) {
            BoundaryCondition bc = problem.boundaryCondition(p);
            String condition = condition(bc);
            kinds.put(condition, kindName(bc.kind()));
            byCondition.computeIfAbsent(condition, k -> new ArrayList<>()).add(problem.domain().boundaryPartName(p));
        }
        List<String> lines = new ArrayList<>();
        byCondition.forEach((condition, names) -> {
            String where = names.size() < parts ? String.join(", ", names)
                    : parts == 1 ? "the boundary" : parts == 2 ? "both boundary parts" : "all " + parts + " boundary parts";
            lines.add(kinds.get(condition) + " on " + where + ": " + condition);
        });
        return lines;
    }

    /** "u = 0", "∂u/∂n = x", "u + 2 ∂u/∂n = g (g given as code)". */
    private static String condition(BoundaryCondition bc) {
        String g = formula(bc.data()).orElse("g (g given as code)");
        switch (bc.kind()) {
            case DIRICHLET:
                return "u = " + g;
            case NEUMANN:
                return "∂u/∂n = " + g;
            default:
                return coefficient(bc.alpha()) + "u + " + coefficient(bc.beta()) + "∂u/∂n = " + g;
        }
    }

    /** "Dirichlet", "Neumann", "Robin": the names are people's. */
    private static String kindName(BoundaryCondition.Kind kind) {
        String lower = kind.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    private static String coefficient(double c) {
        return c == 1 ? "" : number(c) + " ";
    }

    /** Integers without a decimal point, other numbers with up to 4 significant digits. */
    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4g", v);
    }
}
