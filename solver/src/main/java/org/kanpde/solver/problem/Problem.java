package org.kanpde.solver.problem;

import java.util.Arrays;

import org.kanpde.solver.geometry.Domain;

/**
 * A Poisson-type boundary value problem
 * <pre>
 *   -div(a grad u) + c u + n(u) = f   in the domain,
 *   alpha u + beta du/dn = g          on each boundary part,
 * </pre>
 * with a diffusion coefficient a(z) &gt; 0 (1 by default), a reaction coefficient c(z) (0 by
 * default; negative c gives Helmholtz), an optional nonlinearity n(u), and optionally the exact
 * solution for error metrics. Immutable; build with {@link #builder()}.
 *
 * <p>Hard Dirichlet enforcement (u = g + D v) needs the same {@link Field} object as data on every
 * boundary part, with derivatives: that one field is the lift g inside the domain. Give
 * {@code boundary(BoundaryCondition.dirichlet(g))} for all parts at once to get it.
 */
public final class Problem {
    private final String name;
    private final String description;
    private final Domain domain;
    private final Field diffusion;
    private final Field reaction;
    private final Nonlinearity nonlinearity;
    private final Field source;
    private final BoundaryCondition[] boundary;
    private final Field exact;
    private final ReferenceData reference;

    private Problem(Builder b) {
        this.name = b.name;
        this.description = b.description;
        this.domain = b.domain;
        this.diffusion = b.diffusion;
        this.reaction = b.reaction;
        this.nonlinearity = b.nonlinearity;
        this.source = b.source;
        this.boundary = b.boundary.clone();
        this.exact = b.exact;
        this.reference = b.reference;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Short id, e.g. {@code "poisson2d-paper"}. */
    public String name() {
        return name;
    }

    /** One-line description. */
    public String description() {
        return description;
    }

    /** The domain. */
    public Domain domain() {
        return domain;
    }

    /** Spatial dimension d. */
    public int dimension() {
        return domain.dimension();
    }

    /** Diffusion coefficient a. */
    public Field diffusion() {
        return diffusion;
    }

    /** Reaction coefficient c. */
    public Field reaction() {
        return reaction;
    }

    /** The nonlinear term, or null. */
    public Nonlinearity nonlinearity() {
        return nonlinearity;
    }

    /** The source f. */
    public Field source() {
        return source;
    }

    /** The condition on boundary part {@code part}. */
    public BoundaryCondition boundaryCondition(int part) {
        return boundary[part];
    }

    /** Whether every boundary part carries a Dirichlet condition. */
    public boolean isPureDirichlet() {
        for (BoundaryCondition bc : boundary) {
            if (bc.kind() != BoundaryCondition.Kind.DIRICHLET) {
                return false;
            }
        }
        return true;
    }

    /** The exact solution, or null if unknown. */
    public Field exactSolution() {
        return exact;
    }

    /** Whether the exact solution is known. */
    public boolean hasExactSolution() {
        return exact != null;
    }

    /** The reference solution at points, or null if none was given. */
    public ReferenceData reference() {
        return reference;
    }

    /** Whether errors can be measured: an exact solution or reference data is known. */
    public boolean hasErrorReference() {
        return exact != null || reference != null;
    }

    @Override
    public String toString() {
        return name + ": " + description;
    }

    /** Builds a {@link Problem}; domain and source are required. */
    public static final class Builder {
        private String name = "problem";
        private String description = "";
        private Domain domain;
        private Field diffusion = Field.constant(1.0);
        private Field reaction = Field.constant(0.0);
        private Nonlinearity nonlinearity;
        private Field source;
        private BoundaryCondition[] boundary;
        private BoundaryCondition all;
        private Field exact;
        private ReferenceData reference;

        private Builder() {
        }

        /** Short id. */
        public Builder name(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("problem name must not be blank, got '" + name + "'");
            }
            this.name = name;
            return this;
        }

        /** One-line description. */
        public Builder description(String description) {
            this.description = description == null ? "" : description;
            return this;
        }

        /** The domain (required). */
        public Builder domain(Domain domain) {
            if (domain == null) {
                throw new IllegalArgumentException("domain must not be null");
            }
            this.domain = domain;
            this.boundary = new BoundaryCondition[domain.boundaryPartCount()];
            return this;
        }

        /** Diffusion coefficient a(z) &gt; 0; a non-constant a must provide derivatives. */
        public Builder diffusion(Field a) {
            this.diffusion = a;
            return this;
        }

        /** Constant diffusion coefficient a &gt; 0. */
        public Builder diffusion(double a) {
            if (!(a > 0) || !Double.isFinite(a)) {
                throw new IllegalArgumentException("diffusion coefficient must be finite and > 0, got " + a);
            }
            return diffusion(Field.constant(a));
        }

        /** Reaction coefficient c(z). */
        public Builder reaction(Field c) {
            this.reaction = c;
            return this;
        }

        /** Constant reaction coefficient c. */
        public Builder reaction(double c) {
            return reaction(Field.constant(c));
        }

        /** Nonlinear term n(u) (none by default). */
        public Builder nonlinearity(Nonlinearity n) {
            this.nonlinearity = n;
            return this;
        }

        /** Source f (required). */
        public Builder source(Field f) {
            this.source = f;
            return this;
        }

        /** The same condition on every boundary part not given its own. */
        public Builder boundary(BoundaryCondition bc) {
            this.all = bc;
            return this;
        }

        /** The condition on one boundary part, by index. Set the domain first. */
        public Builder boundary(int part, BoundaryCondition bc) {
            if (boundary == null) {
                throw new IllegalStateException("set the domain before per-part boundary conditions");
            }
            if (part < 0 || part >= boundary.length) {
                throw new IllegalArgumentException("boundary part must be in [0, " + boundary.length + "), got " + part);
            }
            boundary[part] = bc;
            return this;
        }

        /** The condition on one boundary part, by name (e.g. {@code "xmin"}). Set the domain first. */
        public Builder boundary(String part, BoundaryCondition bc) {
            if (domain == null) {
                throw new IllegalStateException("set the domain before per-part boundary conditions");
            }
            return boundary(domain.boundaryPart(part), bc);
        }

        /**
         * A reference solution at points (optional), against which errors are measured as well
         * (instead, without an exact solution); its dimension must be the domain's.
         */
        public Builder reference(ReferenceData data) {
            this.reference = data;
            return this;
        }

        /** The exact solution (optional); it must provide derivatives for H1 errors. */
        public Builder exact(Field u) {
            this.exact = u;
            return this;
        }

        /**
         * Builds the problem.
         *
         * @throws IllegalArgumentException if the domain or source is missing, a boundary part has
         *                                  no condition, or a non-constant diffusion coefficient
         *                                  has no derivatives
         */
        public Problem build() {
            if (domain == null) {
                throw new IllegalArgumentException("problem '" + name + "' has no domain");
            }
            if (source == null) {
                throw new IllegalArgumentException("problem '" + name + "' has no source term");
            }
            if (diffusion == null || reaction == null) {
                throw new IllegalArgumentException("problem '" + name + "': coefficients must not be null");
            }
            if (reference != null && reference.dimension() != domain.dimension()) {
                throw new IllegalArgumentException("problem '" + name + "': " + reference + " does not match the "
                        + domain.dimension() + "-D domain");
            }
            if (!diffusion.hasDerivatives()) {
                throw new IllegalArgumentException("problem '" + name + "': the diffusion coefficient needs its gradient "
                        + "(-div(a grad u) = -a Laplace u - grad a . grad u); build it with Field.smooth(...)");
            }
            for (int p = 0; p < boundary.length; p++) {
                if (boundary[p] == null) {
                    boundary[p] = all;
                }
                if (boundary[p] == null) {
                    throw new IllegalArgumentException("problem '" + name + "': boundary part " + p + " ('"
                            + domain.boundaryPartName(p) + "') has no condition; parts: " + partNames());
                }
            }
            return new Problem(this);
        }

        private String partNames() {
            String[] names = new String[domain.boundaryPartCount()];
            for (int p = 0; p < names.length; p++) {
                names[p] = domain.boundaryPartName(p);
            }
            return Arrays.toString(names);
        }
    }
}
