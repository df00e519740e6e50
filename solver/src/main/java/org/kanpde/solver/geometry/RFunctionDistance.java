package org.kanpde.solver.geometry;

/**
 * A distance function of a CSG domain built with Rvachev's R-functions of order 0 (Shapiro, "Semi-
 * analytic geometry with R-functions", Acta Numerica 2007): from signed functions f, g that are
 * positive inside their domains and negative outside,
 * <ul>
 *   <li>conjunction (intersection) {@code f AND g = f + g - sqrt(f^2 + g^2)},</li>
 *   <li>disjunction (union) {@code f OR g = f + g + sqrt(f^2 + g^2)},</li>
 * </ul>
 * and a difference {@code A \ B} is {@code f_A AND (-f_B)}. Operands are folded left to right. The
 * result is positive exactly inside, zero exactly on the boundary, negative outside, and normalised
 * to first order (|grad| = 1 on the boundary away from corners) when the operands are.
 *
 * <p>Smooth wherever at most one operand vanishes; at points where two operands' boundaries meet
 * (corners of the combined domain) the square root has a cone point: the gradient exists only as
 * directional limits and the second derivatives are unbounded nearby. There the derivative outputs
 * are NaN. Per-thread scratch arrays keep the evaluation free of allocation after the first call
 * on each thread.
 */
final class RFunctionDistance implements DistanceFunction {

    private final DistanceFunction[] operands;
    private final double[] signs;
    private final boolean disjunction;
    private final int d;
    private final ThreadLocal<double[][]> scratch;

    /**
     * @param operands    signed functions of the operands, all of one dimension
     * @param signs       +1 or -1 per operand (-1 takes the complement, for holes)
     * @param disjunction true for a union, false for an intersection or difference
     */
    RFunctionDistance(DistanceFunction[] operands, double[] signs, boolean disjunction) {
        this.operands = operands.clone();
        this.signs = signs.clone();
        this.disjunction = disjunction;
        this.d = operands[0].dimension();
        int dd = d * d;
        this.scratch = ThreadLocal.withInitial(() -> new double[][] {new double[d], new double[dd], new double[d]});
    }

    @Override
    public int dimension() {
        return d;
    }

    @Override
    public double value(double[] z) {
        Checks.requirePoint(z, d);
        double v = signs[0] * operands[0].value(z);
        for (int i = 1; i < operands.length; i++) {
            double w = signs[i] * operands[i].value(z);
            double r = Math.sqrt(v * v + w * w);
            v = disjunction ? v + w + r : v + w - r;
        }
        return v;
    }

    @Override
    public double evaluate(double[] z, double[] gradient, double[] hessian) {
        Checks.requirePoint(z, d);
        Checks.requireOutputs(gradient, d, hessian, d * d);
        return fold(z, gradient, hessian, true);
    }

    @Override
    public double evaluateDiagonal(double[] z, double[] gradient, double[] secondDerivatives) {
        Checks.requirePoint(z, d);
        Checks.requireOutputs(gradient, d, secondDerivatives, d);
        return fold(z, gradient, secondDerivatives, false);
    }

    /**
     * Folds the operands; {@code second} holds the full Hessian (k * d + l) when full, else the
     * diagonal. For R = f + g + s r with r = sqrt(f^2 + g^2):
     * {@code grad R = grad f + grad g + s (f grad f + g grad g) / r} and
     * {@code H R = H f + H g + s [(grad f grad f^T + f H f + grad g grad g^T + g H g) / r - q q^T / r^3]}
     * with {@code q = f grad f + g grad g}.
     */
    private double fold(double[] z, double[] gradient, double[] second, boolean full) {
        double[][] buffers = scratch.get();
        double[] gw = buffers[0];
        double[] hw = buffers[1];
        double[] q = buffers[2];
        int entries = full ? d * d : d;
        double v = evaluate(0, z, gradient, second, full);
        double s = disjunction ? 1.0 : -1.0;
        for (int i = 1; i < operands.length; i++) {
            double w = evaluate(i, z, gw, hw, full);
            double r = Math.sqrt(v * v + w * w);
            for (int k = 0; k < d; k++) {
                q[k] = v * gradient[k] + w * gw[k];
            }
            for (int e = 0; e < entries; e++) {
                int k = full ? e / d : e;
                int l = full ? e % d : e;
                double inner = (gradient[k] * gradient[l] + v * second[e] + gw[k] * gw[l] + w * hw[e]) / r
                        - q[k] * q[l] / (r * r * r);
                second[e] = second[e] + hw[e] + s * inner;
            }
            for (int k = 0; k < d; k++) {
                gradient[k] = gradient[k] + gw[k] + s * q[k] / r;
            }
            v = v + w + s * r;
        }
        return v;
    }

    /** Operand i with its sign applied to value and derivatives. */
    private double evaluate(int i, double[] z, double[] g, double[] h, boolean full) {
        double v = full ? operands[i].evaluate(z, g, h) : operands[i].evaluateDiagonal(z, g, h);
        if (signs[i] < 0) {
            int entries = full ? d * d : d;
            for (int k = 0; k < d; k++) {
                g[k] = -g[k];
            }
            for (int e = 0; e < entries; e++) {
                h[e] = -h[e];
            }
            v = -v;
        }
        return v;
    }
}
