package org.kanpde.solver.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.kanpde.net.kan.Kan;
import org.kanpde.net.parallel.ParallelRunner;
import org.kanpde.solver.TestProblems;
import org.kanpde.solver.collocation.Collocation;
import org.kanpde.solver.optim.LevenbergMarquardt;
import org.kanpde.solver.problem.Problem;
import org.kanpde.solver.residual.ResidualSystem;

class IterationKernelsTest {
    private static final Problem PROBLEM = TestProblems.poisson2dSin();

    private static Kan kan() {
        return Kan.builder().widths(2, 3, 1).gridSize(5).inputRange(-1, 1).seed(2).build();
    }

    @Test
    void kernelsRunOnTheSystemATrainingBuilds() {
        Collocation points = Collocation.of(200).withBoundaryPoints(30);
        try (ParallelRunner runner = new ParallelRunner(1)) {
            IterationKernels kernels = IterationKernels.of(PROBLEM, kan(), points, 7, runner);
            Training training = Training.builder().collocation(points).seed(7).stage(Stage.of(new LevenbergMarquardt())).build();
            ResidualSystem reference = training.residualSystem(PROBLEM, kan(),
                    training.collocation().draw(PROBLEM.domain(), 7, 0, true), runner);
            assertEquals(230, kernels.rows());
            assertEquals(reference.dimension(), kernels.parameters());
            double loss = reference.residuals(reference.currentPoint(), new double[230]);
            assertEquals(loss, kernels.loss(), 0.0, "same points, weights and parameters");
            assertEquals(loss, kernels.gradient(), 1e-12 * loss);
            assertEquals(loss, kernels.normalEquations(), 1e-12 * loss);
            assertTrue(kernels.cholesky(), "the damped normal matrix is positive definite");
        }
    }

    @Test
    void aLevenbergMarquardtIterationLeavesTheOtherKernelsAtTheStartPoint() {
        try (ParallelRunner runner = new ParallelRunner(2)) {
            IterationKernels kernels = IterationKernels.of(PROBLEM, kan(), Collocation.of(150), 3, runner);
            double before = kernels.loss();
            for (int i = 0; i < 3; i++) {
                assertTrue(kernels.lmIteration(), "iteration " + i + " moves the point");
            }
            assertEquals(before, kernels.loss(), 0.0);
            assertEquals(before, kernels.gradient(), 1e-12 * before);
        }
    }
}
