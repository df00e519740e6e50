package org.kanpde.net;

/**
 * How many derivatives with respect to the input a {@link Evaluator} propagates.
 *
 * <p>Fewer derivatives are cheaper: {@link #VALUE} is what error metrics and plots need,
 * {@link #HESSIAN_DIAGONAL} is what Laplacians and divergence-form operators with scalar
 * coefficients need, {@link #HESSIAN} (all d(d+1)/2 second derivatives) is for operators with
 * mixed derivatives.
 */
public enum Derivatives {
    /** u only. */
    VALUE(0),
    /** u and grad u. */
    GRADIENT(1),
    /** u, grad u and d2u/dz_k^2 for every k. */
    HESSIAN_DIAGONAL(2),
    /** u, grad u and every d2u/dz_k dz_l, k &lt;= l. */
    HESSIAN(2);

    private final int order;

    Derivatives(int order) {
        this.order = order;
    }

    /** Highest derivative order propagated: 0, 1 or 2. */
    public int order() {
        return order;
    }

    /**
     * Number of second-derivative entries carried for an input of dimension {@code d}: 0 below
     * second order, d for the diagonal, d(d+1)/2 for the full Hessian.
     */
    public int secondCount(int d) {
        switch (this) {
            case HESSIAN_DIAGONAL:
                return d;
            case HESSIAN:
                return d * (d + 1) / 2;
            default:
                return 0;
        }
    }
}
