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
