package org.kanpde.solver.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.kanpde.net.kan.Kan;
import org.kanpde.net.kan.EdgeParameter;
import org.kanpde.net.mlp.Mlp;
import org.kanpde.solver.Runs;
import org.kanpde.solver.TestProblems;
import org.kanpde.solver.collocation.Collocation;
import org.kanpde.solver.geometry.SamplingScheme;
import org.kanpde.solver.problem.Problem;
import org.kanpde.solver.optim.LevenbergMarquardt;
import org.kanpde.solver.optim.Adam;
import org.kanpde.solver.optim.Lbfgs;

/** Training runs of small networks: accuracy, boundary conditions, optimizers, divergence, reproducibility. */
class TrainingTest {

    private static Training.Builder small(int interior, int boundary) {
        return Runs.small(interior, boundary);
    }

    @Test
    void poisson1dReachesRelativeL2Below1e6() {
        Problem problem = TestProblems.poisson1d();
        Kan kan = Kan.builder().widths(1, 2, 1).gridSize(5).degree(5).inputRange(-1, 1).seed(1).build();
        // quasi-random points: 200 random ones leave gaps in 1-D that the G=20 network fits across
        Training settings = small(200, 2)
                .collocation(Collocation.of(200).withBoundaryPoints(2).withInteriorSampling(SamplingScheme.SOBOL))
                .stage(Stage.of(new LevenbergMarquardt()).withGrid(5).withIterations(100))
                .stage(Stage.of(new LevenbergMarquardt()).withGrid(10).withIterations(100))
                .stage(Stage.of(new LevenbergMarquardt()).withGrid(20).withIterations(100)).build();
        TrainingResult result = Runs.train(problem, kan, settings, null);
        // 3.1e-8 as of now; the lower bound rejects a measure that reports no error
        assertTrue(result.metrics().relL2() > 5e-9 && result.metrics().relL2() < 1e-6, "relative L2 " + result.metrics());
        assertEquals(3, result.stages().size());
        assertFalse(result.diverged());
        // the trained solution solves the equation pointwise
        double x = 0.3;
        assertEquals(Math.PI * Math.PI * Math.sin(Math.PI * x), -result.solution().laplacian(x), 1e-3);
    }

    @Test
    void small2dKanAndMlpConverge() {
        Problem problem = TestProblems.poisson2dSin();
        Kan kan = Kan.builder().widths(2, 3, 1).gridSize(5).degree(3).inputRange(-1, 1).seed(2).build();
        Training settings = small(400, 80)
                .collocation(Collocation.of(400).withBoundaryPoints(80).withInteriorSampling(SamplingScheme.SOBOL))
                .stage(Stage.of(new LevenbergMarquardt()).withIterations(50))
                .stage(Stage.of(new LevenbergMarquardt()).withGrid(10).withIterations(50)).build();
        TrainingResult kanResult = Runs.train(problem, kan, settings, null);
        // 4.9e-3 as of now (see below for why it may move by a factor of 2)
        assertTrue(kanResult.metrics().relL2() > 1e-3 && kanResult.metrics().relL2() < 1e-2, "KAN " + kanResult.metrics());
        // the first stage stalls (cubic splines on G=5) and ends on round-off-level steps, so the
        // second stage's start, and its final loss, vary by a factor of 2 with round-off: 0.09 or
        // 0.17 from 138 for this seed; over seeds 1-8 they range from 3e-3 to 0.17
        assertTrue(kanResult.history().get(kanResult.history().size() - 1).loss() < kanResult.history().get(0).loss() * 1e-2);

        Mlp mlp = Mlp.tanh(3, 2, 12, 1);
        TrainingResult mlpResult = Runs.train(problem, mlp, settings, null);
        // 7.8e-3 as of now
        assertTrue(mlpResult.metrics().relL2() > 2e-3 && mlpResult.metrics().relL2() < 3e-2, "MLP " + mlpResult.metrics());
    }

    @Test
    void everyBoundaryConditionKindIsSatisfied() {
        // Dirichlet, Neumann and two Robin faces, variable diffusion, reaction and u^3
        Problem problem = TestProblems.mixed();
        Kan kan = Kan.builder().widths(2, 3, 1).gridSize(5).degree(3).inputRange(0, 1).seed(3).build();
        Training settings = small(500, 200).boundaryWeight(10)
                .stage(Stage.of(new LevenbergMarquardt()).withIterations(80)).build();
        TrainingResult result = Runs.train(problem, kan, settings, null);
        // 3.8e-6 and 3.7e-5 as of now
        assertTrue(result.metrics().relL2() > 1e-6 && result.metrics().relL2() < 2e-5, "relative L2 " + result.metrics());
        assertTrue(result.metrics().h1Rel() > 1e-5 && result.metrics().h1Rel() < 2e-4, "H1 " + result.metrics());
    }

    @Test
    void hardDirichletSatisfiesTheBoundaryExactly() {
        Problem problem = TestProblems.poisson2dSin();
        Kan kan = Kan.builder().widths(2, 3, 1).gridSize(5).degree(3).inputRange(-1, 1).seed(4).build();
        Training settings = small(400, 0).hardDirichlet(true).stage(Stage.of(new LevenbergMarquardt()).withIterations(40)).build();
        TrainingResult result = Runs.train(problem, kan, settings, null);
        assertEquals(0.0, result.solution().value(1.0, 0.3), 1e-15);
        assertEquals(0.0, result.solution().value(-0.2, -1.0), 1e-15);
        // 1.1e-3 as of now
        assertTrue(result.metrics().relL2() > 3e-4 && result.metrics().relL2() < 5e-3, "relative L2 " + result.metrics());
    }

    @Test
    void adamAndLbfgsReduceTheLoss() {
        Problem problem = TestProblems.poisson2dSin();
        Mlp mlp = Mlp.tanh(5, 2, 10, 1);
        Training settings = small(200, 40).boundaryWeight(10)
                .stage(Stage.of(new Adam().withLearningRate(1e-2)).withIterations(150))
                .stage(Stage.of(new Lbfgs()).withIterations(150)).build();
        TrainingResult result = Runs.train(problem, mlp, settings, null);
        double first = result.history().get(0).loss();
        double afterAdam = result.stages().get(0).loss();
        double last = result.loss();
        assertTrue(afterAdam < first / 5, "Adam: " + first + " -> " + afterAdam);
        assertTrue(last < afterAdam / 5, "L-BFGS: " + afterAdam + " -> " + last);
    }

    @Test
    void divergenceIsDetectedReportedAndTheBestParametersKept() {
        Problem problem = TestProblems.poisson2dSin();
        Mlp mlp = Mlp.tanh(6, 2, 8, 1);
        Training settings = small(100, 20).divergenceFactor(10)
                .stage(Stage.of(new Adam().withLearningRate(50)).withIterations(200))
                .stage(Stage.of(new LevenbergMarquardt()).withIterations(5)).build();
        TrainingResult result = Runs.train(problem, mlp, settings, null);
        assertTrue(result.diverged());
        assertEquals(StopReason.DIVERGED, result.stages().get(0).reason());
        assertEquals(1, result.stages().size(), "training stops after divergence");
        assertTrue(result.messages().stream().anyMatch(m -> m.contains("diverged")), result.messages().toString());
        double best = result.history().stream().mapToDouble(HistoryEntry::loss).min().orElseThrow();
        assertEquals(best, result.loss(), 0.0, "the best parameters are restored");
        assertTrue(Double.isFinite(result.solution().value(0.1, 0.2)));
    }

    @Test
    void sameSeedSameResultAndAnyThreadCount() {
        Problem problem = TestProblems.poisson2dSin();
        double[] losses = new double[3];
        int[] threads = {1, 2, 2};
        for (int t = 0; t < 3; t++) {
            Kan kan = Kan.builder().widths(2, 2, 1).gridSize(4).degree(3).inputRange(-1, 1).seed(9).build();
            Training settings = small(300, 40)
                    .stage(Stage.of(new LevenbergMarquardt()).withIterations(10))
                    .stage(Stage.of(new LevenbergMarquardt()).withGrid(8).withIterations(5)).build();
            losses[t] = Runs.train(problem, kan, settings, Execution.defaults().withThreads(threads[t]), null).loss();
        }
        assertEquals(losses[0], losses[1], 0.0);
        assertEquals(losses[0], losses[2], 0.0);
    }

    @Test
    void aListenerCanStopTraining() {
        Problem problem = TestProblems.poisson2dSin();
        Kan kan = Kan.builder().widths(2, 2, 1).seed(1).inputRange(-1, 1).build();
        Training settings = small(200, 40).stage(Stage.of(new LevenbergMarquardt()).withIterations(1000)).build();
        TrainingResult result = Runs.train(problem, kan, settings, new TrainingListener() {
            @Override
            public boolean iteration(HistoryEntry entry) {
                return entry.iteration() < 3;
            }
        });
        assertEquals(3, result.iterations());
        assertTrue(result.stopped());
        assertTrue(result.stages().isEmpty(), "the interrupted stage has not ended");
    }

    @Test
    void gridExtensionHappensBetweenStagesAndScalesStayFrozen() {
        Problem problem = TestProblems.poisson2dSin();
        Kan kan = Kan.builder().widths(2, 2, 1).gridSize(3).degree(3).inputRange(-1, 1).seed(1).build();
        Training settings = small(200, 40).gridUpdate(true)
                .stage(Stage.of(new LevenbergMarquardt()).withIterations(3))
                .stage(Stage.of(new LevenbergMarquardt()).withGrid(6, 12).withIterations(3)).build();
        TrainingResult result = Runs.train(problem, kan, settings, null);
        Kan trained = (Kan) result.solution().function();
        assertEquals(6, trained.gridSizes()[0]);
        assertEquals(12, trained.gridSizes()[1]);
        int[] scales = trained.parameterIndices(EnumSet.of(EdgeParameter.BASE_SCALE, EdgeParameter.SPLINE_SCALE));
        int[] initialScales = kan.parameterIndices(EnumSet.of(EdgeParameter.BASE_SCALE, EdgeParameter.SPLINE_SCALE));
        for (int i = 0; i < scales.length; i++) {
            assertEquals(kan.parameters()[initialScales[i]], trained.parameters()[scales[i]]);
        }
        assertTrue(result.messages().get(0).contains("-> [6, 12]"), result.messages().toString());
    }

    @Test
    void mismatchedDimensionsAreRejected() {
        Kan kan = Kan.builder().widths(3, 2, 1).build();
        Training settings = small(10, 4).stage(Stage.of(new LevenbergMarquardt()).withIterations(1)).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Runs.train(TestProblems.poisson2dSin(), kan, settings, null));
        assertTrue(e.getMessage().contains("3-D") && e.getMessage().contains("2-D"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Training.builder().build());
        e = assertThrows(IllegalArgumentException.class, () -> Stage.of(new LevenbergMarquardt()).withSeconds(-2));
        assertTrue(e.getMessage().contains("-2.0"), e.getMessage());
    }
}
