package org.kanpde.solver.optim;

/**
 * A sum of squares {@code L(x) = sum_i r_i(x)^2} given by its residual vector and, for
 * Gauss-Newton type methods, the normal equations {@code J^T J} and {@code J^T r} of the residual
 * Jacobian J = dr/dx. Forming J^T J directly (rather than J) lets an implementation exploit sparse
 * Jacobian rows.
 */
public interface LeastSquaresObjective {

    /** Number of variables n. */
    int dimension();

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
}
