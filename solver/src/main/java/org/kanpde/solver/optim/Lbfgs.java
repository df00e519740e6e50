package org.kanpde.solver.optim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.kanpde.net.parallel.ParallelRunner;

/**
 * Limited-memory BFGS (Nocedal &amp; Wright, <i>Numerical Optimization</i>, 2nd ed., Algorithm 7.5)
 * with a strong-Wolfe line search (Algorithms 3.5 and 3.6).
 *
 * <p>Each iteration computes the direction {@code d = -H g} by the two-loop recursion over the
 * last {@code memory} pairs {@code s = x' - x}, {@code y = g' - g}, with the initial inverse
 * Hessian {@code H0 = gamma I}, {@code gamma = s'y / y'y} from the newest pair, and tries the
 * unit step first. Without pairs (first iteration, or after a reset) the direction is the
 * normalized steepest-descent direction, so the first trial step has length 1.
 *
 * <p>Safeguards:
 * <ul>
 * <li>a pair with {@code s'y <= 1e-10 |s| |y|} is not stored (see the comment in the code);</li>
 * <li>a direction that is not a descent direction ({@code g'd >= 0} or not finite) clears the
 *     memory and falls back to steepest descent;</li>
 * <li>if the line search fails along a quasi-Newton direction, the memory is cleared and one
 *     steepest-descent search is tried before {@link MinimizerRun#step()} reports failure.</li>
 * </ul>
 *
 * <p>{@link MinimizerRun#step()} returns false, leaving point and value unchanged, when the
 * Euclidean norm of the gradient is {@code <=} the gradient tolerance (default 0, i.e. only an
 * exactly zero gradient) or when no step satisfying the strong Wolfe conditions is found. Accepted
 * steps never increase the value.
 *
 * <p>Defaults: memory 100, gradient tolerance 0, c1 = 1e-4, c2 = 0.9, 25 objective evaluations per
 * line search. Instances are immutable; the {@code withX} methods return modified copies.
 *
 * <p>Memory 100 rather than the customary 10: on the physics-informed loss of a [2,100,100,100,1]
 * MLP (20,601 parameters), 60 s of L-BFGS reached relative L2 7.1e-3 with 10 pairs, 4.0e-3 with
 * 30, 2.1e-3 with 100 and 2.1e-3 with 300; a KAN [2,5,1] trained the same either way. The pairs
 * take 16 n bytes each, so a run keeps at most 128 MB of them (and never fewer than
 * min(memory, 10) pairs): 100 pairs up to n = 83,886.
 */
public final class Lbfgs implements Optimizer {

    /** Default number of stored correction pairs, {@value}. */
    public static final int DEFAULT_MEMORY = 100;
    /** Bytes of correction pairs above which a run keeps fewer pairs than its memory. */
    private static final long PAIR_BYTES = 1L << 27;
    /** Default sufficient-decrease constant, {@value}. */
    public static final double DEFAULT_C1 = 1e-4;
    /** Default curvature constant, {@value}. */
    public static final double DEFAULT_C2 = 0.9;
    /** Default objective evaluations allowed per line search, {@value}. */
    public static final int DEFAULT_MAX_LINE_SEARCH_EVALUATIONS = 25;

    // Relative threshold below which a pair's curvature s'y is treated as zero.
    private static final double CURVATURE_THRESHOLD = 1e-10;

    private final int memory;
    private final double gradientTolerance;
    private final double c1;
    private final double c2;
    private final int maxLineSearchEvaluations;

    /** Creates L-BFGS with the default settings listed in the class documentation. */
    public Lbfgs() {
        this(DEFAULT_MEMORY, 0.0, DEFAULT_C1, DEFAULT_C2, DEFAULT_MAX_LINE_SEARCH_EVALUATIONS);
    }

    private Lbfgs(int memory, double gradientTolerance, double c1, double c2,
                  int maxLineSearchEvaluations) {
        this.memory = memory;
        this.gradientTolerance = gradientTolerance;
        this.c1 = c1;
        this.c2 = c2;
        this.maxLineSearchEvaluations = maxLineSearchEvaluations;
    }

    /**
     * Returns a copy that keeps another number of correction pairs.
     *
     * @param memory number of (s, y) pairs, &gt;= 1
     * @return the modified copy
     * @throws IllegalArgumentException if {@code memory < 1}
     */
    public Lbfgs withMemory(int memory) {
        if (memory < 1) {
            throw new IllegalArgumentException("memory must be >= 1, got " + memory);
        }
        return new Lbfgs(memory, gradientTolerance, c1, c2, maxLineSearchEvaluations);
    }

    /**
     * Returns a copy that stops (step returns false) once the Euclidean gradient norm is at most
     * {@code tolerance}.
     *
     * @param tolerance finite and &gt;= 0; 0 (the default) stops only at an exactly zero gradient
     * @return the modified copy
     * @throws IllegalArgumentException if {@code tolerance} is negative or not finite
     */
    public Lbfgs withGradientTolerance(double tolerance) {
        if (!(tolerance >= 0.0 && tolerance < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("gradient tolerance must be finite and >= 0, got " + tolerance);
        }
        return new Lbfgs(memory, tolerance, c1, c2, maxLineSearchEvaluations);
    }

    /**
     * Returns a copy with other strong-Wolfe constants.
     *
     * @param c1 sufficient-decrease constant
     * @param c2 curvature constant; {@code 0 < c1 < c2 < 1}
     * @return the modified copy
     * @throws IllegalArgumentException if the constants violate {@code 0 < c1 < c2 < 1}
     */
    public Lbfgs withWolfeConstants(double c1, double c2) {
        StrongWolfeLineSearch.checkConstants(c1, c2);
        return new Lbfgs(memory, gradientTolerance, c1, c2, maxLineSearchEvaluations);
    }

    /**
     * Returns a copy with another line-search budget.
     *
     * @param maxEvaluations objective evaluations allowed per line search, &gt;= 1
     * @return the modified copy
     * @throws IllegalArgumentException if {@code maxEvaluations < 1}
     */
    public Lbfgs withMaxLineSearchEvaluations(int maxEvaluations) {
        StrongWolfeLineSearch.checkMaxEvaluations(maxEvaluations);
        return new Lbfgs(memory, gradientTolerance, c1, c2, maxEvaluations);
    }

    /** Number of stored correction pairs (a run on many unknowns may keep fewer, see {@link #memoryFor}). */
    public int memory() {
        return memory;
    }

    /**
     * The pairs a run on n unknowns keeps: the memory, capped so that the pairs take at most
     * 128 MB, but never below min(memory, 10).
     */
    public int memoryFor(int n) {
        long cap = PAIR_BYTES / (16L * Math.max(1, n));
        return (int) Math.min(memory, Math.max(cap, Math.min(memory, 10)));
    }

    /** Gradient-norm tolerance below which step() reports convergence. */
    public double gradientTolerance() {
        return gradientTolerance;
    }

    /** Sufficient-decrease constant of the line search. */
    public double c1() {
        return c1;
    }

    /** Curvature constant of the line search. */
    public double c2() {
        return c2;
    }

    /** Objective evaluations allowed per line search. */
    public int maxLineSearchEvaluations() {
        return maxLineSearchEvaluations;
    }

    /**
     * Starts a run on any differentiable objective (an {@link Optimizer} starts it on a training
     * objective through {@link #start(LeastSquaresObjective, double[], ParallelRunner)}).
     *
     * <p>Evaluates the value and gradient at {@code start} once and allocates all storage of the
     * run ({@code 2 * memory * n} doubles for the pairs plus a few vectors of length n).
     *
     * @throws IllegalArgumentException also if the objective's dimension is not positive or its
     *                                  value or gradient at {@code start} is not finite
     */
    public MinimizerRun start(DifferentiableObjective objective, double[] start) {
        return new Run(this, objective, Vectors.checkedStartCopy(objective, start));
    }

    /** Continues a run of {@link #start(DifferentiableObjective, double[])} from its saved state. */
    public MinimizerRun resume(DifferentiableObjective objective, OptimizerState state) {
        int n = objective.dimension();
        int memory = memoryFor(n);
        state.check(name(), n, 2 * memory * n + memory + 1, 2);
        Run run = new Run(this, objective, state.point());
        double[] numbers = state.numbers();
        System.arraycopy(numbers, 0, run.s, 0, memory * n);
        System.arraycopy(numbers, memory * n, run.y, 0, memory * n);
        System.arraycopy(numbers, 2 * memory * n, run.rho, 0, memory);
        run.gamma = numbers[2 * memory * n + memory];
        int[] integers = state.integers();
        if (integers[0] < -1 || integers[0] >= memory || integers[1] < 0 || integers[1] > memory) {
            throw new IllegalArgumentException("L-BFGS state has newest = " + integers[0] + " and count = " + integers[1]
                    + " for memory " + memory);
        }
        run.newest = integers[0];
        run.count = integers[1];
        run.iterations = state.iterations();
        run.evaluations = state.evaluations();
        return run;
    }

    /** L-BFGS works on the loss: {@code threads} is not used (the objective has its own). */
    @Override
    public MinimizerRun start(LeastSquaresObjective objective, double[] start, ParallelRunner threads) {
        return start((DifferentiableObjective) objective, start);
    }

    @Override
    public MinimizerRun resume(LeastSquaresObjective objective, OptimizerState state, ParallelRunner threads) {
        return resume((DifferentiableObjective) objective, state);
    }

    @Override
    public Map<String, String> settings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("memory", Integer.toString(memory));
        m.put("gradientTolerance", Double.toString(gradientTolerance));
        m.put("c1", Double.toString(c1));
        m.put("c2", Double.toString(c2));
        m.put("maxLineSearchEvaluations", Integer.toString(maxLineSearchEvaluations));
        return m;
    }

    /** Returns {@code "lbfgs"}. */
    @Override
    public String name() {
        return "lbfgs";
    }

    /** Lists the settings, e.g. {@code Lbfgs[memory=10, gradientTolerance=0.0, ...]}. */
    @Override
    public String toString() {
        return "Lbfgs[memory=" + memory + ", gradientTolerance=" + gradientTolerance + ", c1=" + c1
                + ", c2=" + c2 + ", maxLineSearchEvaluations=" + maxLineSearchEvaluations + "]";
    }

    /** One L-BFGS run; pair storage is circular, row {@code k} of S and Y at offset {@code k*n}. */
    private static final class Run implements MinimizerRun {

        private final DifferentiableObjective objective;
        private final double gradientTolerance;
        private final StrongWolfeLineSearch lineSearch;
        private final int n;
        private final int memory;
        private final double[] x;
        private final double[] gradient;
        private final double[] direction;
        private final double[] trialX;
        private final double[] trialGradient;
        private final double[] s;
        private final double[] y;
        private final double[] rho;
        private final double[] alpha;
        private int newest = -1;
        private int count;
        private double gamma = 1.0;
        private double value;
        private int iterations;
        private int evaluations;

        Run(Lbfgs settings, DifferentiableObjective objective, double[] start) {
            this.objective = Objects.requireNonNull(objective, "objective");
            this.gradientTolerance = settings.gradientTolerance;
            this.lineSearch = new StrongWolfeLineSearch(settings.c1, settings.c2,
                    settings.maxLineSearchEvaluations);
            this.n = start.length;
            this.memory = settings.memoryFor(start.length);
            this.x = start;
            this.gradient = new double[n];
            this.direction = new double[n];
            this.trialX = new double[n];
            this.trialGradient = new double[n];
            this.s = new double[memory * n];
            this.y = new double[memory * n];
            this.rho = new double[memory];
            this.alpha = new double[memory];
            this.value = objective.evaluate(x, gradient);
            this.evaluations = 1;
            Vectors.checkStartEvaluation(value, gradient);
        }

        @Override
        public boolean step() {
            double gradientNorm = Vectors.norm(gradient);
            if (gradientNorm <= gradientTolerance) {
                return false;
            }
            boolean found = false;
            if (count > 0) {
                twoLoopDirection();
                double slope = Vectors.dot(gradient, direction);
                if (slope < 0.0 && Double.isFinite(slope)) {
                    found = search(slope, 1.0);
                }
                if (!found) {
                    // A non-descent direction or a failed search means the stored curvature no
                    // longer describes the function here; start afresh from steepest descent.
                    count = 0;
                    newest = -1;
                }
            }
            if (!found) {
                double inverseNorm = 1.0 / gradientNorm;
                for (int i = 0; i < n; i++) {
                    direction[i] = -gradient[i] * inverseNorm;
                }
                double slope = Vectors.dot(gradient, direction);
                if (!(slope < 0.0) || !search(slope, 1.0)) {
                    return false;
                }
            }
            // The pair is written into the next slot and only counted if it passes the test.
            int slot = newest + 1 == memory ? 0 : newest + 1;
            int offset = slot * n;
            for (int i = 0; i < n; i++) {
                s[offset + i] = trialX[i] - x[i];
                y[offset + i] = trialGradient[i] - gradient[i];
            }
            double sy = Vectors.dot(s, y, offset, n);
            double sNorm = Vectors.norm(s, offset, n);
            double yNorm = Vectors.norm(y, offset, n);
            // The curvature condition gives s'y >= (1 - c2) |s'g| > 0 in exact arithmetic, but
            // y = g' - g is computed with cancellation once the gradients barely change, so s'y can
            // come out tiny or negative. Such a pair would make rho = 1/s'y huge or negative and
            // the implicit inverse Hessian nearly singular or indefinite, after which the
            // directions need not be descent directions; dropping the pair keeps H positive
            // definite at the price of one iteration's curvature information.
            if (sy > CURVATURE_THRESHOLD * sNorm * yNorm) {
                rho[slot] = 1.0 / sy;
                // Divided twice rather than by |y|^2, which could underflow.
                gamma = sy / yNorm / yNorm;
                newest = slot;
                if (count < memory) {
                    count++;
                }
            }
            System.arraycopy(trialX, 0, x, 0, n);
            System.arraycopy(trialGradient, 0, gradient, 0, n);
            value = lineSearch.value();
            iterations++;
            return true;
        }

        /** Runs the line search along {@link #direction}, counting its evaluations. */
        private boolean search(double slope, double initialStep) {
            boolean ok = lineSearch.search(objective, x, value, direction, slope, initialStep,
                    trialX, trialGradient);
            evaluations += lineSearch.evaluations();
            return ok;
        }

        /** Two-loop recursion: direction = -H g with H0 = gamma I, newest pair first. */
        private void twoLoopDirection() {
            System.arraycopy(gradient, 0, direction, 0, n);
            int k = newest;
            for (int j = 0; j < count; j++) {
                int offset = k * n;
                double a = rho[k] * Vectors.dot(s, offset, direction);
                alpha[k] = a;
                for (int i = 0; i < n; i++) {
                    direction[i] -= a * y[offset + i];
                }
                k = k == 0 ? memory - 1 : k - 1;
            }
            for (int i = 0; i < n; i++) {
                direction[i] *= gamma;
            }
            // k is now one before the oldest stored pair; walk forward to the newest.
            for (int j = 0; j < count; j++) {
                k = k + 1 == memory ? 0 : k + 1;
                int offset = k * n;
                double b = rho[k] * Vectors.dot(y, offset, direction);
                double coefficient = alpha[k] - b;
                for (int i = 0; i < n; i++) {
                    direction[i] += coefficient * s[offset + i];
                }
            }
            for (int i = 0; i < n; i++) {
                direction[i] = -direction[i];
            }
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
            double[] numbers = new double[2 * memory * n + memory + 1];
            System.arraycopy(s, 0, numbers, 0, memory * n);
            System.arraycopy(y, 0, numbers, memory * n, memory * n);
            System.arraycopy(rho, 0, numbers, 2 * memory * n, memory);
            numbers[2 * memory * n + memory] = gamma;
            return new OptimizerState("lbfgs", iterations, evaluations, x, numbers, new int[] {newest, count});
        }
    }
}
