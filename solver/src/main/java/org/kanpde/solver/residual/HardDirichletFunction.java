package org.kanpde.solver.residual;

import org.kanpde.net.Derivatives;
import org.kanpde.net.Evaluator;
import org.kanpde.net.Jet;
import org.kanpde.net.TrialFunction;
import org.kanpde.solver.geometry.DistanceFunction;
import org.kanpde.solver.problem.Field;

/**
 * The trial function u = g + D v that satisfies Dirichlet data g exactly: v is a network, D a
 * distance function of the domain. Shares the network's parameters. Carries up to the diagonal
 * of the Hessian.
 */
public final class HardDirichletFunction implements TrialFunction {
    private final TrialFunction network;
    private final Field data;
    private final DistanceFunction distance;

    /**
     * @param network  v
     * @param data     g, with derivatives
     * @param distance D
     */
    public HardDirichletFunction(TrialFunction network, Field data, DistanceFunction distance) {
        if (!data.hasDerivatives()) {
            throw new IllegalArgumentException("hard Dirichlet data needs derivatives (Field.smooth or Field.constant)");
        }
        if (distance.dimension() != network.inputDimension()) {
            throw new IllegalArgumentException("distance function is " + distance.dimension() + "-D, the network takes "
                    + network.inputDimension() + "-D inputs");
        }
        this.network = network;
        this.data = data;
        this.distance = distance;
    }

    /** The network v. */
    public TrialFunction network() {
        return network;
    }

    @Override
    public int inputDimension() {
        return network.inputDimension();
    }

    @Override
    public int parameterCount() {
        return network.parameterCount();
    }

    @Override
    public double[] parameters() {
        return network.parameters();
    }

    @Override
    public Evaluator evaluator(Derivatives level) {
        if (level == Derivatives.HESSIAN) {
            throw new IllegalArgumentException("hard Dirichlet trial functions carry at most the Hessian diagonal, got " + level);
        }
        return new LiftedEvaluator(level);
    }

    @Override
    public HardDirichletFunction copy() {
        return new HardDirichletFunction(network.copy(), data, distance);
    }

    @Override
    public String describe() {
        return network.describe() + " with hard Dirichlet boundary";
    }

    private final class LiftedEvaluator implements Evaluator {
        private final Derivatives level;
        private final Evaluator inner;
        private final int d = inputDimension();
        private final double[] lift = new double[DirichletLift.recordSize(d)];
        private final double[] point = new double[d];
        private final double[] grad = new double[d];
        private final double[] second = new double[d];
        private final double[] gradV = new double[d];
        private final double[] secondV = new double[d];
        private final double[] out = new double[1 + 2 * d];
        private final double[] zero = new double[d];
        private final double[] gbarV = new double[d];
        private final double[] sbarV = new double[d];
        private final Jet jet;

        LiftedEvaluator(Derivatives level) {
            this.level = level;
            // the lift needs v's gradient even for values-only output
            this.inner = network.evaluator(level.order() >= 2 ? Derivatives.HESSIAN_DIAGONAL : Derivatives.GRADIENT);
            this.jet = new Jet(d, level);
        }

        @Override
        public TrialFunction function() {
            return HardDirichletFunction.this;
        }

        @Override
        public Derivatives level() {
            return level;
        }

        @Override
        public Jet forward(double[] points, int offset) {
            System.arraycopy(points, offset, point, 0, d);
            data.derivatives(point, out);
            System.arraycopy(out, 0, lift, 0, 1 + 2 * d);
            lift[1 + 2 * d] = distance.evaluateDiagonal(point, grad, second);
            System.arraycopy(grad, 0, lift, 2 + 2 * d, d);
            System.arraycopy(second, 0, lift, 2 + 3 * d, d);
            Jet v = inner.forward(points, offset);
            v.copyGradient(gradV);
            boolean secondOrder = level.order() >= 2;
            if (secondOrder) {
                v.copySecond(secondV);
            }
            DirichletLift.compose(v.value(), gradV, secondOrder ? secondV : null, lift, 0, d, out);
            System.arraycopy(out, 1, grad, 0, d);
            System.arraycopy(out, 1 + d, second, 0, d);
            jet.set(out[0], grad, second);
            return jet;
        }

        private double seeds(double ubar, double[] gbar, double[] sbar) {
            return DirichletLift.pullBack(ubar, gbar == null ? zero : gbar, sbar == null ? zero : sbar, lift, 0, d, gbarV, sbarV);
        }

        @Override
        public void backward(double ubar, double[] gbar, double[] sbar, double[] gradient) {
            double vbar = seeds(ubar, gbar, sbar);
            inner.backward(vbar, gbarV, sbarV, gradient);
        }

        @Override
        public int backwardSparse(double ubar, double[] gbar, double[] sbar, int[] index, double[] value) {
            double vbar = seeds(ubar, gbar, sbar);
            return inner.backwardSparse(vbar, gbarV, sbarV, index, value);
        }

        @Override
        public int maxNonZeros() {
            return inner.maxNonZeros();
        }
    }
}
