package org.kanpde.solver.optim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.kanpde.net.parallel.ParallelRunner;

/**
 * The Adam first-order method (Kingma &amp; Ba, "Adam: A Method for Stochastic Optimization",
 * ICLR 2015), with optional exponential learning-rate decay and gradient-norm clipping.
 *
 * <p>Iteration {@code t = 1, 2, ...} with gradient {@code g} at the current point {@code x}:
 * <pre>
 *   g   &larr; g &middot; min(1, clipNorm / |g|)          (clipping; off by default)
 *   m   &larr; beta1 m + (1 - beta1) g
 *   v   &larr; beta2 v + (1 - beta2) g&sup2;
 *   lr  =  learningRate &middot; decay^(t-1)
 *   x   &larr; x - lr &middot; (m / (1 - beta1^t)) / (sqrt(v / (1 - beta2^t)) + epsilon)
 * </pre>
 *
 * <p>Defaults are the paper's: learning rate 1e-3, beta1 0.9, beta2 0.999, epsilon 1e-8; no decay
 * ({@code decay = 1}) and no clipping ({@code clipNorm = +Infinity}).
 *
 * <p>Adam does not guarantee decrease: {@link MinimizerRun#value()} is the value at the current
 * point, which may be larger than at an earlier one. Callers that want the best point seen must
 * track it themselves.
 *
 * <p>Each {@link MinimizerRun#step()} costs one evaluation of value and gradient, at the new point.
 * It returns false, changing nothing, when the gradient at the current point is exactly zero, or
 * when the value or gradient at the new point is not finite (the moments are then not updated
 * either, so repeated calls give the same answer; lower the learning rate or enable clipping).
 *
 * <p>Instances are immutable; the {@code withX} methods return modified copies.
 */
public final class Adam implements Optimizer {

    /** Default learning rate, {@value}. */
    public static final double DEFAULT_LEARNING_RATE = 1e-3;
    /** Default decay rate of the first-moment average, {@value}. */
    public static final double DEFAULT_BETA1 = 0.9;
    /** Default decay rate of the second-moment average, {@value}. */
    public static final double DEFAULT_BETA2 = 0.999;
    /** Default denominator guard, {@value}. */
    public static final double DEFAULT_EPSILON = 1e-8;

    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double learningRateDecay;
    private final double gradientClipNorm;

    /** Creates Adam with the default settings listed in the class documentation. */
    public Adam() {
        this(DEFAULT_LEARNING_RATE, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON, 1.0,
                Double.POSITIVE_INFINITY);
    }

    private Adam(double learningRate, double beta1, double beta2, double epsilon,
                 double learningRateDecay, double gradientClipNorm) {
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.learningRateDecay = learningRateDecay;
        this.gradientClipNorm = gradientClipNorm;
    }

    /**
     * Returns a copy with another base learning rate.
     *
     * @param learningRate step size before bias correction and decay; finite and &gt; 0
     * @return the modified copy
     * @throws IllegalArgumentException if {@code learningRate} is not finite or not positive
     */
    public Adam withLearningRate(double learningRate) {
        if (!(learningRate > 0.0 && learningRate < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("learning rate must be finite and > 0, got " + learningRate);
        }
        return new Adam(learningRate, beta1, beta2, epsilon, learningRateDecay, gradientClipNorm);
    }

    /**
     * Returns a copy with another first-moment decay rate.
     *
     * @param beta1 in [0, 1); 0 turns the first moment into the raw gradient
     * @return the modified copy
     * @throws IllegalArgumentException if {@code beta1} is outside [0, 1)
     */
    public Adam withBeta1(double beta1) {
        return new Adam(learningRate, checkBeta("beta1", beta1), beta2, epsilon, learningRateDecay,
                gradientClipNorm);
    }

    /**
     * Returns a copy with another second-moment decay rate.
     *
     * @param beta2 in [0, 1)
     * @return the modified copy
     * @throws IllegalArgumentException if {@code beta2} is outside [0, 1)
     */
    public Adam withBeta2(double beta2) {
        return new Adam(learningRate, beta1, checkBeta("beta2", beta2), epsilon, learningRateDecay,
                gradientClipNorm);
    }

    /**
     * Returns a copy with another denominator guard.
     *
     * @param epsilon added to the root of the second moment; finite and &gt; 0 (it keeps
     *                coordinates whose gradient has always been zero at 0/epsilon = 0 instead of 0/0)
     * @return the modified copy
     * @throws IllegalArgumentException if {@code epsilon} is not finite or not positive
     */
    public Adam withEpsilon(double epsilon) {
        if (!(epsilon > 0.0 && epsilon < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("epsilon must be finite and > 0, got " + epsilon);
        }
        return new Adam(learningRate, beta1, beta2, epsilon, learningRateDecay, gradientClipNorm);
    }

    /**
     * Returns a copy with exponential learning-rate decay: step {@code t} (counting from 1) uses
     * {@code learningRate * decay^(t-1)}.
     *
     * @param decay factor per step in (0, 1]; 1 (the default) means no decay
     * @return the modified copy
     * @throws IllegalArgumentException if {@code decay} is outside (0, 1]
     */
    public Adam withLearningRateDecay(double decay) {
        if (!(decay > 0.0 && decay <= 1.0)) {
            throw new IllegalArgumentException("learning rate decay must be in (0, 1], got " + decay);
        }
        return new Adam(learningRate, beta1, beta2, epsilon, decay, gradientClipNorm);
    }

    /**
     * Returns a copy that rescales any gradient whose Euclidean norm exceeds {@code maxNorm} down
     * to that norm before it enters the moment averages.
     *
     * @param maxNorm &gt; 0; {@code Double.POSITIVE_INFINITY} (the default) disables clipping
     * @return the modified copy
     * @throws IllegalArgumentException if {@code maxNorm} is NaN or not positive
     */
    public Adam withGradientClipNorm(double maxNorm) {
        if (!(maxNorm > 0.0)) {
            throw new IllegalArgumentException(
                    "gradient clip norm must be > 0 (or +Infinity to disable clipping), got " + maxNorm);
        }
        return new Adam(learningRate, beta1, beta2, epsilon, learningRateDecay, maxNorm);
    }

    /** Base learning rate. */
    public double learningRate() {
        return learningRate;
    }

    /** First-moment decay rate. */
    public double beta1() {
        return beta1;
    }

    /** Second-moment decay rate. */
    public double beta2() {
        return beta2;
    }

    /** Denominator guard. */
    public double epsilon() {
        return epsilon;
    }

    /** Learning-rate decay factor per step (1 = no decay). */
    public double learningRateDecay() {
        return learningRateDecay;
    }

    /** Gradient-norm clipping threshold ({@code +Infinity} = no clipping). */
    public double gradientClipNorm() {
        return gradientClipNorm;
    }

    private static double checkBeta(String name, double beta) {
        if (!(beta >= 0.0 && beta < 1.0)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), got " + beta);
        }
        return beta;
    }

    /**
     * Starts a run on any differentiable objective (an {@link Optimizer} starts it on a training
     * objective through {@link #start(LeastSquaresObjective, double[], ParallelRunner)}).
     *
     * <p>Evaluates the value and gradient at {@code start} once.
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
        state.check(name(), n, 2 * n, 0);
        Run run = new Run(this, objective, state.point());
        double[] moments = state.numbers();
        System.arraycopy(moments, 0, run.m, 0, n);
        System.arraycopy(moments, n, run.v, 0, n);
        run.iterations = state.iterations();
        run.evaluations = state.evaluations();
        return run;
    }

    /** Adam works on the loss: {@code threads} is not used (the objective has its own). */
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
        m.put("learningRate", Double.toString(learningRate));
        m.put("beta1", Double.toString(beta1));
        m.put("beta2", Double.toString(beta2));
        m.put("epsilon", Double.toString(epsilon));
        m.put("learningRateDecay", Double.toString(learningRateDecay));
        m.put("gradientClipNorm", Double.toString(gradientClipNorm));
        return m;
    }

    /** Returns {@code "adam"}. */
    @Override
    public String name() {
        return "adam";
    }

    /** Lists the hyperparameters, e.g. {@code Adam[learningRate=0.001, beta1=0.9, ...]}. */
    @Override
    public String toString() {
        return "Adam[learningRate=" + learningRate + ", beta1=" + beta1 + ", beta2=" + beta2
                + ", epsilon=" + epsilon + ", learningRateDecay=" + learningRateDecay
                + ", gradientClipNorm=" + gradientClipNorm + "]";
    }

    /** One Adam run: the settings plus moments and buffers allocated once here. */
    private static final class Run implements MinimizerRun {

        private final Adam settings;
        private final DifferentiableObjective objective;
        private final double[] x;
        private final double[] gradient;
        private final double[] m;
        private final double[] v;
        // The step is tried here first so that a non-finite value leaves the run untouched.
        private final double[] trialX;
        private final double[] trialGradient;
        private double value;
        private int iterations;
        private int evaluations;
        private boolean leftFiniteNumbers;

        Run(Adam settings, DifferentiableObjective objective, double[] start) {
            this.settings = settings;
            this.objective = Objects.requireNonNull(objective, "objective");
            int n = start.length;
            this.x = start;
            this.gradient = new double[n];
            this.m = new double[n];
            this.v = new double[n];
            this.trialX = new double[n];
            this.trialGradient = new double[n];
            this.value = objective.evaluate(x, gradient);
            this.evaluations = 1;
            Vectors.checkStartEvaluation(value, gradient);
        }

        /**
         * One Adam update from the gradient at the current point, followed by one evaluation of
         * value and gradient at the new point.
         *
         * @return false if the gradient is exactly zero, or if the objective is not finite at the
         *         new point (then nothing changes, including the moments, and the iteration count)
         */
        @Override
        public boolean step() {
            int n = x.length;
            boolean zero = true;
            for (int i = 0; i < n; i++) {
                if (gradient[i] != 0.0) {
                    zero = false;
                    break;
                }
            }
            leftFiniteNumbers = false;
            if (zero) {
                // converged exactly (or a flat start): nothing to step along, and not a divergence
                return false;
            }
            double clipScale = 1.0;
            if (settings.gradientClipNorm < Double.POSITIVE_INFINITY) {
                double norm = Vectors.norm(gradient);
                if (norm > settings.gradientClipNorm) {
                    clipScale = settings.gradientClipNorm / norm;
                }
            }

            int t = iterations + 1;
            double b1 = settings.beta1;
            double b2 = settings.beta2;
            double lr = settings.learningRate * Math.pow(settings.learningRateDecay, t - 1);
            double correction1 = 1.0 - Math.pow(b1, t);
            double correction2 = 1.0 - Math.pow(b2, t);
            double eps = settings.epsilon;
            // The moments are computed here without being stored, and recomputed identically on
            // commit, so that a rejected trial needs no copy of the old moments.
            for (int i = 0; i < n; i++) {
                double g = gradient[i] * clipScale;
                double mi = b1 * m[i] + (1.0 - b1) * g;
                double vi = b2 * v[i] + (1.0 - b2) * g * g;
                trialX[i] = x[i] - lr * (mi / correction1) / (Math.sqrt(vi / correction2) + eps);
            }
            double trialValue = objective.evaluate(trialX, trialGradient);
            evaluations++;
            if (!Double.isFinite(trialValue) || !Vectors.allFinite(trialGradient)) {
                leftFiniteNumbers = true;
                return false;
            }
            for (int i = 0; i < n; i++) {
                double g = gradient[i] * clipScale;
                m[i] = b1 * m[i] + (1.0 - b1) * g;
                v[i] = b2 * v[i] + (1.0 - b2) * g * g;
            }
            System.arraycopy(trialX, 0, x, 0, n);
            System.arraycopy(trialGradient, 0, gradient, 0, n);
            value = trialValue;
            iterations = t;
            return true;
        }

        @Override
        public boolean leftFiniteNumbers() {
            return leftFiniteNumbers;
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
            int n = x.length;
            double[] moments = new double[2 * n];
            System.arraycopy(m, 0, moments, 0, n);
            System.arraycopy(v, 0, moments, n, n);
            return new OptimizerState("adam", iterations, evaluations, x, moments, new int[0]);
        }
    }
}
