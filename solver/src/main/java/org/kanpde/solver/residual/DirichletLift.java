package org.kanpde.solver.residual;

/**
 * The chain rule of hard Dirichlet enforcement u = g + D v, where g extends the Dirichlet data
 * inside the domain, D is a distance function vanishing on the boundary and v the network output.
 *
 * <p>A lift record holds, for one point, {@code [g, dg/dz_k (d), d2g/dz_k^2 (d), D, dD/dz_k (d),
 * d2D/dz_k^2 (d)]}, so 2 + 4d numbers. With it
 * <pre>
 *   u    = g + D v
 *   u_k  = g_k + D_k v + D v_k
 *   u_kk = g_kk + D_kk v + 2 D_k v_k + D v_kk
 * </pre>
 * and, for adjoints (ubar, gbar_k, sbar_k) of (u, u_k, u_kk), the adjoints of v are
 * vbar = D ubar + sum_k (D_k gbar_k + D_kk sbar_k), vbar_k = D gbar_k + 2 D_k sbar_k,
 * vbar_kk = D sbar_k.
 */
public final class DirichletLift {
    private DirichletLift() {
    }

    /** Length of one lift record for dimension d. */
    public static int recordSize(int d) {
        return 2 + 4 * d;
    }

    /**
     * Writes (u, u_k, u_kk) into {@code out} (length 1 + 2d) from (v, v_k, v_kk).
     *
     * @param secondV the diagonal second derivatives of v, or null when only the gradient is needed
     */
    public static void compose(double v, double[] gradV, double[] secondV, double[] lift, int offset, int d, double[] out) {
        int dOff = offset + 1 + 2 * d;
        double dist = lift[dOff];
        out[0] = lift[offset] + dist * v;
        for (int k = 0; k < d; k++) {
            double dk = lift[dOff + 1 + k];
            out[1 + k] = lift[offset + 1 + k] + dk * v + dist * gradV[k];
            if (secondV != null) {
                out[1 + d + k] = lift[offset + 1 + d + k] + lift[dOff + 1 + d + k] * v + 2 * dk * gradV[k] + dist * secondV[k];
            }
        }
    }

    /**
     * Adjoints of (v, v_k, v_kk) from adjoints of (u, u_k, u_kk).
     *
     * @param gbar  adjoints of u_k (length d)
     * @param sbar  adjoints of u_kk (length d)
     * @param gOut  receives the adjoints of v_k (modified)
     * @param sOut  receives the adjoints of v_kk (modified)
     * @return the adjoint of v
     */
    public static double pullBack(double ubar, double[] gbar, double[] sbar, double[] lift, int offset, int d,
                                  double[] gOut, double[] sOut) {
        int dOff = offset + 1 + 2 * d;
        double dist = lift[dOff];
        double vbar = dist * ubar;
        for (int k = 0; k < d; k++) {
            double dk = lift[dOff + 1 + k];
            vbar += dk * gbar[k] + lift[dOff + 1 + d + k] * sbar[k];
            gOut[k] = dist * gbar[k] + 2 * dk * sbar[k];
            sOut[k] = dist * sbar[k];
        }
        return vbar;
    }
}
