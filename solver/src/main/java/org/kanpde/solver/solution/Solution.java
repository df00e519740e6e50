package org.kanpde.solver.solution;

import org.kanpde.net.Batch;
import org.kanpde.net.Derivatives;
import org.kanpde.net.Evaluator;
import org.kanpde.net.Jet;
import org.kanpde.net.TrialFunction;
import org.kanpde.net.parallel.ParallelRunner;
import org.kanpde.solver.problem.Problem;

/**
 * A trained trial function with its problem: evaluate u, grad u and the Laplacian anywhere.
 * The parameters are a private copy, so a solution never changes; it is safe to read from many
 * threads (each thread gets its own evaluator).
 */
public final class Solution {
    private final Problem problem;
    private final TrialFunction function;
    private final ThreadLocal<Evaluator> evaluators;

    /**
     * @param problem  the problem solved
     * @param function the trained function (copied)
     */
    public Solution(Problem problem, TrialFunction function) {
        if (function.inputDimension() != problem.dimension()) {
            throw new IllegalArgumentException("trial function takes " + function.inputDimension()
                    + "-D inputs but the problem is " + problem.dimension() + "-D");
        }
        this.problem = problem;
        this.function = function.copy();
        this.evaluators = ThreadLocal.withInitial(() -> this.function.evaluator(Derivatives.HESSIAN_DIAGONAL));
    }

    /** The problem. */
    public Problem problem() {
        return problem;
    }

    /** A copy of the trained trial function. */
    public TrialFunction function() {
        return function.copy();
    }

    /** Input dimension. */
    public int dimension() {
        return function.inputDimension();
    }

    /** Number of parameters. */
    public int parameterCount() {
        return function.parameterCount();
    }

    private Jet jet(double[] z) {
        if (z.length != dimension()) {
            throw new IllegalArgumentException("point has " + z.length + " coordinates, the solution is " + dimension() + "-D");
        }
        return evaluators.get().forward(z, 0);
    }

    /** u(z). */
    public double value(double... z) {
        return jet(z).value();
    }

    /** grad u(z) into {@code out} (length d); returns out. */
    public double[] gradient(double[] z, double[] out) {
        Jet j = jet(z);
        j.copyGradient(out);
        return out;
    }

    /** Laplacian of u at z. */
    public double laplacian(double... z) {
        return jet(z).laplacian();
    }

    /** u at many points (flat n x d), in parallel. */
    public double[] values(double[] points, ParallelRunner runner) {
        return Batch.values(function, points, runner);
    }

    /** u, grad u and the second derivatives at many points; see {@link Batch#evaluate}. */
    public double[][] evaluate(double[] points, Derivatives level, ParallelRunner runner) {
        return Batch.evaluate(function, points, level, runner);
    }

    /** u as a Hipparchus function of a point (for integrators, optimizers, interpolators); thread-safe. */
    public org.hipparchus.analysis.MultivariateFunction asFunction() {
        return this::value;
    }

    /** grad u as a Hipparchus vector function; thread-safe. */
    public org.hipparchus.analysis.MultivariateVectorFunction asGradient() {
        return z -> gradient(z, new double[dimension()]);
    }

    /**
     * For a 1-D problem, u as a Hipparchus differentiable function of x (derivatives up to second
     * order, exact): plugs into Hipparchus integrators, root finders and derivative-based solvers;
     * thread-safe.
     *
     * @throws IllegalStateException if the problem is not 1-D
     */
    public org.hipparchus.analysis.differentiation.UnivariateDifferentiableFunction asUnivariate() {
        if (dimension() != 1) {
            throw new IllegalStateException("a univariate view needs a 1-D solution; this one is " + dimension() + "-D");
        }
        return new org.hipparchus.analysis.differentiation.UnivariateDifferentiableFunction() {
            @Override
            public double value(double x) {
                return Solution.this.value(x);
            }

            @Override
            public <T extends org.hipparchus.analysis.differentiation.Derivative<T>> T value(T x) {
                int order = x.getOrder();
                if (order > 2) {
                    throw new IllegalArgumentException("a solution's derivatives are available up to order 2, asked for "
                            + order);
                }
                Jet j = jet(new double[] {x.getValue()});
                double[] f = {j.value(), j.gradient(0), j.secondDiagonal(0)};
                return x.compose(java.util.Arrays.copyOf(f, order + 1));
            }
        };
    }

    @Override
    public String toString() {
        return function.describe() + " on " + problem.name();
    }
}
