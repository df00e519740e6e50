package org.kanpde.solver.geometry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.kanpde.net.quadrature.GaussLegendre;
import org.kanpde.solver.quadrature.QuadratureRule;

/**
 * Measure and quadrature of a {@link CsgDomain} on cut cells: the bounding box is refined where the
 * conservative cell classification ({@link Cells}) cannot decide, cells proven inside count whole,
 * and the undecided cells at the finest level are integrated by points filtered to the interior.
 */
final class CutCells {

    /** Finest refinement level of the measure: cells of 2^-12 (2-D) or 2^-7 (3-D) of the box. */
    private static final int[] MEASURE_LEVELS = {0, 0, 12, 7};

    /** Midpoints per axis in each finest undecided cell of the measure. */
    private static final int MEASURE_POINTS = 4;

    /** Most undecided cells refined at once; a domain that no cell test can decide stops there. */
    private static final int MAX_UNDECIDED = 1 << 18;

    /** Extra halvings of the quadrature's undecided cells: 2 in 2-D, 1 in 3-D. */
    private static final int[] QUADRATURE_LEVELS = {0, 0, 2, 1};

    private CutCells() {
    }

    /** The measure of the domain. */
    static double measure(CsgDomain domain) {
        int d = domain.dimension();
        double[] lo = domain.lower();
        double[] hi = domain.upper();
        List<double[]> undecided = new ArrayList<>();
        undecided.add(concat(lo, hi));
        double inside = 0;
        for (int level = 0; level < MEASURE_LEVELS[d] && undecided.size() << d <= MAX_UNDECIDED; level++) {
            List<double[]> next = new ArrayList<>();
            for (double[] cell : undecided) {
                for (double[] child : children(cell, d)) {
                    switch (domain.classify(lower(child, d), upper(child, d))) {
                        case INSIDE:
                            inside += volume(child, d);
                            break;
                        case MIXED:
                            next.add(child);
                            break;
                        default:
                            break;
                    }
                }
            }
            undecided = next;
        }
        double cut = 0;
        int m = MEASURE_POINTS;
        long perCell = Nodes.power(m, d);
        double[] z = new double[d];
        int[] digit = new int[d];
        for (double[] cell : undecided) {
            long in = 0;
            Arrays.fill(digit, 0);
            for (long i = 0; i < perCell; i++) {
                for (int k = 0; k < d; k++) {
                    z[k] = cell[k] + (digit[k] + 0.5) / m * (cell[d + k] - cell[k]);
                }
                if (domain.containsInterior(z)) {
                    in++;
                }
                increment(digit, m);
            }
            cut += volume(cell, d) * in / perCell;
        }
        return inside + cut;
    }

    /** The quadrature rule; see {@link CsgDomain#quadrature}. */
    static QuadratureRule quadrature(CsgDomain domain, int p, int subdivisions) {
        int d = domain.dimension();
        double[] lo = domain.lower();
        double[] hi = domain.upper();
        double[] t = GaussLegendre.of(p).unitNodes();
        double[] w = GaussLegendre.of(p).weights();
        Builder rule = new Builder(d);
        int[] digit = new int[d];
        long cells = Nodes.power(subdivisions, d);
        double[] cell = new double[2 * d];
        for (long c = 0; c < cells; c++) {
            for (int k = 0; k < d; k++) {
                double h = (hi[k] - lo[k]) / subdivisions;
                cell[k] = lo[k] + digit[k] * h;
                cell[d + k] = digit[k] == subdivisions - 1 ? hi[k] : lo[k] + (digit[k] + 1) * h;
            }
            addCell(domain, cell.clone(), QUADRATURE_LEVELS[d], t, w, rule);
            increment(digit, subdivisions);
        }
        if (rule.size == 0) {
            throw new IllegalArgumentException("no quadrature node of a " + p + "-point rule on " + subdivisions
                    + " cells per axis falls inside the " + domain + "; use more subdivisions");
        }
        return rule.build();
    }

    private static void addCell(CsgDomain domain, double[] cell, int levels, double[] t, double[] w, Builder rule) {
        int d = domain.dimension();
        Region region = domain.classify(lower(cell, d), upper(cell, d));
        if (region == Region.OUTSIDE) {
            return;
        }
        if (region == Region.MIXED && levels > 0) {
            for (double[] child : children(cell, d)) {
                addCell(domain, child, levels - 1, t, w, rule);
            }
            return;
        }
        int p = t.length;
        long nodes = Nodes.power(p, d);
        int[] digit = new int[d];
        double[] z = new double[d];
        double scale = volume(cell, d) / (1 << d);
        for (long i = 0; i < nodes; i++) {
            double weight = scale;
            for (int k = 0; k < d; k++) {
                z[k] = cell[k] + t[digit[k]] * (cell[d + k] - cell[k]);
                weight *= w[digit[k]];
            }
            if (domain.containsInterior(z)) {
                rule.add(z, weight);
            }
            increment(digit, p);
        }
    }

    /** The 2^d halves of a cell, in a fixed order. */
    private static double[][] children(double[] cell, int d) {
        double[][] out = new double[1 << d][];
        for (int c = 0; c < out.length; c++) {
            double[] child = new double[2 * d];
            for (int k = 0; k < d; k++) {
                double mid = 0.5 * (cell[k] + cell[d + k]);
                boolean upperHalf = (c >> k & 1) == 1;
                child[k] = upperHalf ? mid : cell[k];
                child[d + k] = upperHalf ? cell[d + k] : mid;
            }
            out[c] = child;
        }
        return out;
    }

    private static void increment(int[] digit, int m) {
        for (int k = digit.length - 1; k >= 0; k--) {
            if (++digit[k] < m) {
                return;
            }
            digit[k] = 0;
        }
    }

    private static double volume(double[] cell, int d) {
        double v = 1;
        for (int k = 0; k < d; k++) {
            v *= cell[d + k] - cell[k];
        }
        return v;
    }

    private static double[] concat(double[] lo, double[] hi) {
        double[] cell = Arrays.copyOf(lo, 2 * lo.length);
        System.arraycopy(hi, 0, cell, lo.length, hi.length);
        return cell;
    }

    private static double[] lower(double[] cell, int d) {
        return Arrays.copyOfRange(cell, 0, d);
    }

    private static double[] upper(double[] cell, int d) {
        return Arrays.copyOfRange(cell, d, 2 * d);
    }

    /** A growing list of nodes and weights. */
    private static final class Builder {
        private final int d;
        private double[] points = new double[1024];
        private double[] weights = new double[256];
        private int size;

        Builder(int d) {
            this.d = d;
            this.points = new double[256 * d];
        }

        void add(double[] z, double weight) {
            if (size == weights.length) {
                weights = Arrays.copyOf(weights, 2 * size);
                points = Arrays.copyOf(points, 2 * size * d);
            }
            System.arraycopy(z, 0, points, size * d, d);
            weights[size++] = weight;
        }

        QuadratureRule build() {
            return new QuadratureRule(d, Arrays.copyOf(points, size * d), Arrays.copyOf(weights, size));
        }
    }
}
