package org.kanpde.solver.train;

import org.kanpde.net.TrialFunction;
import org.kanpde.net.parallel.ParallelRunner;
import org.kanpde.solver.collocation.Collocation;
import org.kanpde.solver.collocation.CollocationPoints;
import org.kanpde.solver.optim.Cholesky;
import org.kanpde.solver.optim.LevenbergMarquardt;
import org.kanpde.solver.optim.MinimizerRun;
import org.kanpde.solver.problem.Problem;
import org.kanpde.solver.residual.ResidualSystem;

/**
 * The kernels one training iteration is made of, on the residual system a training builds at its
 * first stage (the same points, weights and trainable parameters): the loss and its gradient (an
 * Adam or L-BFGS evaluation), the loss alone (a line-search trial), the normal equations J^T J and
 * J^T r, the damped Cholesky factorization and solve, and a whole Levenberg-Marquardt iteration.
 *
 * <p>The one home of these kernels for timing them: {@code kanpde bench} times them across sizes
 * and thread counts with a median-of-repetitions loop (the cost tables of BENCHMARKS.md), and the
 * JMH benchmarks time the same methods at fixed sizes with JMH's loop (for comparing builds of one
 * kernel). Both therefore measure the same work on the same system. The set-up is a training's
 * own ({@link Training#residualSystem}, {@link Collocation#draw}), so that what is timed is what
 * training runs.
 *
 * <p>Not thread-safe; every kernel but {@link #lmIteration()} evaluates at the start point, so
 * repeated calls do the same work.
 */
public final class IterationKernels {
    /** The damping of a first Levenberg-Marquardt trial, relative to the diagonal of J^T J. */
    private static final double DAMPING = 1e-3;
    /** Floor of the diagonal used in the damping, relative to its largest entry (as the optimizer does). */
    private static final double DIAGONAL_FLOOR = 1e-9;

    private final ResidualSystem system;
    private final ParallelRunner runner;
    private final double[] start;
    private final int n;
    private final double[] gradient;
    private final double[] residuals;
    /** Normal equations and the damped system, allocated by the first normal-equation kernel (n x n). */
    private double[] jtj;
    private double[] jtr;
    private double[] damped;
    private double[] step;
    private boolean formed;
    private MinimizerRun run;

    private IterationKernels(ResidualSystem system, ParallelRunner runner) {
        this.system = system;
        this.runner = runner;
        this.start = system.currentPoint();
        this.n = start.length;
        this.gradient = new double[n];
        this.residuals = new double[system.residualCount()];
    }

    /**
     * The kernels of a default training (one Levenberg-Marquardt stage, the default loss and
     * trainable parameters) of {@code model} on points drawn as that training draws them.
     *
     * @param model       the trial function (its live parameters are the start point; a
     *                    Levenberg-Marquardt iteration moves them)
     * @param collocation the points
     * @param seed        the seed of the points, as a training's
     * @param runner      the threads the rows are evaluated on (owned by the caller)
     */
    public static IterationKernels of(Problem problem, TrialFunction model, Collocation collocation, long seed,
                                      ParallelRunner runner) {
        Training training = Training.builder().collocation(collocation).seed(seed)
                .stage(Stage.of(new LevenbergMarquardt())).build();
        return of(problem, model, training, runner);
    }

    /**
     * The kernels of {@code training}'s residual system (its loss weights and trainable parameters)
     * for {@code model}, on the points its first stage draws.
     *
     * @param model    the trial function (its live parameters are the start point)
     * @param training the collocation, seed, weights and trainable parameters
     * @param runner   the threads the rows are evaluated on (owned by the caller)
     */
    public static IterationKernels of(Problem problem, TrialFunction model, Training training, ParallelRunner runner) {
        CollocationPoints points = training.collocation().draw(problem.domain(), training.seed(), 0, true);
        return new IterationKernels(training.residualSystem(problem, model, points, runner), runner);
    }

    /** The residual system. */
    public ResidualSystem system() {
        return system;
    }

    /** Trainable parameters: the order of the normal equations. */
    public int parameters() {
        return n;
    }

    /** Residual rows (interior and boundary points). */
    public int rows() {
        return residuals.length;
    }

    /** The loss and its gradient at the start point; returns the loss. */
    public double gradient() {
        return system.evaluate(start, gradient);
    }

    /** The loss alone (the residual pass) at the start point. */
    public double loss() {
        return system.residuals(start, residuals);
    }

    /** The residuals, J^T J, J^T r and the loss at the start point; returns the loss. */
    public double normalEquations() {
        if (jtj == null) {
            jtj = new double[n * n];
            jtr = new double[n];
        }
        formed = true;
        return system.normalEquations(start, residuals, jtj, jtr);
    }

    /**
     * A Levenberg-Marquardt trial's linear algebra: J^T J + mu D (D the diagonal of J^T J, floored),
     * its Cholesky factorization and the solve for the step. Uses the normal equations of the last
     * {@link #normalEquations()}, forming them first if there are none (so time it after a warm-up
     * call).
     *
     * @return whether the damped matrix was positive definite
     */
    public boolean cholesky() {
        if (!formed) {
            normalEquations();
        }
        if (damped == null) {
            damped = new double[n * n];
            step = new double[n];
        }
        double maxDiagonal = 0;
        for (int i = 0; i < n; i++) {
            maxDiagonal = Math.max(maxDiagonal, jtj[i * n + i]);
        }
        double floor = DIAGONAL_FLOOR * maxDiagonal;
        System.arraycopy(jtj, 0, damped, 0, n * n);
        for (int i = 0; i < n; i++) {
            damped[i * n + i] += DAMPING * Math.max(jtj[i * n + i], floor);
            step[i] = -jtr[i];
        }
        boolean positive = Cholesky.factorize(damped, n, runner);
        Cholesky.solve(damped, n, step);
        return positive;
    }

    /**
     * One iteration of {@link LevenbergMarquardt} with its default settings, continuing one run
     * from the start point (its trial evaluations included); a run that can make no more progress
     * starts again from the start point, so that every call does an iteration's work.
     *
     * @return whether the iteration moved the point
     */
    public boolean lmIteration() {
        if (run == null) {
            run = new LevenbergMarquardt().start(system, start.clone(), runner);
        }
        boolean moved = run.step();
        if (!moved) {
            run = null;
        }
        return moved;
    }
}
