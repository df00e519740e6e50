package org.kanpde.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kanpde.solver.geometry.PointSet;
import org.kanpde.solver.geometry.SamplingScheme;
import org.kanpde.solver.problem.Field;
import org.kanpde.solver.problem.Problem;

class ProblemCatalogTest {

    static Stream<String> ids() {
        return ProblemCatalog.ids().stream();
    }

    /** The corner singularity defeats finite differences close to the re-entrant corner. */
    private static boolean awayFromSingularity(String id, double[] z) {
        return !id.equals("lshape") || Math.hypot(z[0], z[1]) > 0.1;
    }

    @ParameterizedTest
    @MethodSource("ids")
    void handDerivedSourceAndBoundaryDataMatchTheExactSolution(String id) {
        Problem p = ProblemCatalog.get(id);
        ManufacturedSolutionCheck.assertSolves(p, 200, 200, 11, z -> awayFromSingularity(id, z), 1e-5);
    }

    @ParameterizedTest
    @MethodSource("ids")
    void exactSolutionDerivativesAgreeWithFiniteDifferences(String id) {
        Problem p = ProblemCatalog.get(id);
        Field u = p.exactSolution();
        assertTrue(u.hasDerivatives(), id);
        int d = p.dimension();
        PointSet points = p.domain().sampleInterior(30, SamplingScheme.SOBOL, 3);
        double[] z = new double[d];
        double[] out = new double[1 + 2 * d];
        for (int i = 0; i < points.size(); i++) {
            points.point(i, z);
            if (!awayFromSingularity(id, z)) {
                continue;
            }
            u.derivatives(z, out);
            assertEquals(u.value(z), out[0], 1e-14 * (1 + Math.abs(out[0])), id);
            for (int k = 0; k < d; k++) {
                double g = ManufacturedSolutionCheck.first(u, z, k);
                double s = ManufacturedSolutionCheck.second(u, z, k);
                assertEquals(g, out[1 + k], 1e-7 * (1 + Math.abs(g)), id + " du/dz" + k);
                assertEquals(s, out[1 + d + k], 1e-6 * (1 + Math.abs(s)), id + " d2u/dz" + k + "^2");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("ids")
    void nameIsTheIdAndDescriptionIsOneLine(String id) {
        Problem p = ProblemCatalog.get(id);
        assertEquals(id, p.name());
        assertEquals(p.description(), ProblemCatalog.description(id));
        assertFalse(p.description().isBlank());
        assertFalse(p.description().contains("\n"));
        assertTrue(p.hasExactSolution());
    }

    @ParameterizedTest
    @MethodSource("ids")
    void pureDirichletProblemsShareOneLiftableFieldExceptTheLShape(String id) {
        Problem p = ProblemCatalog.get(id);
        if (!p.isPureDirichlet()) {
            return;
        }
        Field g = p.boundaryCondition(0).data();
        boolean shared = true;
        for (int part = 1; part < p.domain().boundaryPartCount(); part++) {
            shared &= p.boundaryCondition(part).data() == g;
        }
        assertEquals(!id.equals("lshape"), shared, id);
        assertTrue(g.hasDerivatives(), id);
        if (shared && !g.isConstant()) {
            // The lift must not be the answer: it may agree with u only on the boundary.
            double[] z = {0.3, -0.4};
            assertTrue(Math.abs(g.value(z) - p.exactSolution().value(z)) > 0.1, id);
        }
    }

    @Test
    void catalogueHoldsTheRequiredProblemsInOrder() {
        List<String> ids = ProblemCatalog.ids();
        assertEquals(List.of("poisson1d", "poisson2d-sin", "poisson2d-paper", "poisson2d-mixed", "poisson3d", "varcoef2d",
                "helmholtz2d", "nonlinear2d", "lshape", "disk", "multiscale2d"), ids.subList(0, 11));
        assertEquals(ids.size(), ids.stream().distinct().count());
        assertThrows(UnsupportedOperationException.class, () -> ids.add("x"));
    }

    @Test
    void unknownIdListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProblemCatalog.get("xyz"));
        assertTrue(e.getMessage().startsWith("unknown problem 'xyz'; known: poisson1d, poisson2d-sin, "), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ProblemCatalog.description("xyz"));
    }

    @Test
    void paperProblemUsesOneZeroFieldOnEveryFace() {
        Problem p = ProblemCatalog.get("poisson2d-paper");
        Field g = p.boundaryCondition(0).data();
        assertTrue(g.isConstant());
        assertEquals(0.0, g.value(new double[] {0.2, 0.7}));
        for (int part = 1; part < 4; part++) {
            assertSame(g, p.boundaryCondition(part).data());
        }
    }

    @Test
    void everyCallBuildsAFreshProblem() {
        assertNotSame(ProblemCatalog.get("disk"), ProblemCatalog.get("disk"));
    }

    @Test
    void lShapeSolutionTakesTheRightBranch() {
        Field u = ProblemCatalog.get("lshape").exactSolution();
        double s = Math.sqrt(3) / 2;
        assertEquals(0, u.value(new double[] {1, 0}), 1e-15);
        assertEquals(s, u.value(new double[] {0, 1}), 1e-15);
        assertEquals(s, u.value(new double[] {-1, 0}), 1e-15);
        assertEquals(0, u.value(new double[] {0, -1}), 1e-15);
        assertEquals(Math.cbrt(2) * 0.5, u.value(new double[] {-1, -1}), 1e-15);
        // Continuous across the negative x-axis, where atan2(y, x) would jump.
        assertEquals(u.value(new double[] {-0.5, 1e-12}), u.value(new double[] {-0.5, -1e-12}), 1e-11);
        // The re-entrant corner: value 0, no NaN.
        double[] out = new double[5];
        u.derivatives(new double[] {0, 0}, out);
        assertEquals(0.0, out[0]);
        for (double v : out) {
            assertTrue(Double.isFinite(v));
        }
    }

    @Test
    void mixedProblemHasEveryKindOfCondition() {
        Problem p = ProblemCatalog.get("poisson2d-mixed");
        assertEquals("DIRICHLET", p.boundaryCondition(p.domain().boundaryPart("xmin")).kind().name());
        assertEquals("NEUMANN", p.boundaryCondition(p.domain().boundaryPart("xmax")).kind().name());
        assertEquals("DIRICHLET", p.boundaryCondition(p.domain().boundaryPart("ymin")).kind().name());
        assertEquals("ROBIN", p.boundaryCondition(p.domain().boundaryPart("ymax")).kind().name());
    }
}
