package org.kanpde.solver.train;

import java.util.Locale;

/** The optimization methods a training {@link Stage} can use. */
public enum Optimizer {
    /** Levenberg-Marquardt on the residual vector: the route to high accuracy for small networks. */
    LM,
    /** L-BFGS with a strong-Wolfe line search on the loss. */
    LBFGS,
    /** Adam on the loss: first-order, for large networks and rough starts. */
    ADAM;

    /** Lower-case name used on the command line and in result files. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code lm}, {@code lbfgs} or {@code adam} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public static Optimizer parse(String s) {
        for (Optimizer o : values()) {
            if (o.id().equalsIgnoreCase(s == null ? "" : s.trim())) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown optimizer '" + s + "', expected one of lm, lbfgs, adam");
    }
}
