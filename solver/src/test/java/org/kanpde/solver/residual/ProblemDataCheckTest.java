package org.kanpde.solver.residual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.kanpde.net.Derivatives;
import org.kanpde.net.Evaluator;
import org.kanpde.net.Jet;
import org.kanpde.net.kan.Kan;
import org.kanpde.solver.geometry.Box;
import org.kanpde.solver.geometry.Polygon;
import org.kanpde.solver.geometry.SamplingScheme;
import org.kanpde.solver.problem.BoundaryCondition;
import org.kanpde.solver.problem.Field;
import org.kanpde.solver.problem.Problem;

/** Non-finite problem data is reported with the quantity, the point and the part by name. */
class ProblemDataCheckTest {

    @Test
    void non_finite_boundary_data_names_the_part_and_the_condition_value() {
        Box box = Box.cube(2, -1, 1);
        Problem p = Problem.builder().name("p").domain(box).source(Field.constant(1))
                .boundary(BoundaryCondition.dirichlet(Field.constant(0)))
                .boundary("xmin", BoundaryCondition.dirichlet(Field.of(z -> Math.log(z[0])))).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResidualRows.of(p,
                box.sampleInterior(10, SamplingScheme.SOBOL, 1), box.sampleBoundary(40, SamplingScheme.SOBOL, 1), 1, false));
        assertTrue(e.getMessage().startsWith("problem data is not finite at the boundary point (-1.0, "), e.getMessage());
        assertTrue(e.getMessage().endsWith(") on part 'xmin': the boundary condition's value evaluates to NaN there"),
                e.getMessage());
    }

    @Test
    void non_finite_interior_data_names_the_quantity() {
        Box box = Box.cube(2, -1, 1);
        Problem p = Problem.builder().name("p").domain(box).source(Field.of(z -> 1 / (z[0] - z[0])))
                .boundary(BoundaryCondition.dirichlet(Field.constant(0))).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ResidualRows.of(p, box.sampleInterior(10, SamplingScheme.SOBOL, 1), null, 1, false));
        assertTrue(e.getMessage().startsWith("problem data is not finite at the interior point ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("): the source f evaluates to Infinity there"), e.getMessage());
    }

    /** u = g + D v on a polygon: finite derivatives on its edges (the limits from inside). */
    @Test
    void hard_dirichlet_derivatives_on_a_polygon_edge_are_finite() {
        Field g = Field.smooth(2, z -> z[0]);
        Kan v = Kan.builder().widths(2, 2, 1).gridSize(4).degree(3).inputRange(-1, 1).seed(3).build();
        HardDirichletFunction u = new HardDirichletFunction(v, g, Polygon.lShape().distance());
        Evaluator ev = u.evaluator(Derivatives.HESSIAN_DIAGONAL);
        Jet onEdge = ev.forward(new double[] {0.5, 0}, 0);
        assertEquals(0.5, onEdge.value(), 0.0);
        double[] limit = {onEdge.gradient(0), onEdge.gradient(1), onEdge.laplacian()};
        Jet inside = ev.forward(new double[] {0.5, 1e-7}, 0);
        double[] near = {inside.gradient(0), inside.gradient(1), inside.laplacian()};
        for (int k = 0; k < 3; k++) {
            assertTrue(Double.isFinite(limit[k]), "component " + k);
            assertEquals(near[k], limit[k], 1e-4 * (1 + Math.abs(limit[k])), "component " + k);
        }
    }
}
