package org.kanpde.solver.optim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.kanpde.net.parallel.ParallelRunner;

/**
 * Levenberg-Marquardt on a {@link LeastSquaresObjective}: each iteration solves
 * {@code (J^T J + mu D) delta = -J^T r} by a dense Cholesky factorization, with D the diagonal of
 * J^T J (Marquardt's scaling, floored at a small fraction of its largest entry so that columns
 * without curvature stay well posed), and accepts the step when the actual decrease of
 * {@code L = |r|^2} is a positive fraction of the decrease the linear model predicts. The damping
 * follows Nielsen's rule: after a step with gain ratio rho it is multiplied by
 * {@code max(1/3, 1 - (2 rho - 1)^3)}; after a rejection it grows by a factor that doubles with each
 * consecutive rejection.
 *
 * <p>We form J^T J ourselves (the objective may exploit sparse Jacobian rows) and factorize it with
 * {@link Cholesky}: on KAN-sized problems (a few hundred to a few thousand parameters) this is an
 * order of magnitude faster than a QR factorization of the full Jacobian, as in Hipparchus's
 * LevenbergMarquardtOptimizer.
 *
 * <p>After an accepted step, the next trial point's residuals and normal equations are formed in
 * one pass (the Jacobian rows repeat the residuals' forward pass); after a rejection only its
 * residuals. The loss is always the sum of squares of the residual vector, so which of the two
 * ran never changes the steps, and a resumed run makes exactly the original steps.
 *
 * <p>Defaults: initial damping 1e-3, diagonal floor 1e-9, at most 30 damping increases per
 * iteration. Immutable; {@code withX} methods return modified copies.
 */
public final class LevenbergMarquardt implements Optimizer {
    /** n x n matrices alive during an iteration: J^T J, the trial's J^T J, the factorized system, the objective's accumulator. */
    private static final int DENSE_MATRICES = 4;
    /** Share of the JVM's maximum memory the normal equations may take. */
    private static final double MEMORY_SHARE = 0.75;

    private final double initialDamping;
    private final double diagonalFloor;
    private final int maxRejections;

    /** Levenberg-Marquardt with the defaults listed above. */
    public LevenbergMarquardt() {
        this(1e-3, 1e-9, 30);
    }

    private LevenbergMarquardt(double initialDamping, double diagonalFloor, int maxRejections) {
        this.initialDamping = initialDamping;
        this.diagonalFloor = diagonalFloor;
        this.maxRejections = maxRejections;
    }

    /** A copy with another initial damping mu_0 &gt; 0 (relative to the scaled diagonal). */
    public LevenbergMarquardt withInitialDamping(double mu) {
        if (!(mu > 0) || !Double.isFinite(mu)) {
            throw new IllegalArgumentException("initial damping must be finite and > 0, got " + mu);
        }
        return new LevenbergMarquardt(mu, diagonalFloor, maxRejections);
    }

    /** A copy with another floor of the scaling diagonal, relative to its largest entry, in (0, 1). */
    public LevenbergMarquardt withDiagonalFloor(double floor) {
        if (!(floor > 0 && floor < 1)) {
            throw new IllegalArgumentException("diagonal floor must be in (0, 1), got " + floor);
        }
        return new LevenbergMarquardt(initialDamping, floor, maxRejections);
    }

    /** A copy that gives up an iteration after this many consecutive rejected trial steps (&gt;= 1). */
    public LevenbergMarquardt withMaxRejections(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("maximum rejections must be >= 1, got " + count);
        }
        return new LevenbergMarquardt(initialDamping, diagonalFloor, count);
    }

    /** Initial damping. */
    public double initialDamping() {
        return initialDamping;
    }

    /** Floor of the scaling diagonal, relative to its largest entry. */
    public double diagonalFloor() {
        return diagonalFloor;
    }

    /** Consecutive rejected trial steps after which an iteration gives up. */
    public int maxRejections() {
        return maxRejections;
    }

    /** Returns {@code "lm"}. */
    @Override
    public String name() {
        return "lm";
    }

    @Override
    public Map<String, String> settings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("initialDamping", Double.toString(initialDamping));
        m.put("diagonalFloor", Double.toString(diagonalFloor));
        m.put("maxRejections", Integer.toString(maxRejections));
        return m;
    }

    /** Starts a run that factorizes on the calling thread. */
    public MinimizerRun start(LeastSquaresObjective objective, double[] start) {
        return start(objective, start, null);
    }

    /**
     * Starts a run: evaluates the residuals and normal equations at {@code start}; the Cholesky
     * factorizations run on {@code threads} (null: the calling thread; results do not depend on it).
     *
     * @throws IllegalArgumentException if the start has the wrong length or a non-finite entry,
     *                                  or the objective is not finite there
     */
    @Override
    public MinimizerRun start(LeastSquaresObjective objective, double[] start, ParallelRunner threads) {
        Objects.requireNonNull(objective, "objective");
        checkSize(objective.dimension(), Runtime.getRuntime().maxMemory());
        if (start.length != objective.dimension()) {
            throw new IllegalArgumentException("start point has length " + start.length + ", expected "
                    + objective.dimension());
        }
        for (int i = 0; i < start.length; i++) {
            if (!Double.isFinite(start[i])) {
                throw new IllegalArgumentException("start[" + i + "] = " + start[i] + " is not finite");
            }
        }
        return new Run(objective, start.clone(), threads);
    }

    /**
     * Continues a run from a saved state (point, damping and its growth factor); the continued run
     * makes exactly the steps the original would have made.
     *
     * @throws IllegalArgumentException if the state is not a Levenberg-Marquardt state of this size
     */
    @Override
    public MinimizerRun resume(LeastSquaresObjective objective, OptimizerState state, ParallelRunner threads) {
        checkSize(objective.dimension(), Runtime.getRuntime().maxMemory());
        state.check(name(), objective.dimension(), 2, 0);
        Run run = new Run(objective, state.point(), threads);
        double[] numbers = state.numbers();
        if (!(numbers[0] > 0) || !(numbers[1] >= 2)) {
            throw new IllegalArgumentException("Levenberg-Marquardt state has damping " + numbers[0] + " and growth "
                    + numbers[1] + "; expected damping > 0 and growth >= 2");
        }
        run.mu = numbers[0];
        run.growth = numbers[1];
        run.iterations = state.iterations();
        run.evaluations = state.evaluations();
        return run;
    }

    /**
     * Checks that the dense normal equations of {@code n} unknowns fit: an iteration holds
     * four n x n matrices of doubles (J^T J at the point and at the trial point, the damped factor,
     * and the objective's accumulator), and Java arrays hold at most 2^31 - 1 entries.
     *
     * @param n         number of unknowns
     * @param maxMemory bytes the JVM may use ({@link Runtime#maxMemory()})
     * @throws IllegalArgumentException naming n and the memory needed, with the alternatives
     */
    public static void checkSize(int n, long maxMemory) {
        long entries = (long) n * n;
        double gigabytes = DENSE_MATRICES * 8.0 * entries / 1e9;
        if (entries > Integer.MAX_VALUE - 8 || DENSE_MATRICES * 8.0 * entries > MEMORY_SHARE * maxMemory) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "Levenberg-Marquardt needs dense %d x %d normal equations for %d trainable parameters (about %.1f GB), "
                            + "more than it may use here (%.1f GB of the JVM's %.1f GB); train networks this large with "
                            + "L-BFGS or Adam (--optimizer adam,lbfgs), or use a smaller network",
                    n, n, n, gigabytes, MEMORY_SHARE * maxMemory / 1e9, maxMemory / 1e9));
        }
    }

    @Override
    public String toString() {
        return "LevenbergMarquardt[initialDamping=" + initialDamping + ", diagonalFloor=" + diagonalFloor
                + ", maxRejections=" + maxRejections + "]";
    }

    private final class Run implements MinimizerRun {
        private final LeastSquaresObjective objective;
        private final ParallelRunner runner;
        private final int n;
        private final double[] x;
        private final double[] trial;
        private double[] residuals;
        private double[] jtj;
        private double[] jtr;
        /** The trial point's residuals and normal equations, swapped in when the step is accepted. */
        private double[] trialResiduals;
        private double[] trialJtj;
        private double[] trialJtr;
        /** Whether the last trial step was accepted: then the next trial forms its normal equations at once. */
        private boolean lastAccepted = true;
        private final double[] system;
        private final double[] step;
        private final double[] scale;
        private double value;
        private double mu;
        private double growth = 2;
        private int iterations;
        private int evaluations;

        Run(LeastSquaresObjective objective, double[] x, ParallelRunner runner) {
            this.objective = objective;
            this.runner = runner;
            this.n = x.length;
            this.x = x;
            this.trial = new double[n];
            this.residuals = new double[objective.residualCount()];
            this.jtj = new double[n * n];
            this.jtr = new double[n];
            this.trialResiduals = new double[objective.residualCount()];
            this.trialJtj = new double[n * n];
            this.trialJtr = new double[n];
            this.system = new double[n * n];
            this.step = new double[n];
            this.scale = new double[n];
            this.mu = initialDamping;
            objective.normalEquations(x, residuals, jtj, jtr);
            this.value = sumOfSquares(residuals);
            this.evaluations = 1;
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("objective is not finite at the start point: " + value);
            }
        }

        @Override
        public boolean step() {
            double maxDiagonal = 0;
            for (int i = 0; i < n; i++) {
                maxDiagonal = Math.max(maxDiagonal, jtj[i * n + i]);
            }
            if (!(maxDiagonal > 0)) {
                return false;
            }
            double floor = diagonalFloor * maxDiagonal;
            for (int i = 0; i < n; i++) {
                scale[i] = Math.max(jtj[i * n + i], floor);
            }
            for (int rejection = 0; rejection < maxRejections; rejection++) {
                System.arraycopy(jtj, 0, system, 0, n * n);
                for (int i = 0; i < n; i++) {
                    system[i * n + i] += mu * scale[i];
                }
                boolean positive = runner == null ? Cholesky.factorize(system, n) : Cholesky.factorize(system, n, runner);
                if (!positive) {
                    if (!increaseDamping()) {
                        return false;
                    }
                    continue;
                }
                for (int i = 0; i < n; i++) {
                    step[i] = -jtr[i];
                }
                Cholesky.solve(system, n, step);
                // predicted decrease L - |r + J delta|^2 = -2 delta.J^T r - delta.J^T J delta
                double linear = 0;
                double quadratic = 0;
                for (int i = 0; i < n; i++) {
                    linear += step[i] * jtr[i];
                    double row = 0;
                    int ri = i * n;
                    for (int j = 0; j < n; j++) {
                        row += jtj[ri + j] * step[j];
                    }
                    quadratic += step[i] * row;
                }
                double predicted = -2 * linear - quadratic;
                boolean moves = false;
                for (int i = 0; i < n; i++) {
                    trial[i] = x[i] + step[i];
                    moves |= trial[i] != x[i];
                }
                if (!moves || !(predicted > 0)) {
                    // the step no longer changes x, or round-off swamps the model: nothing to gain
                    return false;
                }
                // Most steps are accepted, and an accepted step needs the normal equations at the
                // trial point, whose rows cost one more forward pass of the residuals: so after an
                // acceptance the trial forms them at once (a rejection wastes them), after a
                // rejection only the residuals. The values come from the residual vector, which is
                // the same either way, so the choice changes the cost, never the steps.
                boolean withNormalEquations = lastAccepted;
                if (withNormalEquations) {
                    objective.normalEquations(trial, trialResiduals, trialJtj, trialJtr);
                } else {
                    objective.residuals(trial, trialResiduals);
                }
                double trialValue = sumOfSquares(trialResiduals);
                evaluations++;
                double rho = (value - trialValue) / predicted;
                lastAccepted = Double.isFinite(trialValue) && rho > 1e-4;
                if (lastAccepted) {
                    System.arraycopy(trial, 0, x, 0, n);
                    double t = 2 * rho - 1;
                    mu *= Math.max(1.0 / 3, 1 - t * t * t);
                    mu = Math.max(mu, 1e-15);
                    growth = 2;
                    double[] r = residuals;
                    residuals = trialResiduals;
                    trialResiduals = r;
                    if (withNormalEquations) {
                        double[] a = jtj;
                        jtj = trialJtj;
                        trialJtj = a;
                        double[] b = jtr;
                        jtr = trialJtr;
                        trialJtr = b;
                    } else {
                        objective.normalEquations(x, residuals, jtj, jtr);
                        evaluations++;
                    }
                    value = trialValue;
                    iterations++;
                    return true;
                }
                if (!increaseDamping()) {
                    return false;
                }
            }
            return false;
        }

        /**
         * sum r_i^2, the loss, computed the same way whichever objective call produced r, and
         * compensated (Neumaier): near convergence steps are accepted or rejected on decreases of
         * 1e-13 of the loss, where a plain sum over thousands of rows carries errors of that size.
         */
        private double sumOfSquares(double[] r) {
            double sum = 0;
            double compensation = 0;
            for (double v : r) {
                double term = v * v;
                double t = sum + term;
                compensation += Math.abs(sum) >= term ? (sum - t) + term : (term - t) + sum;
                sum = t;
            }
            return sum + compensation;
        }

        /** Grows the damping after a rejection; false once it is so large that steps vanish. */
        private boolean increaseDamping() {
            mu *= growth;
            growth = Math.min(growth * 2, 1e8);
            return mu < 1e30;
        }

        @Override
        public double value() {
            return value;
        }

        @Override
        public double[] point() {
            return x;
        }

        @Override
        public int iterations() {
            return iterations;
        }

        @Override
        public int evaluations() {
            return evaluations;
        }

        @Override
        public OptimizerState state() {
            return new OptimizerState("lm", iterations, evaluations, x, new double[] {mu, growth}, new int[0]);
        }
    }
}
