package org.kanpde.solver.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.kanpde.net.kan.Kan;
import org.kanpde.net.mlp.Activation;
import org.kanpde.net.mlp.Mlp;
import org.kanpde.solver.TestProblems;
import org.kanpde.solver.geometry.Box;
import org.kanpde.solver.problem.BoundaryCondition;
import org.kanpde.solver.problem.Field;
import org.kanpde.solver.problem.Problem;
import org.kanpde.solver.optim.Adam;
import org.kanpde.solver.Runs;
import org.kanpde.solver.collocation.Collocation;

/** How stages end: divergence reports the iteration it happened at; an exactly zero gradient is convergence. */
class StageEndTest {
    private static final Execution ONE_THREAD = Execution.defaults().withThreads(1);

    @Test
    void divergence_names_the_iteration_the_stage_report_counts() {
        // Adam steps of about the learning rate (1) on every coefficient blow the loss up at once
        Training s = Runs.small(60, 20).divergenceFactor(1.5).stage(Stage.of(new Adam().withLearningRate(1.0)).withIterations(20)).build();
        Kan kan = Kan.builder().widths(2, 2, 1).gridSize(4).degree(3).inputRange(-1, 1).seed(2).build();
        TrainingResult r = Runs.train(TestProblems.poisson2dSin(), kan, s, ONE_THREAD, null);
        assertTrue(r.diverged());
        StageReport report = r.stages().get(0);
        assertEquals(StopReason.DIVERGED, report.reason());
        String message = r.messages().stream().filter(m -> m.contains("diverged")).findFirst().orElseThrow();
        assertTrue(message.contains("diverged at its iteration " + report.iterations() + " (loss "), message + " / "
                + report.iterations() + " iterations");
        assertFalse(message.contains("loss NaN"), message);
    }

    @Test
    void an_exactly_zero_adam_gradient_ends_the_stage_without_divergence() {
        // An MLP with zero parameters is u = 0, and every parameter derivative of u - 0 on the boundary
        // and of -Laplace u - 1 inside vanishes there: the loss is 1, its gradient exactly 0.
        Problem zero = Problem.builder().name("flat").domain(Box.cube(2, -1, 1)).source(Field.constant(1))
                .boundary(BoundaryCondition.dirichlet(Field.constant(0))).build();
        int[] widths = {2, 4, 1};
        Mlp flat = Mlp.of(widths, Activation.TANH, new double[(int) Mlp.parameterCount(widths)]);
        Training s = Training.builder().collocation(Collocation.of(30).withBoundaryPoints(10))
                .stages(List.of(Stage.of(new Adam()).withIterations(5))).build();
        TrainingResult r = Runs.train(zero, flat, s, ONE_THREAD, null);
        assertFalse(r.diverged(), r.messages().toString());
        assertEquals(StopReason.NO_PROGRESS, r.stages().get(0).reason());
        assertEquals(1.0, r.loss(), 1e-12);
        assertTrue(r.messages().stream().noneMatch(m -> m.contains("diverged")), r.messages().toString());
    }
}
