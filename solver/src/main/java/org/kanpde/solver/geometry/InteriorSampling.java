package org.kanpde.solver.geometry;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Interior sampling shared by the domains: tensor grids over the bounding box (whole or filtered to
 * the interior) and rejection sampling for the seeded schemes. See {@link SamplingScheme}.
 */
final class InteriorSampling {

    /** Resolution cap of the filtered-grid search; only reached for absurd n. */
    private static final int MAX_RESOLUTION = 1 << 20;

    private InteriorSampling() {
    }

    /** Dispatches: tensor schemes on a box use the full grid, elsewhere the filtered grid. */
    static PointSet sample(Domain domain, boolean isBox, int n, SamplingScheme scheme, long seed) {
        Checks.requireCount(n);
        Objects.requireNonNull(scheme, "scheme");
        if (scheme.isTensor()) {
            if (isBox) {
                return grid(domain, scheme, Nodes.largestRoot(n, domain.dimension()), false);
            }
            return grid(domain, scheme, resolution(domain, scheme, n), true);
        }
        return rejection(domain, scheme, n, seed);
    }

    /**
     * Chooses the filtered-grid resolution: start from the measure-based estimate, step down while
     * the grid has more than n inside points, then up while the next grid still fits in n.
     */
    private static int resolution(Domain domain, SamplingScheme scheme, int n) {
        int d = domain.dimension();
        double[] lo = domain.lower();
        double[] hi = domain.upper();
        double boxMeasure = 1;
        for (int k = 0; k < d; k++) {
            boxMeasure *= hi[k] - lo[k];
        }
        double estimate = Math.pow(n * boxMeasure / domain.measure(), 1.0 / d);
        int m = (int) Math.max(1, Math.min(MAX_RESOLUTION, Math.floor(estimate)));
        while (m > 1 && countInside(domain, scheme, m) > n) {
            m--;
        }
        while (m < MAX_RESOLUTION && countInside(domain, scheme, m + 1) <= n) {
            m++;
        }
        while (m < MAX_RESOLUTION && countInside(domain, scheme, m) == 0) {
            m++;
        }
        return m;
    }

    private static long countInside(Domain domain, SamplingScheme scheme, int m) {
        return tensor(domain, scheme, m, true, null);
    }

    /** The tensor grid with m nodes per axis over the bounding box, optionally filtered to the interior. */
    private static PointSet grid(Domain domain, SamplingScheme scheme, int m, boolean filter) {
        int d = domain.dimension();
        long count = tensor(domain, scheme, m, filter, null);
        if (count * d > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("grid with " + m + " nodes per axis is too large: " + count + " points");
        }
        double[] out = new double[(int) count * d];
        tensor(domain, scheme, m, filter, out);
        return PointSet.wrap(d, out);
    }

    /**
     * Walks the grid (last coordinate fastest) and counts the kept points, writing them to
     * {@code out} when it is not null.
     */
    private static long tensor(Domain domain, SamplingScheme scheme, int m, boolean filter, double[] out) {
        int d = domain.dimension();
        double[] lo = domain.lower();
        double[] hi = domain.upper();
        double[] t = Nodes.interior(scheme, m);
        double[][] axis = new double[d][m];
        for (int k = 0; k < d; k++) {
            for (int i = 0; i < m; i++) {
                axis[k][i] = lo[k] + t[i] * (hi[k] - lo[k]);
            }
        }
        long total = Nodes.power(m, d);
        int[] digit = new int[d];
        double[] z = new double[d];
        long kept = 0;
        for (long i = 0; i < total; i++) {
            for (int k = 0; k < d; k++) {
                z[k] = axis[k][digit[k]];
            }
            if (!filter || domain.containsInterior(z)) {
                if (out != null) {
                    System.arraycopy(z, 0, out, (int) kept * d, d);
                }
                kept++;
            }
            for (int k = d - 1; k >= 0; k--) {
                if (++digit[k] < m) {
                    break;
                }
                digit[k] = 0;
            }
        }
        return kept;
    }

    /**
     * Draws candidates in the bounding box (uniform or shifted Sobol) and keeps the first n strictly
     * inside the domain.
     */
    private static PointSet rejection(Domain domain, SamplingScheme scheme, int n, long seed) {
        int d = domain.dimension();
        double[] lo = domain.lower();
        double[] hi = domain.upper();
        SplittableRandom random = new SplittableRandom(seed);
        ShiftedSobol sobol = scheme == SamplingScheme.SOBOL ? new ShiftedSobol(d, random) : null;
        double[] u = new double[d];
        double[] z = new double[d];
        double[] out = new double[Math.multiplyExact(n, d)];
        int kept = 0;
        while (kept < n) {
            if (sobol != null) {
                sobol.next(u);
            } else {
                for (int k = 0; k < d; k++) {
                    u[k] = random.nextDouble();
                }
            }
            for (int k = 0; k < d; k++) {
                z[k] = lo[k] + u[k] * (hi[k] - lo[k]);
            }
            if (domain.containsInterior(z)) {
                System.arraycopy(z, 0, out, kept * d, d);
                kept++;
            }
        }
        return PointSet.wrap(d, out);
    }
}
