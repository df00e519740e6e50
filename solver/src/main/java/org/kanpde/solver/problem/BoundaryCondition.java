package org.kanpde.solver.problem;

/**
 * A boundary condition on one boundary part, in the common Robin form
 * {@code alpha u + beta du/dn = g} (n the outward normal): Dirichlet is alpha = 1, beta = 0;
 * Neumann is alpha = 0, beta = 1.
 */
public final class BoundaryCondition {
    /** The kind of condition, for reports and for hard enforcement of Dirichlet data. */
    public enum Kind {
        /** u = g. */
        DIRICHLET,
        /** du/dn = g. */
        NEUMANN,
        /** alpha u + beta du/dn = g. */
        ROBIN
    }

    private final Kind kind;
    private final double alpha;
    private final double beta;
    private final Field data;

    private BoundaryCondition(Kind kind, double alpha, double beta, Field data) {
        if (data == null) {
            throw new IllegalArgumentException("boundary data of a " + kind + " condition must not be null");
        }
        this.kind = kind;
        this.alpha = alpha;
        this.beta = beta;
        this.data = data;
    }

    /** u = g. */
    public static BoundaryCondition dirichlet(Field g) {
        return new BoundaryCondition(Kind.DIRICHLET, 1, 0, g);
    }

    /** du/dn = g. */
    public static BoundaryCondition neumann(Field g) {
        return new BoundaryCondition(Kind.NEUMANN, 0, 1, g);
    }

    /**
     * alpha u + beta du/dn = g.
     *
     * @throws IllegalArgumentException if alpha or beta is not finite, or both are zero
     */
    public static BoundaryCondition robin(double alpha, double beta, Field g) {
        if (!Double.isFinite(alpha) || !Double.isFinite(beta) || (alpha == 0 && beta == 0)) {
            throw new IllegalArgumentException("Robin coefficients must be finite and not both zero, got alpha = "
                    + alpha + ", beta = " + beta);
        }
        return new BoundaryCondition(Kind.ROBIN, alpha, beta, g);
    }

    /** The kind. */
    public Kind kind() {
        return kind;
    }

    /** Coefficient of u. */
    public double alpha() {
        return alpha;
    }

    /** Coefficient of du/dn. */
    public double beta() {
        return beta;
    }

    /** The right-hand side g. */
    public Field data() {
        return data;
    }

    @Override
    public String toString() {
        switch (kind) {
            case DIRICHLET:
                return "u = g";
            case NEUMANN:
                return "du/dn = g";
            default:
                return alpha + "*u + " + beta + "*du/dn = g";
        }
    }
}
