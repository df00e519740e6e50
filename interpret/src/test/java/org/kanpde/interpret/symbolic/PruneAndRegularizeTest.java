package org.kanpde.interpret.symbolic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.kanpde.net.Derivatives;
import org.kanpde.net.Evaluator;
import org.kanpde.net.kan.Kan;
import org.kanpde.net.kan.KanLayer;
import org.kanpde.net.kan.EdgeParameter;
import org.kanpde.net.parallel.ParallelRunner;
import org.kanpde.interpret.prune.Pruner;
import org.kanpde.interpret.prune.Pruning;
import org.kanpde.interpret.prune.SparsityRegularizer;
import org.kanpde.problems.ProblemCatalog;
import org.kanpde.solver.geometry.SamplingScheme;
import org.kanpde.solver.optim.DifferentiableObjective;
import org.kanpde.solver.optim.MinimizerRun;
import org.kanpde.solver.problem.Problem;
import org.kanpde.solver.residual.ResidualRows;
import org.kanpde.solver.residual.ResidualSystem;
import org.kanpde.solver.optim.Adam;
import org.kanpde.solver.optim.Lbfgs;
import org.kanpde.solver.optim.LevenbergMarquardt;
import org.kanpde.solver.train.Stage;
import org.kanpde.solver.train.TrainingResult;
import org.kanpde.solver.train.Training;
import org.kanpde.solver.Runs;
import org.kanpde.solver.collocation.Collocation;

/** Pruning and the sparsity penalty together with the solver's trainer and optimizers. */
class PruneAndRegularizeTest {

    private static Training.Builder settings() {
        return Training.builder()
                .collocation(Collocation.of(400).withBoundaryPoints(100).withInteriorSampling(SamplingScheme.SOBOL)).seed(1);
    }

    @Test
    void aPrunedKanKeepsItsFunctionAndTrainsFurther() {
        Problem problem = ProblemCatalog.get("poisson2d-sin");
        Kan kan = Kan.builder().widths(2, 4, 1).gridSize(5).degree(3).inputRange(-1, 1).seed(2).build();
        // hidden node 3 starts dead: w_b = w_s = 0 on its incoming edges, which then never train
        KanLayer first = kan.layer(0);
        for (int i = 0; i < 2; i++) {
            kan.parameters()[first.baseScaleIndex(3, i)] = 0;
            kan.parameters()[first.splineScaleIndex(3, i)] = 0;
        }
        TrainingResult trained = Runs.train(problem, kan,
                settings().stage(Stage.of(new LevenbergMarquardt()).withIterations(60)).build(), null);
        Kan net = (Kan) trained.solution().function();
        double[] points = problem.domain().sampleInterior(500, SamplingScheme.SOBOL, 3).coordinates();
        Pruning pruning = new Pruner().prune(net, points);
        Kan smaller = pruning.toKan();
        assertArrayEquals(new int[] {2, 3, 1}, smaller.widths());
        assertArrayEquals(new int[] {0, 1, 2}, pruning.keptNodes()[1]);
        Evaluator a = net.evaluator(Derivatives.HESSIAN_DIAGONAL);
        Evaluator b = smaller.evaluator(Derivatives.HESSIAN_DIAGONAL);
        SplittableRandom r = new SplittableRandom(4);
        for (int t = 0; t < 20; t++) {
            double[] z = r.doubles(2, -1, 1).toArray();
            assertEquals(a.forward(z, 0).value(), b.forward(z, 0).value(), 1e-12);
            assertEquals(a.forward(z, 0).laplacian(), b.forward(z, 0).laplacian(), 1e-9);
        }
        // the same trainer continues on the smaller network, with grid extension
        TrainingResult more = Runs.train(problem, smaller,
                settings().stage(Stage.of(new LevenbergMarquardt()).withGrid(10).withIterations(60)).build(), null);
        assertTrue(more.metrics().relL2() < trained.metrics().relL2(),
                "pruned and retrained " + more.metrics() + " vs trained " + trained.metrics());
    }

    /** loss + R over the free KAN parameters: the wiring documented in SparsityRegularizer. */
    private static final class Regularized implements DifferentiableObjective {
        private final ResidualSystem system;
        private final Kan kan;
        private final SparsityRegularizer regularizer;
        private final double[] points;
        private final int[] free;

        Regularized(ResidualSystem system, Kan kan, SparsityRegularizer regularizer, double[] points) {
            this.system = system;
            this.kan = kan;
            this.regularizer = regularizer;
            this.points = points;
            this.free = system.freeParameters();
        }

        @Override
        public int dimension() {
            return system.dimension();
        }

        @Override
        public double evaluate(double[] x, double[] gradient) {
            double f = system.evaluate(x, gradient);
            if (gradient == null) {
                return f + regularizer.value(kan, points);
            }
            double[] full = new double[kan.parameterCount()];
            f += regularizer.valueAndGradient(kan, points, full);
            for (int a = 0; a < free.length; a++) {
                gradient[a] += full[free[a]];
            }
            return f;
        }
    }

    private static double[] adam(Problem problem, Kan kan, SparsityRegularizer regularizer, double[] points,
                                 ParallelRunner runner) {
        ResidualRows rows = ResidualRows.of(problem, problem.domain().sampleInterior(300, SamplingScheme.SOBOL, 5),
                problem.domain().sampleBoundary(80, SamplingScheme.SOBOL, 6), 10, false);
        int[] free = kan.parameterIndices(EnumSet.of(EdgeParameter.SPLINE_COEFFICIENTS));
        ResidualSystem system = new ResidualSystem(kan, rows, free, runner);
        DifferentiableObjective objective = regularizer == null ? system : new Regularized(system, kan, regularizer, points);
        MinimizerRun run = new Adam().withLearningRate(1e-2).start(objective, system.currentPoint());
        for (int t = 0; t < 150; t++) {
            run.step();
        }
        system.setPoint(run.point());
        return new double[] {system.evaluate(run.point(), null), new SparsityRegularizer(1).value(kan, points)};
    }

    @Test
    void theSparsityPenaltyTrainsWithAFirstOrderOptimizer() {
        Problem problem = ProblemCatalog.get("poisson2d-sin");
        double[] points = problem.domain().sampleInterior(200, SamplingScheme.SOBOL, 7).coordinates();
        try (ParallelRunner runner = new ParallelRunner(2)) {
            Kan plain = Kan.builder().widths(2, 3, 1).gridSize(5).degree(3).inputRange(-1, 1).seed(4).build();
            Kan sparse = plain.copy();
            double[] without = adam(problem, plain, null, points, runner);
            double[] with = adam(problem, sparse, new SparsityRegularizer(3), points, runner);
            // the penalty (measured with lambda = 1) is smaller when it was trained, at some cost in
            // loss (150 Adam steps from the random start: the loss falls from 98 to about 2 and 3.5)
            assertTrue(with[1] < 0.95 * without[1], "penalty with " + with[1] + " vs without " + without[1]);
            assertTrue(with[0] < 5.0 && with[0] > without[0], "loss with " + with[0] + " vs without " + without[0]);
        }
    }
}
