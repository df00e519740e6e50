package org.kanpde.net.spline;

/**
 * The reference evaluation of B-splines straight from the knots, by the de Boor / Cox recursion
 * for derivatives (Piegl and Tiller, The NURBS Book, algorithm A2.3). {@link TaylorTable} builds
 * its polynomials from it once per interval; tests hold the tables against it.
 */
public final class DeBoor {
    private DeBoor() {
    }

    /** Scratch length needed by {@link #derivatives}. */
    public static int scratchSize(int degree) {
        int k1 = degree + 1;
        return k1 * k1 + 2 * k1 + 2 * k1;
    }

    /**
     * The non-zero basis functions N_{span-k} .. N_span of degree k at x and their derivatives up
     * to order n.
     *
     * @param knots   extended knot vector
     * @param degree  k
     * @param span    knot span index with t_span &lt;= x &lt; t_{span+1} (or the polynomial piece
     *                of that span, evaluated at any x)
     * @param n       highest derivative, any n &gt;= 0 (derivatives above k are zero)
     * @param out     receives {@code out[d*(k+1) + m]}, d = 0 .. n (modified)
     * @param scratch work array of length {@link #scratchSize(int)} (modified)
     */
    public static void derivatives(double[] knots, int degree, int span, double x, int n, double[] out,
                                   double[] scratch) {
        int k1 = degree + 1;
        int ndu = 0;
        int left = k1 * k1;
        int right = left + k1;
        int a = right + k1;
        scratch[ndu] = 1.0;
        for (int j = 1; j <= degree; j++) {
            scratch[left + j] = x - knots[span + 1 - j];
            scratch[right + j] = knots[span + j] - x;
            double saved = 0.0;
            for (int r = 0; r < j; r++) {
                // lower triangle holds knot differences, upper triangle basis functions
                scratch[ndu + j * k1 + r] = scratch[right + r + 1] + scratch[left + j - r];
                double temp = scratch[ndu + r * k1 + j - 1] / scratch[ndu + j * k1 + r];
                scratch[ndu + r * k1 + j] = saved + scratch[right + r + 1] * temp;
                saved = scratch[left + j - r] * temp;
            }
            scratch[ndu + j * k1 + j] = saved;
        }
        for (int j = 0; j <= degree; j++) {
            out[j] = scratch[ndu + j * k1 + degree];
        }
        int top = Math.min(n, degree);
        for (int r = 0; r <= degree; r++) {
            int s1 = a;
            int s2 = a + k1;
            scratch[s1] = 1.0;
            for (int kk = 1; kk <= top; kk++) {
                double d = 0.0;
                int rk = r - kk;
                int pk = degree - kk;
                if (r >= kk) {
                    scratch[s2] = scratch[s1] / scratch[ndu + (pk + 1) * k1 + rk];
                    d = scratch[s2] * scratch[ndu + rk * k1 + pk];
                }
                int j1 = rk >= -1 ? 1 : -rk;
                int j2 = (r - 1 <= pk) ? kk - 1 : degree - r;
                for (int j = j1; j <= j2; j++) {
                    scratch[s2 + j] = (scratch[s1 + j] - scratch[s1 + j - 1]) / scratch[ndu + (pk + 1) * k1 + rk + j];
                    d += scratch[s2 + j] * scratch[ndu + (rk + j) * k1 + pk];
                }
                if (r <= pk) {
                    scratch[s2 + kk] = -scratch[s1 + kk - 1] / scratch[ndu + (pk + 1) * k1 + r];
                    d += scratch[s2 + kk] * scratch[ndu + r * k1 + pk];
                }
                out[kk * k1 + r] = d;
                int swap = s1;
                s1 = s2;
                s2 = swap;
            }
        }
        double factor = degree;
        for (int kk = 1; kk <= top; kk++) {
            for (int j = 0; j <= degree; j++) {
                out[kk * k1 + j] *= factor;
            }
            factor *= degree - kk;
        }
        for (int kk = top + 1; kk <= n; kk++) {
            for (int j = 0; j <= degree; j++) {
                out[kk * k1 + j] = 0.0;
            }
        }
    }
}
