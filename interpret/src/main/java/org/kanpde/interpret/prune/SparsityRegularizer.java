package org.kanpde.interpret.prune;

import org.kanpde.net.Derivatives;
import org.kanpde.net.kan.Kan;
import org.kanpde.interpret.symbolic.SymbolicKan;
import org.kanpde.net.kan.LayerChain;

/**
 * The KAN paper's sparsification penalty and its exact gradient with respect to the network's
 * parameters:
 * <pre>
 *   R = lambda (mu1 sum_l |Phi_l|_1 + mu2 sum_l S(Phi_l)),
 *   |phi|_1 = (1/N) sum_s |phi(x_s)|,   |Phi_l|_1 = sum_{e in layer l} |phi_e|_1,
 *   S(Phi_l) = -sum_e p_e log p_e,      p_e = |phi_e|_1 / |Phi_l|_1,
 * </pre>
 * where x_s are the inputs that edge e sees at the N sample points (so R depends on the
 * parameters of earlier layers through them too). The gradient is exact: with
 * G_e = dR/d|phi_e|_1 = lambda (mu1 + mu2 (-log p_e - S(Phi_l)) / |Phi_l|_1), R changes like
 * sum_s sum_e (G_e / N) sign(phi_e(x_s)) phi_e(x_s), which one reverse pass per sample
 * ({@link LayerChain#backwardEdges}) differentiates. |.| is not differentiable at 0;
 * sign(0) = 0 is used, and an edge that is zero at every sample gets no entropy gradient.
 *
 * <p><b>How it enters training.</b> R is not a sum of squares, so it is for the first-order and
 * quasi-Newton optimizers (Adam, L-BFGS), which minimize loss + R: wrap the trainer's objective,
 * {@code f(x) = residualSystem.evaluate(x, g)}, as
 * <pre>
 *   double f = system.evaluate(x, g);                 // loss and gradient over the free parameters
 *   double[] full = new double[kan.parameterCount()];  // the parameters are live: system set them to x
 *   f += regularizer.valueAndGradient(kan, points, full);
 *   for (int a = 0; a &lt; free.length; a++) g[a] += full[free[a]];
 * </pre>
 * with {@code points} the interior collocation points (or a subsample: the cost is two value passes
 * and one reverse pass per sample). Then train, prune ({@link Pruner}), and continue without R.
 *
 * <p>Defaults of the paper: mu1 = mu2 = 1; lambda is problem dependent (the paper's examples use
 * 1e-3 .. 1e-2 relative to a loss of order one). Immutable.
 */
public final class SparsityRegularizer {
    private final double lambda;
    private final double mu1;
    private final double mu2;

    /** R with weight lambda and mu1 = mu2 = 1. */
    public SparsityRegularizer(double lambda) {
        this(lambda, 1, 1);
    }

    /**
     * R with the given weights.
     *
     * @throws IllegalArgumentException if a weight is negative or not finite
     */
    public SparsityRegularizer(double lambda, double mu1, double mu2) {
        check("lambda", lambda);
        check("mu1", mu1);
        check("mu2", mu2);
        this.lambda = lambda;
        this.mu1 = mu1;
        this.mu2 = mu2;
    }

    private static void check(String name, double v) {
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + v);
        }
    }

    /** lambda. */
    public double lambda() {
        return lambda;
    }

    /** mu1 (weight of the L1 norms). */
    public double mu1() {
        return mu1;
    }

    /** mu2 (weight of the entropies). */
    public double mu2() {
        return mu2;
    }

    /** R of a KAN over sample points (network inputs, n x d). */
    public double value(Kan kan, double[] points) {
        return value(SymbolicKan.of(kan), points);
    }

    /** R of a network over sample points (network inputs, n x d). */
    public double value(SymbolicKan net, double[] points) {
        double[][] norms = norms(net, points);
        double r = 0;
        for (double[] layer : norms) {
            double total = 0;
            for (double a : layer) {
                total += a;
            }
            r += mu1 * total + mu2 * entropy(layer, total);
        }
        return lambda * r;
    }

    /**
     * R and its gradient for a KAN: adds dR/dtheta to {@code gradientOut}, in the KAN's parameter
     * layout (every parameter, trainable or not; pick the free ones).
     *
     * @param points      network input points, n x d
     * @param gradientOut accumulated into, length {@link Kan#parameterCount()} (modified)
     * @return R
     */
    public double valueAndGradient(Kan kan, double[] points, double[] gradientOut) {
        // a SymbolicKan made from a KAN has the KAN's parameter layout
        return valueAndGradient(SymbolicKan.of(kan), points, gradientOut);
    }

    /**
     * R and its gradient for a network: adds dR/dtheta to {@code gradientOut} (the parameters in
     * {@link SymbolicKan#parameters()}).
     *
     * @param gradientOut accumulated into, length {@link SymbolicKan#parameterCount()} (modified)
     * @return R
     */
    public double valueAndGradient(SymbolicKan net, double[] points, double[] gradientOut) {
        if (gradientOut.length != net.parameterCount()) {
            throw new IllegalArgumentException("gradient has length " + gradientOut.length + ", expected "
                    + net.parameterCount());
        }
        double[][] norms = norms(net, points);
        int[] widths = net.widths();
        int layers = norms.length;
        int d = net.inputDimension();
        int n = points.length / d;
        double[][] weight = new double[layers][];
        double r = 0;
        for (int l = 0; l < layers; l++) {
            double total = 0;
            for (double a : norms[l]) {
                total += a;
            }
            double s = entropy(norms[l], total);
            r += mu1 * total + mu2 * s;
            weight[l] = new double[norms[l].length];
            for (int e = 0; e < norms[l].length; e++) {
                double a = norms[l][e];
                double g = mu1;
                if (a > 0 && total > 0) {
                    g += mu2 * (-Math.log(a / total) - s) / total;
                }
                weight[l][e] = lambda * g / n;
            }
        }
        double[][] signed = new double[layers][];
        for (int l = 0; l < layers; l++) {
            signed[l] = new double[weight[l].length];
        }
        LayerChain ev = net.evaluator(Derivatives.VALUE);
        for (int t = 0; t < n; t++) {
            ev.forward(points, t * d);
            for (int l = 0; l < layers; l++) {
                for (int j = 0; j < widths[l + 1]; j++) {
                    for (int i = 0; i < widths[l]; i++) {
                        int e = j * widths[l] + i;
                        signed[l][e] = weight[l][e] * Math.signum(ev.edgeValue(l, j, i));
                    }
                }
            }
            ev.backwardEdges(0.0, signed, gradientOut);
        }
        return lambda * r;
    }

    /** |phi_e|_1 per layer and edge. */
    private static double[][] norms(SymbolicKan net, double[] points) {
        int d = net.inputDimension();
        if (points.length == 0 || points.length % d != 0) {
            throw new IllegalArgumentException("need a non-empty n x " + d + " point array, got length " + points.length);
        }
        int n = points.length / d;
        int[] widths = net.widths();
        int layers = widths.length - 1;
        double[][] norms = new double[layers][];
        for (int l = 0; l < layers; l++) {
            norms[l] = new double[widths[l] * widths[l + 1]];
        }
        LayerChain ev = net.evaluator(Derivatives.VALUE);
        for (int t = 0; t < n; t++) {
            ev.forward(points, t * d);
            for (int l = 0; l < layers; l++) {
                for (int j = 0; j < widths[l + 1]; j++) {
                    for (int i = 0; i < widths[l]; i++) {
                        norms[l][j * widths[l] + i] += Math.abs(ev.edgeValue(l, j, i));
                    }
                }
            }
        }
        for (double[] layer : norms) {
            for (int e = 0; e < layer.length; e++) {
                layer[e] /= n;
            }
        }
        return norms;
    }

    private static double entropy(double[] norms, double total) {
        if (!(total > 0)) {
            return 0;
        }
        double s = 0;
        for (double a : norms) {
            if (a > 0) {
                double p = a / total;
                s -= p * Math.log(p);
            }
        }
        return s;
    }

    @Override
    public String toString() {
        return "SparsityRegularizer[lambda=" + lambda + ", mu1=" + mu1 + ", mu2=" + mu2 + "]";
    }
}
