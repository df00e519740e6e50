package org.kanpde.solver.inverse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.kanpde.solver.geometry.Box;
import org.kanpde.solver.problem.BoundaryCondition;
import org.kanpde.solver.problem.Field;
import org.kanpde.solver.problem.Problem;

/** Identification on manufactured cases with exact answers. */
class InverseSolverTest {
    private static final double PI = Math.PI;

    /** -(a u')' = f on [0, 1], u = sin(pi x), a = 1 / (1 + x^2). */
    private static Problem diffusion1d() {
        return Problem.builder().name("inverse-a-1d").domain(Box.interval(0, 1))
                .source(Field.of(z -> {
                    double x = z[0];
                    double q = 1 + x * x;
                    return PI * PI * Math.sin(PI * x) / q + 2 * x * PI * Math.cos(PI * x) / (q * q);
                }))
                .boundary(BoundaryCondition.dirichlet(Field.constant(0)))
                .exact(Field.smooth(1, z -> z[0].multiply(PI).sin()))
                .build();
    }

    private static Observations data(Problem p, int m, double sigma) {
        return Observations.measure(p.exactSolution(), 1, Observations.grid(new double[] {0}, new double[] {1}, m), sigma, 3);
    }

    @Test
    void identifiesAPositiveDiffusionFieldAndU() {
        // measured: a 1.1e-4 (a is least determined where u' = 0), u 2.2e-6
        Problem p = diffusion1d();
        Field a = Field.of(z -> 1 / (1 + z[0] * z[0]));
        Unknown unknown = Unknown.field(Coefficient.DIFFUSION).positive().withBoundary(a).withExact(a);
        InverseProblem ip = new InverseProblem(p, List.of(unknown), data(p, 40, 0));
        InverseResult r = InverseSolver.kan().grids(5, 10, 20).iterations(40, 80, 150).points(400).seed(1).threads(2).build()
                .solve(ip);
        Identified id = r.identified(Coefficient.DIFFUSION);
        assertTrue(id.relL2() < 3e-4, "a relL2 " + id.relL2());
        assertTrue(id.maxAbsError() < 1e-3, "a max " + id.maxAbsError());
        assertTrue(r.metrics().relL2() < 1e-5, "u relL2 " + r.metrics().relL2());
        assertEquals(0.8, id.value(new double[] {0.5}), 1e-3);
    }

    @Test
    void identifiesAScalarReaction() {
        // -u'' + c u = f, c = 2, u = sin(pi x)
        Problem p = Problem.builder().name("inverse-c-1d").domain(Box.interval(0, 1))
                .source(Field.of(z -> (PI * PI + 2) * Math.sin(PI * z[0])))
                .boundary(BoundaryCondition.dirichlet(Field.constant(0)))
                .exact(Field.smooth(1, z -> z[0].multiply(PI).sin()))
                .build();
        Unknown c = Unknown.scalar(Coefficient.REACTION, 1).withExact(2);
        InverseProblem ip = new InverseProblem(p, List.of(c), data(p, 20, 0));
        InverseResult r = InverseSolver.kan().grids(5, 10, 20).iterations(30, 50, 100).points(400).seed(1).threads(2).build().solve(ip);
        Identified id = r.identified(Coefficient.REACTION);
        assertEquals(2, id.scalarValue(), 1e-6);
        assertTrue(id.relL2() < 1e-6);
        assertTrue(r.metrics().relL2() < 1e-6, "u relL2 " + r.metrics().relL2());
    }

    @Test
    void theSameSeedGivesTheSameDigitsOnAnyThreadCount() {
        Problem p = diffusion1d();
        Unknown unknown = Unknown.field(Coefficient.DIFFUSION).positive();
        InverseProblem ip = new InverseProblem(p, List.of(unknown), data(p, 30, 0.05));
        double[] loss = new double[2];
        for (int t = 0; t < 2; t++) {
            loss[t] = InverseSolver.kan().grids(5).iterations(15).points(200).threads(t + 1).build().solve(ip).loss();
        }
        assertEquals(loss[0], loss[1], 0);
    }

    @Test
    void theDefaultKeepsTheStiffModelForNoisyDataAndTheFullScheduleForCleanData() {
        // measured (seed 1, 400 points, 60 observations): sigma 0.05 -> the stiff model kept (misfit
        // 0.053 against the full schedule's 0.039, which fits the noise); clean -> the full schedule
        Problem p = diffusion1d();
        Field a = Field.of(z -> 1 / (1 + z[0] * z[0]));
        Unknown unknown = Unknown.field(Coefficient.DIFFUSION).positive().withBoundary(a).withExact(a);
        InverseSolver solver = InverseSolver.kan().points(400).seed(1).threads(2).build();
        assertTrue(solver.selectsForNoise());
        assertEquals(1 + InverseSolver.KAN_GRIDS.length, solver.stages().size());

        InverseResult noisy = solver.solve(new InverseProblem(p, List.of(unknown), data(p, 60, 0.05)));
        Discrepancy d = noisy.discrepancy();
        assertTrue(d.estimated());
        assertEquals(1 + InverseSolver.KAN_GRIDS.length, d.candidates().size());
        assertEquals(0, d.chosen(), d.toString());
        // sigma^2 = RSS / (N - p): the full schedule's misfit alone (0.039) would say 0.039; with
        // p = 38 of 60 effective parameters the estimate is 0.065, the noise drawn has RMS 0.050
        double flexible = d.candidates().get(d.candidates().size() - 1).dataRms();
        assertEquals(flexible * Math.sqrt(60 / (60 - d.effectiveParameters())), d.sigma(), 1e-15);
        assertTrue(d.effectiveParameters() > 5 && d.effectiveParameters() < 55, "p " + d.effectiveParameters());
        assertTrue(flexible < 0.045 && d.sigma() > 0.045 && d.sigma() < 0.08, d.toString());
        assertTrue(d.kept().dataRms() <= InverseSolver.TAU * d.sigma());
        assertEquals(d.kept().dataRms(), noisy.dataRms(), 0);
        assertEquals(d.kept().parameters(), noisy.parameters());

        InverseResult clean = solver.solve(new InverseProblem(p, List.of(unknown), data(p, 60, 0)));
        Discrepancy c = clean.discrepancy();
        assertEquals(c.candidates().size() - 1, c.chosen(), c.toString());
        InverseResult full = InverseSolver.kan().grids(InverseSolver.KAN_GRIDS).points(400).seed(1).threads(2).build()
                .solve(new InverseProblem(p, List.of(unknown), data(p, 60, 0)));
        assertEquals(full.loss(), clean.loss(), 0, "clean data keep the full schedule's digits");
        assertEquals(full.identified(Coefficient.DIFFUSION).relL2(), clean.identified(Coefficient.DIFFUSION).relL2(), 0);
        assertTrue(clean.identified(Coefficient.DIFFUSION).relL2() < 10 * noisy.identified(Coefficient.DIFFUSION).relL2());
    }

    @Test
    void aGivenNoiseLevelThatTheStiffModelMeetsSkipsTheFullSchedule() {
        Problem p = diffusion1d();
        Unknown unknown = Unknown.field(Coefficient.DIFFUSION).positive();
        Observations obs = data(p, 60, 0.05).withNoise(0.05);
        InverseResult r = InverseSolver.kan().points(400).seed(1).threads(2).build()
                .solve(new InverseProblem(p, List.of(unknown), obs));
        Discrepancy d = r.discrepancy();
        assertTrue(!d.estimated() && d.sigma() == 0.05, d.toString());
        assertEquals(1, d.candidates().size(), "only the stiff model trained: " + d);
        assertTrue(r.iterations() <= InverseSolver.STIFF_ITERATIONS, "iterations " + r.iterations());
        // a builder noise level overrides the observations' own; sigma 0 is never met by a noisy fit
        InverseResult strict = InverseSolver.kan().points(400).iterations(5).seed(1).threads(2).build()
                .solve(new InverseProblem(p, List.of(unknown), obs));
        assertEquals(null, strict.discrepancy(), "a caller-chosen schedule turns the selection off");
        assertThrows(IllegalArgumentException.class, () -> InverseSolver.kan().noise(-1));
        assertThrows(IllegalArgumentException.class, () -> obs.withNoise(Double.NaN));
    }

    @Test
    void refusesMissingOrOutsideObservations() {
        Problem p = diffusion1d();
        List<Unknown> a = List.of(Unknown.field(Coefficient.DIFFUSION));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> new InverseProblem(p, a, null));
        assertTrue(none.getMessage().contains("unknown 'a' has no observations"), none.getMessage());
        Observations outside = new Observations(1, new double[] {0.5, 1.5}, new double[] {1, 0});
        IllegalArgumentException out = assertThrows(IllegalArgumentException.class, () -> new InverseProblem(p, a, outside));
        assertTrue(out.getMessage().contains("observation 2 at (1.5) lies outside the domain"), out.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> new Observations(1, new double[] {0.5}, new double[] {Double.NaN}));
        assertTrue(nan.getMessage().contains("observation 1 at (0.5) has a non-finite value NaN"), nan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new InverseProblem(p,
                List.of(Unknown.field(Coefficient.SOURCE), Unknown.scalar(Coefficient.SOURCE, 1)), data(p, 5, 0)));
    }
}
