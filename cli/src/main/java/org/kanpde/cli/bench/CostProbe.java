package org.kanpde.cli.bench;

import java.util.Arrays;

import org.kanpde.net.TrialFunction;
import org.kanpde.net.parallel.ParallelRunner;
import org.kanpde.solver.collocation.Collocation;
import org.kanpde.solver.problem.Problem;
import org.kanpde.solver.train.IterationKernels;

/**
 * Times the per-iteration kernels of training ({@link IterationKernels}: the normal equations
 * J^T J and J^T r, the damped Cholesky factorization and solve, a whole Levenberg-Marquardt
 * iteration, and the loss gradient that Adam and L-BFGS use) on the residual system the trainer
 * builds, for one network, size and thread count. Each kernel runs once to warm up, then
 * {@code repetitions} times; the median and the minimum are kept (on a shared machine the minimum
 * is the better estimate of the cost, the median of what a run sees).
 *
 * <p>The kernels and their set-up live in the solver, shared with the JMH benchmarks; this class
 * keeps only the timing loop that a sweep over sizes needs (JMH runs one configuration per fork and
 * cannot sit inside the command).
 */
final class CostProbe {

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
        try (ParallelRunner runner = new ParallelRunner(threads)) {
            IterationKernels kernels = IterationKernels.of(problem, f, Collocation.of(points), seed, runner);
            Timing grad = time(repetitions, kernels::gradient);
            Timing normal = Timing.NONE;
            Timing cholesky = Timing.NONE;
            Timing step = Timing.NONE;
            if (model.lm()) {
                normal = time(repetitions, kernels::normalEquations);
                cholesky = time(repetitions, kernels::cholesky);
                step = time(repetitions, kernels::lmIteration);
            }
            return new Result(study, problemId, model.label(problem.dimension()), model.kan(),
                    model.kan() ? model.basis().id() : "", f.parameterCount(), kernels.parameters(),
                    kernels.rows(), threads, normal, cholesky, step, grad);
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
