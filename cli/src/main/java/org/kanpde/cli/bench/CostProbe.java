package org.kanpde.cli.bench;

import java.util.Arrays;
import java.util.List;

import org.kanpde.net.TrialFunction;
import org.kanpde.net.parallel.ParallelRunner;
import org.kanpde.solver.collocation.Collocation;
import org.kanpde.solver.collocation.CollocationPoints;
import org.kanpde.solver.optim.Cholesky;
import org.kanpde.solver.optim.LevenbergMarquardt;
import org.kanpde.solver.optim.MinimizerRun;
import org.kanpde.solver.problem.Problem;
import org.kanpde.solver.residual.ResidualRows;
import org.kanpde.solver.residual.ResidualSystem;
import org.kanpde.solver.train.Recipes;
import org.kanpde.solver.train.Stage;
import org.kanpde.solver.train.Training;

/**
 * Times the per-iteration kernels of training on the residual system the trainer builds (same
 * points, weights and trainable parameters): the normal equations J^T J and J^T r, the damped
 * Cholesky factorization and solve, a whole Levenberg-Marquardt iteration, and the loss gradient
 * that Adam and L-BFGS use. Each kernel runs once to warm up, then {@code repetitions} times; the
 * median and the minimum are kept (on a shared machine the minimum is the better estimate of the
 * cost, the median of what a run sees).
 */
final class CostProbe {
    /** The damping of a first Levenberg-Marquardt trial, relative to the scaled diagonal. */
    private static final double DAMPING = 1e-3;

    private CostProbe() {
    }

    /** Median and minimum of timed repetitions in milliseconds; NaN when not measured. */
    record Timing(double medianMs, double minMs, int repetitions) {
        static final Timing NONE = new Timing(Double.NaN, Double.NaN, 0);

        boolean measured() {
            return repetitions > 0;
        }
    }

    /**
     * The timings of one network at one size and thread count.
     *
     * @param study      "points", "parameters" or "threads"
     * @param problem    problem id
     * @param model      network label
     * @param kan        whether it is a KAN
     * @param basis      the KAN's edge basis id (bspline, chebyshev, rbf, fourier), empty for an MLP
     * @param parameters all parameters of the network
     * @param trainable  trainable parameters (the order of the normal equations)
     * @param rows       residual rows (interior plus boundary points)
     * @param threads    worker threads
     */
    record Result(String study, String problem, String model, boolean kan, String basis, int parameters, int trainable, int rows,
                  int threads, Timing normalEquations, Timing cholesky, Timing lmStep, Timing gradient) {
    }

    @FunctionalInterface
    private interface Kernel {
        void run();
    }

    /**
     * Times the kernels of {@code model} on {@code points} random interior points and a tenth as
     * many boundary points.
     */
    static Result measure(String study, String problemId, Problem problem, CostModel model, int points, int threads,
                          int repetitions, long seed) {
        TrialFunction f = model.build(problem, seed);
        // the residual system a default training builds at its first stage
        Training training = Training.builder().collocation(Collocation.of(points)).seed(seed)
                .stage(Stage.of(new LevenbergMarquardt())).build();
        CollocationPoints drawn = training.collocation().draw(problem.domain(), seed, 0, true);
        try (ParallelRunner runner = new ParallelRunner(threads)) {
            ResidualSystem system = training.residualSystem(problem, f, drawn, runner);
            ResidualRows rows = system.rows();
            double[] x = system.currentPoint();
            int n = x.length;
            double[] gradient = new double[n];
            Timing grad = time(repetitions, () -> system.evaluate(x, gradient));
            Timing normal = Timing.NONE;
            Timing cholesky = Timing.NONE;
            Timing step = Timing.NONE;
            if (model.lm()) {
                double[] residuals = new double[rows.count()];
                double[] jtj = new double[n * n];
                double[] jtr = new double[n];
                normal = time(repetitions, () -> system.normalEquations(x, residuals, jtj, jtr));
                double[] a = new double[n * n];
                double[] b = new double[n];
                double maxDiagonal = 0;
                for (int i = 0; i < n; i++) {
                    maxDiagonal = Math.max(maxDiagonal, jtj[i * n + i]);
                }
                double floor = 1e-9 * maxDiagonal;
                cholesky = time(repetitions, () -> {
                    System.arraycopy(jtj, 0, a, 0, n * n);
                    for (int i = 0; i < n; i++) {
                        a[i * n + i] += DAMPING * Math.max(jtj[i * n + i], floor);
                        b[i] = -jtr[i];
                    }
                    Cholesky.factorize(a, n, runner);
                    Cholesky.solve(a, n, b);
                });
                MinimizerRun run = new LevenbergMarquardt().start(system, x.clone(), runner);
                step = time(repetitions, run::step);
            }
            return new Result(study, problemId, model.label(problem.dimension()), model.kan(),
                    model.kan() ? model.basis().id() : "", f.parameterCount(), n,
                    rows.count(), threads, normal, cholesky, step, grad);
        }
    }

    private static Timing time(int repetitions, Kernel kernel) {
        kernel.run();
        double[] ms = new double[repetitions];
        for (int r = 0; r < repetitions; r++) {
            long t0 = System.nanoTime();
            kernel.run();
            ms[r] = (System.nanoTime() - t0) * 1e-6;
        }
        Arrays.sort(ms);
        double median = repetitions % 2 == 1 ? ms[repetitions / 2] : 0.5 * (ms[repetitions / 2 - 1] + ms[repetitions / 2]);
        return new Timing(median, ms[0], repetitions);
    }

    /**
     * Least-squares slope of log(y) against log(x) over the pairs with finite positive values: the
     * exponent p in y ~ x^p, or NaN with fewer than two distinct x.
     */
    static double logSlope(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        int m = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] > 0 && y[i] > 0 && Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                mx += Math.log(x[i]);
                my += Math.log(y[i]);
                m++;
            }
        }
        if (m < 2) {
            return Double.NaN;
        }
        mx /= m;
        my /= m;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] > 0 && y[i] > 0 && Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                double dx = Math.log(x[i]) - mx;
                sxx += dx * dx;
                sxy += dx * (Math.log(y[i]) - my);
            }
        }
        return sxx > 1e-24 ? sxy / sxx : Double.NaN;
    }
}
