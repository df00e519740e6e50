package org.kanpde.solver.inverse;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

import org.kanpde.solver.problem.Problem;

/**
 * A problem whose coefficient a or c or source f (or several of them) is unknown, with
 * observations of u. The {@link Problem} supplies the domain, the boundary conditions, the known
 * coefficients, the nonlinearity and optionally the exact u; its value for an unknown coefficient
 * is ignored. Immutable.
 */
public final class InverseProblem {
    private final Problem problem;
    private final List<Unknown> unknowns;
    private final Observations observations;
    private final boolean boundaryConditions;

    /**
     * @param problem      the forward problem (its unknown coefficients' fields are ignored)
     * @param unknowns     at least one unknown, at most one per coefficient
     * @param observations measurements of u (null is refused: nothing would fix the unknowns)
     * @throws IllegalArgumentException if there is no unknown, a coefficient is unknown twice, there
     *                                  are no observations, or an observation lies outside the
     *                                  domain, naming it
     */
    public InverseProblem(Problem problem, List<Unknown> unknowns, Observations observations) {
        this.problem = Objects.requireNonNull(problem, "problem");
        if (unknowns == null || unknowns.isEmpty()) {
            throw new IllegalArgumentException("an inverse problem needs at least one unknown");
        }
        EnumSet<Coefficient> seen = EnumSet.noneOf(Coefficient.class);
        for (Unknown u : unknowns) {
            if (!seen.add(u.coefficient())) {
                throw new IllegalArgumentException("coefficient '" + u.name() + "' is unknown twice");
            }
        }
        if (observations == null || observations.size() == 0) {
            throw new IllegalArgumentException("unknown '" + unknowns.get(0).name()
                    + "' has no observations of u to fix it: give \"observations\"");
        }
        observations.checkInside(problem.domain());
        this.unknowns = List.copyOf(unknowns);
        this.observations = observations;
        this.boundaryConditions = true;
    }

    private InverseProblem(InverseProblem p, boolean boundaryConditions) {
        this.problem = p.problem;
        this.unknowns = p.unknowns;
        this.observations = p.observations;
        this.boundaryConditions = boundaryConditions;
    }

    /**
     * A copy in which u has no boundary conditions: only the PDE and the data fix it (as in
     * PINNacle's PInv, whose observation grid includes the boundary). The problem's conditions are
     * then ignored.
     */
    public InverseProblem withoutBoundaryConditions() {
        return new InverseProblem(this, false);
    }

    /** Whether u's boundary conditions enter the loss. */
    public boolean usesBoundaryConditions() {
        return boundaryConditions;
    }

    /** The forward problem. */
    public Problem problem() {
        return problem;
    }

    /** The unknowns, in the order their parameters follow u's. */
    public List<Unknown> unknowns() {
        return unknowns;
    }

    /** The unknown for a coefficient, or null if that coefficient is known. */
    public Unknown unknown(Coefficient c) {
        for (Unknown u : unknowns) {
            if (u.coefficient() == c) {
                return u;
            }
        }
        return null;
    }

    /** The observations of u. */
    public Observations observations() {
        return observations;
    }

    /** The problem's name. */
    public String name() {
        return problem.name();
    }

    @Override
    public String toString() {
        return "inverse " + problem.name() + ": " + unknowns + ", " + observations
                + (boundaryConditions ? "" : ", no boundary conditions on u");
    }
}
