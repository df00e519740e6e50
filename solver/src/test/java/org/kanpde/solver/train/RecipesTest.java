package org.kanpde.solver.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.kanpde.solver.PdeSolver;
import org.kanpde.solver.TestProblems;
import org.kanpde.solver.problem.Problem;

/** The default optimizers and boundary weights that {@link PdeSolver} takes from {@link Recipes}. */
class RecipesTest {
    private final Problem problem = TestProblems.poisson2dSin();

    private static Optimizer[] optimizers(TrainingSettings s) {
        return s.stages().stream().map(Stage::optimizer).toArray(Optimizer[]::new);
    }

    private static int[] iterations(TrainingSettings s) {
        return s.stages().stream().mapToInt(Stage::iterations).toArray();
    }

    @Test
    void smallMlpsAndKansUseLevenbergMarquardtWithTheLargeBoundaryWeight() {
        TrainingSettings mlp = PdeSolver.mlp().build().settings(problem);
        assertArrayEquals(new Optimizer[] {Optimizer.LM}, optimizers(mlp));
        assertArrayEquals(new int[] {600}, iterations(mlp));
        assertEquals(Recipes.BOUNDARY_WEIGHT_LM, mlp.boundaryWeight());
        TrainingSettings kan = PdeSolver.kan().build().settings(problem);
        assertEquals(List.of(Optimizer.LM, Optimizer.LM, Optimizer.LM, Optimizer.LM), List.of(optimizers(kan)));
        assertEquals(Recipes.BOUNDARY_WEIGHT_LM, kan.boundaryWeight());
    }

    @Test
    void largeMlpsWarmUpWithAdamThenRunLbfgsWithTheSmallBoundaryWeight() {
        // 20,601 parameters: dense normal equations of 3.4 GB each
        TrainingSettings big = PdeSolver.mlp().widths(2, 100, 100, 100, 1).build().settings(problem);
        assertArrayEquals(new Optimizer[] {Optimizer.ADAM, Optimizer.LBFGS}, optimizers(big));
        assertArrayEquals(new int[] {Recipes.ADAM_WARMUP, Recipes.LBFGS_AFTER_WARMUP}, iterations(big));
        assertEquals(Recipes.BOUNDARY_WEIGHT_FIRST_ORDER, big.boundaryWeight());
        // [2,30,30,1] has 1,051 parameters, just over the limit; [2,29,29,1] has 987
        assertArrayEquals(new Optimizer[] {Optimizer.ADAM, Optimizer.LBFGS},
                optimizers(PdeSolver.mlp().widths(2, 30, 30, 1).build().settings(problem)));
        assertArrayEquals(new Optimizer[] {Optimizer.LM},
                optimizers(PdeSolver.mlp().widths(2, 29, 29, 1).build().settings(problem)));
    }

    @Test
    void explicitChoicesWin() {
        TrainingSettings weighted = PdeSolver.mlp().widths(2, 100, 100, 100, 1).boundaryWeight(500).build().settings(problem);
        assertEquals(500, weighted.boundaryWeight());
        // KANs keep the large weight with first-order methods too: it was better for them
        TrainingSettings lbfgsKan = PdeSolver.kan().optimizer(Optimizer.LBFGS).build().settings(problem);
        assertEquals(Recipes.BOUNDARY_WEIGHT_LM, lbfgsKan.boundaryWeight());
        TrainingSettings lbfgsMlp = PdeSolver.mlp().optimizer(Optimizer.LBFGS).build().settings(problem);
        assertEquals(Recipes.BOUNDARY_WEIGHT_FIRST_ORDER, lbfgsMlp.boundaryWeight());
        assertArrayEquals(new int[] {1000, 1000, 1000, 1000}, iterations(lbfgsKan));
        TrainingSettings mixed = PdeSolver.mlp().optimizer(Optimizer.ADAM, Optimizer.LM).build().settings(problem);
        assertEquals(Recipes.BOUNDARY_WEIGHT_LM, mixed.boundaryWeight());
        assertArrayEquals(new int[] {2000, 400}, iterations(mixed));
    }
}
