package org.kanpde.solver.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.kanpde.solver.PdeSolver;
import org.kanpde.solver.TestProblems;
import org.kanpde.solver.problem.Problem;
import org.kanpde.solver.optim.LevenbergMarquardt;
import org.kanpde.solver.optim.Adam;
import org.kanpde.solver.optim.Lbfgs;

/** The default optimizers and boundary weights that {@link PdeSolver} takes from {@link Recipes}. */
class RecipesTest {
    private final Problem problem = TestProblems.poisson2dSin();

    /** The optimizer names of the stages, e.g. {"lm", "lm"}. */
    private static String[] optimizers(Training s) {
        return s.stages().stream().map(st -> st.optimizer().name()).toArray(String[]::new);
    }

    private static int[] iterations(Training s) {
        return s.stages().stream().mapToInt(Stage::iterations).toArray();
    }

    @Test
    void smallMlpsAndKansUseLevenbergMarquardtWithTheLargeBoundaryWeight() {
        Training mlp = PdeSolver.mlp().build().training(problem);
        assertArrayEquals(new String[] {"lm"}, optimizers(mlp));
        assertArrayEquals(new int[] {600}, iterations(mlp));
        assertEquals(Recipes.BOUNDARY_WEIGHT_LM, mlp.boundaryWeight());
        Training kan = PdeSolver.kan().build().training(problem);
        assertArrayEquals(new String[] {"lm", "lm", "lm", "lm"}, optimizers(kan));
        assertArrayEquals(new int[] {150, 150, 300, 400}, iterations(kan));
        assertEquals(Recipes.BOUNDARY_WEIGHT_LM, kan.boundaryWeight());
    }

    @Test
    void largeMlpsWarmUpWithAdamThenRunLbfgsWithTheSmallBoundaryWeight() {
        // 20,601 parameters: dense normal equations of 3.4 GB each
        Training big = PdeSolver.mlp().widths(2, 100, 100, 100, 1).build().training(problem);
        assertArrayEquals(new String[] {"adam", "lbfgs"}, optimizers(big));
        assertArrayEquals(new int[] {Recipes.ADAM_WARMUP, Recipes.LBFGS_AFTER_WARMUP}, iterations(big));
        assertEquals(Recipes.BOUNDARY_WEIGHT_FIRST_ORDER, big.boundaryWeight());
        // [2,30,30,1] has 1,051 parameters, just over the limit; [2,29,29,1] has 987
        assertArrayEquals(new String[] {"adam", "lbfgs"},
                optimizers(PdeSolver.mlp().widths(2, 30, 30, 1).build().training(problem)));
        assertArrayEquals(new String[] {"lm"},
                optimizers(PdeSolver.mlp().widths(2, 29, 29, 1).build().training(problem)));
    }

    @Test
    void explicitChoicesWin() {
        Training weighted = PdeSolver.mlp().widths(2, 100, 100, 100, 1).boundaryWeight(500).build().training(problem);
        assertEquals(500, weighted.boundaryWeight());
        // KANs keep the large weight with first-order methods too: it was better for them
        Training lbfgsKan = PdeSolver.kan().optimizer(new Lbfgs()).build().training(problem);
        assertEquals(Recipes.BOUNDARY_WEIGHT_LM, lbfgsKan.boundaryWeight());
        Training lbfgsMlp = PdeSolver.mlp().optimizer(new Lbfgs()).build().training(problem);
        assertEquals(Recipes.BOUNDARY_WEIGHT_FIRST_ORDER, lbfgsMlp.boundaryWeight());
        assertArrayEquals(new int[] {1000, 1000, 1000, 1000}, iterations(lbfgsKan));
        Training mixed = PdeSolver.mlp().optimizer(new Adam(), new LevenbergMarquardt()).build().training(problem);
        assertEquals(Recipes.BOUNDARY_WEIGHT_LM, mixed.boundaryWeight());
        assertArrayEquals(new int[] {2000, 400}, iterations(mixed));
    }

    @Test
    void holedPlanarDomainsGetTheWiderKan() {
        org.kanpde.solver.geometry.Domain plate = org.kanpde.solver.geometry.CsgDomain.difference(
                org.kanpde.solver.geometry.Box.cube(2, -1, 1), new org.kanpde.solver.geometry.Disk(0, 0, 0.3));
        Problem holed = Problem.builder().domain(plate).source(org.kanpde.solver.problem.Field.constant(1))
                .boundary(org.kanpde.solver.problem.BoundaryCondition.dirichlet(org.kanpde.solver.problem.Field.constant(0)))
                .build();
        assertArrayEquals(new int[] {2, Recipes.KAN_HOLED_2D_WIDTH, 1}, PdeSolver.kan().build().widths(holed));
        assertArrayEquals(new int[] {2, 5, 1}, PdeSolver.kan().build().widths(problem));
        assertArrayEquals(new int[] {2, 20, 20, 1}, PdeSolver.mlp().build().widths(holed));
        assertArrayEquals(new int[] {2, 3, 1}, PdeSolver.kan().widths(2, 3, 1).build().widths(holed));
    }
}
