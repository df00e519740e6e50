package org.kanpde.bench;

import java.util.EnumSet;
import java.util.Locale;

import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;
import org.kanpde.net.kan.Kan;
import org.kanpde.net.kan.EdgeParameter;
import org.kanpde.net.parallel.ParallelRunner;
import org.kanpde.problems.ProblemCatalog;
import org.kanpde.solver.geometry.SamplingScheme;
import org.kanpde.solver.optim.LevenbergMarquardt;
import org.kanpde.solver.optim.MinimizerRun;
import org.kanpde.solver.problem.Problem;
import org.kanpde.solver.residual.ResidualRows;
import org.kanpde.solver.residual.ResidualSystem;

/**
 * Our Levenberg-Marquardt (J^T J from sparse rows, Cholesky) against Hipparchus's
 * LevenbergMarquardtOptimizer (QR of the dense Jacobian) on the same residual system, from the same
 * start: time per iteration and loss after the same number of iterations.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.kanpde.bench.LevenbergMarquardtComparison [iterations]}
 */
public final class LevenbergMarquardtComparison {
    private LevenbergMarquardtComparison() {
    }

    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Problem problem = ProblemCatalog.get("poisson2d-paper");
        try (ParallelRunner runner = new ParallelRunner(Runtime.getRuntime().availableProcessors())) {
            for (int[] setting : new int[][] {{10, 20, 3}, {5, 50, 5}}) {
                Kan kan = Kan.builder().widths(2, setting[0], 1).gridSize(setting[1]).degree(setting[2]).inputRange(-1, 1)
                        .seed(1).build();
                ResidualRows rows = ResidualRows.of(problem, problem.domain().sampleInterior(6000, SamplingScheme.RANDOM, 1),
                        problem.domain().sampleBoundary(600, SamplingScheme.RANDOM, 2), 1000, false);
                ResidualSystem system = new ResidualSystem(kan, rows,
                        kan.parameterIndices(EnumSet.of(EdgeParameter.SPLINE_COEFFICIENTS)), runner);
                double[] x0 = system.currentPoint();
                String label = String.format(Locale.ROOT, "KAN [2,%d,1] G=%d k=%d, %d coefficients, %d rows", setting[0],
                        setting[1], setting[2], x0.length, system.residualCount());
                // warm up both paths once
                ours(system, x0, 2, runner);
                hipparchus(system, x0, 2);
                long t0 = System.nanoTime();
                double oursLoss = ours(system, x0, iterations, runner);
                double oursMs = (System.nanoTime() - t0) * 1e-6 / iterations;
                t0 = System.nanoTime();
                double[] theirs = hipparchus(system, x0, iterations);
                double theirMs = (System.nanoTime() - t0) * 1e-6 / theirs[1];
                System.out.printf(Locale.ROOT, "%s%n  ours:       %8.1f ms per iteration, loss %.3e after %d iterations%n"
                        + "  Hipparchus: %8.1f ms per iteration, loss %.3e after %d iterations%n", label, oursMs, oursLoss,
                        iterations, theirMs, theirs[0], (int) theirs[1]);
            }
        }
    }

    private static double ours(ResidualSystem system, double[] x0, int iterations, ParallelRunner runner) {
        MinimizerRun run = new LevenbergMarquardt().start(system, x0, runner);
        for (int i = 0; i < iterations && run.step(); i++) {
            // one damped Gauss-Newton step each
        }
        return run.value();
    }

    /** Runs Hipparchus's optimizer for a number of iterations; returns {loss, iterations done}. */
    private static double[] hipparchus(ResidualSystem system, double[] x0, int iterations) {
        int m = system.residualCount();
        int n = system.dimension();
        double[] r = new double[m];
        double[] j = new double[m * n];
        double[] last = {Double.NaN};
        LeastSquaresProblem problem = new LeastSquaresBuilder().start(x0).target(new double[m])
                .model(point -> {
                    last[0] = system.jacobian(point.toArray(), r, j);
                    double[][] rowsOfJ = new double[m][];
                    for (int i = 0; i < m; i++) {
                        rowsOfJ[i] = java.util.Arrays.copyOfRange(j, i * n, (i + 1) * n);
                    }
                    RealVector value = new ArrayRealVector(r, false);
                    return new Pair<>(value, new Array2DRowRealMatrix(rowsOfJ, false));
                })
                .maxEvaluations(Integer.MAX_VALUE).maxIterations(iterations).build();
        try {
            double cost = new LevenbergMarquardtOptimizer().optimize(problem).getCost();
            return new double[] {cost * cost, iterations};
        } catch (MathIllegalStateException e) {
            // the iteration limit ends the run: the last evaluated point's loss is what it reached
            return new double[] {last[0], iterations};
        }
    }
}
