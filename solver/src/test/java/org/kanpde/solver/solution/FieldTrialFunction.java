package org.kanpde.solver.solution;

import org.kanpde.net.Derivatives;
import org.kanpde.net.Evaluator;
import org.kanpde.net.Jet;
import org.kanpde.net.TrialFunction;
import org.kanpde.solver.problem.Field;

/**
 * A trial function without parameters that is a given field: lets a test hand the error measure
 * an approximation whose error against the exact solution is known in closed form.
 */
final class FieldTrialFunction implements TrialFunction {
    private final int d;
    private final Field u;

    /** @param u a field with derivatives (value and gradient are used) */
    FieldTrialFunction(int d, Field u) {
        if (!u.hasDerivatives()) {
            throw new IllegalArgumentException("the field needs derivatives, got " + u);
        }
        this.d = d;
        this.u = u;
    }

    @Override
    public int inputDimension() {
        return d;
    }

    @Override
    public int parameterCount() {
        return 0;
    }

    @Override
    public double[] parameters() {
        return new double[0];
    }

    @Override
    public Evaluator evaluator(Derivatives level) {
        if (level.order() > 1) {
            throw new IllegalArgumentException("carries the gradient at most, asked for " + level);
        }
        return new Evaluator() {
            private final Jet jet = new Jet(d, level);
            private final double[] z = new double[d];
            private final double[] jetOfU = new double[1 + 2 * d];
            private final double[] gradient = new double[d];

            @Override
            public TrialFunction function() {
                return FieldTrialFunction.this;
            }

            @Override
            public Derivatives level() {
                return level;
            }

            @Override
            public Jet forward(double[] points, int offset) {
                System.arraycopy(points, offset, z, 0, d);
                u.derivatives(z, jetOfU);
                System.arraycopy(jetOfU, 1, gradient, 0, d);
                jet.set(jetOfU[0], gradient, null);
                return jet;
            }

            @Override
            public void backward(double ubar, double[] gbar, double[] sbar, double[] grad) {
                // no parameters
            }

            @Override
            public int backwardSparse(double ubar, double[] gbar, double[] sbar, int[] index, double[] value) {
                return 0;
            }

            @Override
            public int maxNonZeros() {
                return 0;
            }
        };
    }

    @Override
    public TrialFunction copy() {
        return this;
    }

    @Override
    public String describe() {
        return "the field " + u;
    }
}
