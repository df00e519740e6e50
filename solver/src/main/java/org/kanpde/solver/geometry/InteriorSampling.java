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

    /**
     * Candidates tried per requested point before sampling gives up. A domain that fills a
     * fraction p of its bounding box needs about 1 / p per point, so this fails only below
     * p = 1e-4, where the tries would otherwise take minutes or never end (a domain with no strict
     * interior).
     */
    static final long CANDIDATES_PER_POINT = 10_000;

    /** Candidates always allowed, so that a handful of points from a small domain never fails. */
    static final long MIN_CANDIDATES = 1_000_000;

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
     * the grid has more than n inside points, then up while the next grid still fits in n. Grids
     * have at most the candidate budget of rejection sampling as nodes, and the search evaluates
     * at most {@link #SEARCH_BUDGETS} such budgets in total, which a domain that fills a
     * reasonable part of its bounding box never comes near (it takes a few grids).
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
        int cap = (int) Math.min(MAX_RESOLUTION, Math.max(1, Math.floor(Math.pow(candidates(n), 1.0 / d))));
        GridSearch search = new GridSearch(domain, scheme, n);
        int m = (int) Math.max(1, Math.min(cap, Math.floor(estimate)));
        while (m > 1 && search.countInside(m) > n) {
            m--;
        }
        while (m < cap && search.countInside(m + 1) <= n) {
            m++;
        }
        while (m < cap && search.countInside(m) == 0) {
            m++;
        }
        if (search.countInside(m) == 0) {
            throw tooThin(domain, n, 0, Nodes.power(m, d));
        }
        return m;
    }

    /** Total work of the resolution search, in candidate budgets. */
    static final long SEARCH_BUDGETS = 10;

    /** Counts inside points of grids and ends a search that costs more than its budget. */
    private static final class GridSearch {
        private final Domain domain;
        private final SamplingScheme scheme;
        private final int n;
        private final long budget;
        private long work;

        GridSearch(Domain domain, SamplingScheme scheme, int n) {
            this.domain = domain;
            this.scheme = scheme;
            this.n = n;
            this.budget = SEARCH_BUDGETS * candidates(n);
        }

        long countInside(int m) {
            long nodes = Nodes.power(m, domain.dimension());
            if (work + nodes > budget) {
                throw new IllegalArgumentException("cannot choose a " + scheme.name().toLowerCase(java.util.Locale.ROOT)
                        + " grid of about " + n + " interior points of the " + name(domain) + ": the search tried "
                        + work + " grid nodes; the domain fills too little of its bounding box");
            }
            work += nodes;
            return tensor(domain, scheme, m, true, null);
        }
    }

    /** The candidate budget for n points. */
    private static long candidates(int n) {
        return Math.max(MIN_CANDIDATES, CANDIDATES_PER_POINT * n);
    }

    /** The domain's description, shortened for messages. */
    private static String name(Domain domain) {
        String name = domain.toString();
        return name.length() > 200 ? name.substring(0, 200) + " ..." : name;
    }

    private static IllegalArgumentException tooThin(Domain domain, int n, int kept, long tried) {
        return new IllegalArgumentException("cannot sample " + n + " interior points of the " + name(domain) + ": only " + kept
                + " of " + tried + " candidates in its bounding box were farther than the boundary tolerance "
                + domain.tolerance() + " from its boundary; the domain fills too little of its bounding box");
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
     * inside the domain; fails after {@link #CANDIDATES_PER_POINT} candidates per point (at least
     * {@link #MIN_CANDIDATES}).
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
        long budget = candidates(n);
        for (long tried = 0; kept < n; tried++) {
            if (tried == budget) {
                throw tooThin(domain, n, kept, tried);
            }
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
