package org.kanpde.solver.geometry;

import org.kanpde.net.quadrature.GaussLegendre;

/** One-dimensional node sets on the unit interval for the tensor sampling schemes. */
final class Nodes {

    private Nodes() {
    }

    /**
     * Interior nodes in (0, 1), increasing: the uniform grid {@code (i + 1) / (m + 1)} (the grid with
     * its two end points removed), Gauss-Legendre nodes or Chebyshev-Gauss nodes.
     */
    static double[] interior(SamplingScheme scheme, int m) {
        switch (scheme) {
            case UNIFORM_GRID: {
                double[] t = new double[m];
                for (int i = 0; i < m; i++) {
                    t[i] = (i + 1.0) / (m + 1.0);
                }
                return t;
            }
            case GAUSS_LEGENDRE:
                return GaussLegendre.of(m).unitNodes();
            case CHEBYSHEV:
                return chebyshev(m);
            default:
                throw new IllegalArgumentException("not a tensor scheme: " + scheme);
        }
    }

    /**
     * Nodes in (0, 1) along a boundary part: cell midpoints {@code (i + 1/2) / m} for the uniform
     * grid, so that end points (corners) are never used; otherwise the same as {@link #interior}.
     */
    static double[] boundary(SamplingScheme scheme, int m) {
        if (scheme == SamplingScheme.UNIFORM_GRID) {
            double[] t = new double[m];
            for (int i = 0; i < m; i++) {
                t[i] = (i + 0.5) / m;
            }
            return t;
        }
        return interior(scheme, m);
    }

    /** Chebyshev-Gauss nodes {@code (1 - cos((2i + 1) pi / (2m))) / 2}, increasing. */
    private static double[] chebyshev(int m) {
        double[] t = new double[m];
        for (int i = 0; i < m; i++) {
            t[i] = 0.5 * (1.0 - Math.cos((2.0 * i + 1.0) * Math.PI / (2.0 * m)));
        }
        return t;
    }

    /** The largest m >= 1 with {@code m^d <= n}, for n >= 1 and d in 1..3. */
    static int largestRoot(int n, int d) {
        int m = (int) Math.floor(Math.pow(n, 1.0 / d));
        // pow can be off by one ulp either way near perfect powers.
        while (m > 1 && power(m, d) > n) {
            m--;
        }
        while (power(m + 1, d) <= n) {
            m++;
        }
        return Math.max(m, 1);
    }

    /** {@code m^d} in long arithmetic. */
    static long power(int m, int d) {
        long p = 1;
        for (int k = 0; k < d; k++) {
            p *= m;
        }
        return p;
    }
}
