package org.kanpde.solver.optim;

/**
 * A sum of squares {@code L(x) = sum_i r_i(x)^2} given by its residual vector and, for
 * Gauss-Newton type methods, the normal equations {@code J^T J} and {@code J^T r} of the residual
 * Jacobian J = dr/dx. Forming J^T J directly (rather than J) lets an implementation exploit sparse
 * Jacobian rows. As a {@link DifferentiableObjective} its value is L and its gradient 2 J^T r, so
 * first-order methods run on it too.
 */
public interface LeastSquaresObjective extends DifferentiableObjective {

    /** Number of residuals m. */
    int residualCount();

    /**
     * Residuals at x.
     *
     * @param x         the point (not modified)
     * @param residuals receives r(x), length m (modified)
     * @return sum of squares of the residuals
     */
    double residuals(double[] x, double[] residuals);

    /**
     * Residuals and normal equations at x.
     *
     * @param x         the point (not modified)
     * @param residuals receives r(x), length m (modified)
     * @param jtj       receives J^T J, n x n row-major, full symmetric (modified)
     * @param jtr       receives J^T r, length n (modified)
     * @return sum of squares of the residuals
     */
    double normalEquations(double[] x, double[] residuals, double[] jtj, double[] jtr);

    /**
     * The sum of squares and, when {@code gradient} is not null, its gradient 2 J^T r. This default
     * forms the normal equations; implementations with a cheaper gradient override it.
     */
    @Override
    default double evaluate(double[] x, double[] gradient) {
        double[] r = new double[residualCount()];
        if (gradient == null) {
            return residuals(x, r);
        }
        int n = dimension();
        double loss = normalEquations(x, r, new double[n * n], gradient);
        for (int i = 0; i < n; i++) {
            gradient[i] *= 2;
        }
        return loss;
    }
}
