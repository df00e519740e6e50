package org.kanpde.solver.geometry;

import java.util.SplittableRandom;

/**
 * Boundary sampling shared by the domains: splitting n over the parts, parameters along a part, and
 * the sampling of straight edges in the plane. See {@link SamplingScheme}.
 */
final class BoundarySampling {

    private BoundarySampling() {
    }

    /**
     * Splits n points over parts in proportion to their measures by the largest-remainder method
     * (ties to the lower index), so the counts sum to exactly n.
     */
    static int[] allocate(int n, double[] measures) {
        double total = 0;
        for (double m : measures) {
            total += m;
        }
        int[] counts = new int[measures.length];
        double[] remainder = new double[measures.length];
        int assigned = 0;
        for (int p = 0; p < measures.length; p++) {
            double share = n * measures[p] / total;
            counts[p] = (int) Math.floor(share);
            remainder[p] = share - counts[p];
            assigned += counts[p];
        }
        while (assigned < n) {
            int best = 0;
            for (int p = 1; p < measures.length; p++) {
                if (remainder[p] > remainder[best]) {
                    best = p;
                }
            }
            counts[best]++;
            remainder[best] = -1;
            assigned++;
        }
        return counts;
    }

    /**
     * Exactly {@code count} parameters in (0, 1) for a one-dimensional part. Tensor schemes use
     * {@link Nodes#boundary}; SOBOL a freshly shifted 1-D sequence; RANDOM uniform draws.
     */
    static double[] parameters(SamplingScheme scheme, int count, SplittableRandom random) {
        if (count == 0) {
            return new double[0];
        }
        if (scheme.isTensor()) {
            return Nodes.boundary(scheme, count);
        }
        double[] t = new double[count];
        if (scheme == SamplingScheme.SOBOL) {
            ShiftedSobol sobol = new ShiftedSobol(1, random);
            double[] u = new double[1];
            for (int i = 0; i < count; i++) {
                sobol.next(u);
                t[i] = u[0];
            }
        } else {
            for (int i = 0; i < count; i++) {
                t[i] = openUniform(random);
            }
        }
        return t;
    }

    /**
     * n parameter pairs (s, t) in the open unit square, interleaved: Sobol points for
     * {@link SamplingScheme#SOBOL}, independent open-uniform draws otherwise (the random schemes of
     * a two-parameter boundary part: a box face in 3-D, a sphere).
     */
    static double[] unitSquare(SamplingScheme scheme, int n, SplittableRandom random) {
        double[] st = new double[2 * n];
        if (scheme == SamplingScheme.SOBOL) {
            ShiftedSobol sobol = new ShiftedSobol(2, random);
            double[] u = new double[2];
            for (int j = 0; j < n; j++) {
                sobol.next(u);
                st[2 * j] = u[0];
                st[2 * j + 1] = u[1];
            }
        } else {
            for (int j = 0; j < 2 * n; j++) {
                st[j] = openUniform(random);
            }
        }
        return st;
    }

    /** A uniform draw in (0, 1): nextDouble can return exactly 0, a part's end point. */
    static double openUniform(SplittableRandom random) {
        double u;
        do {
            u = random.nextDouble();
        } while (u == 0.0);
        return u;
    }

    /**
     * Samples straight edges in the plane.
     *
     * @param segments x1, y1, x2, y2 per part
     * @param normals  outward unit normal (nx, ny) per part
     */
    static BoundarySample segments(double[] segments, double[] normals, int n, SamplingScheme scheme, long seed) {
        int parts = segments.length / 4;
        double[] lengths = new double[parts];
        for (int p = 0; p < parts; p++) {
            lengths[p] = Math.hypot(segments[4 * p + 2] - segments[4 * p], segments[4 * p + 3] - segments[4 * p + 1]);
        }
        int[] counts = allocate(n, lengths);
        SplittableRandom random = new SplittableRandom(seed);
        double[] xy = new double[2 * n];
        double[] nxy = new double[2 * n];
        int[] partOf = new int[n];
        int i = 0;
        for (int p = 0; p < parts; p++) {
            double x1 = segments[4 * p], y1 = segments[4 * p + 1];
            double dx = segments[4 * p + 2] - x1, dy = segments[4 * p + 3] - y1;
            for (double t : parameters(scheme, counts[p], random)) {
                xy[2 * i] = x1 + t * dx;
                xy[2 * i + 1] = y1 + t * dy;
                nxy[2 * i] = normals[2 * p];
                nxy[2 * i + 1] = normals[2 * p + 1];
                partOf[i] = p;
                i++;
            }
        }
        return BoundarySample.wrap(2, xy, nxy, partOf, parts);
    }
}
