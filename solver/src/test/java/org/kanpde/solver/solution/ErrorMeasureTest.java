package org.kanpde.solver.solution;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.kanpde.solver.TestProblems;
import org.kanpde.solver.geometry.Box;
import org.kanpde.solver.problem.BoundaryCondition;
import org.kanpde.solver.problem.Field;
import org.kanpde.solver.problem.Problem;

/** An exact solution that is not finite somewhere is reported with the point, not measured as NaN. */
class ErrorMeasureTest {

    private static Problem withExact(Field exact) {
        return Problem.builder().name("bad-exact").domain(Box.cube(2, -1, 1)).source(Field.constant(1))
                .boundary(BoundaryCondition.dirichlet(Field.constant(0))).exact(exact).build();
    }

    @Test
    void a_non_finite_exact_value_is_reported_with_the_node() {
        Problem p = withExact(Field.of(z -> Math.sqrt(z[0])));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ErrorMeasure(p, p.domain().quadrature(4, 2)));
        assertTrue(e.getMessage().startsWith("the exact solution of problem 'bad-exact' is NaN at the quadrature node (-"),
                e.getMessage());
    }

    @Test
    void a_non_finite_exact_gradient_is_reported_too() {
        // finite values, and a gradient that is NaN where x < 0
        Field u = new Field() {
            @Override
            public double value(double[] z) {
                return z[0];
            }

            @Override
            public boolean hasDerivatives() {
                return true;
            }

            @Override
            public void derivatives(double[] z, double[] out) {
                out[0] = z[0];
                out[1] = z[0] < 0 ? Double.NaN : 1;
                out[2] = 0;
                out[3] = 0;
                out[4] = 0;
            }
        };
        Problem p = withExact(u);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ErrorMeasure(p, p.domain().quadrature(4, 2)));
        assertTrue(e.getMessage().contains("has a gradient component 0 of NaN at the quadrature node (-"), e.getMessage());
    }

    @Test
    void finite_exact_solutions_are_measured() {
        Problem p = TestProblems.poisson2dSin();
        assertTrue(new ErrorMeasure(p, p.domain().quadrature(4, 2)).nodes() > 0);
    }
}
