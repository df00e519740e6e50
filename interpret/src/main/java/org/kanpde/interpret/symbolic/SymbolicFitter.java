package org.kanpde.interpret.symbolic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Symbolic regression of KAN edges: fits every candidate c f(a x + b) + d of a library to an edge's
 * samples (x, phi(x)), ranks the candidates by fit quality and simplicity, and snaps edges of a
 * {@link SymbolicKan} to their best candidates. Immutable settings; {@code withX} methods return
 * modified copies.
 *
 * <p><b>Fitting one function.</b> Inputs are first mapped to u = (x - m) / h in [-1, 1] (m the
 * centre, h the half-width of the samples' range) and the inner constants are searched in those
 * units, in f's canonical form (see {@link SymbolicFunction}):
 * <ul>
 * <li>a and b free (sin, cos, tan, tanh, gaussian, sigmoid, arctan, sinh): a grid over the
 *     normalized scale alpha in [0, {@link #withScaleRange maxScale}] (a &gt;= 0 suffices up to the
 *     sign of c for odd and even f, and sigmoid(-t) = 1 - sigmoid(t)) and over the phase
 *     (sin, cos: beta in [-pi/2, pi/2), enough modulo pi and the sign of c) or over the centre
 *     u0 = -beta / alpha in [-1.5, 1.5] (the others);</li>
 * <li>only b free (powers, abs, 1/x, sqrt, log): a grid over the shift: the kink, centre or
 *     inflection u0 in [-3, 3], or, for functions with a singularity, the pole at log-spaced
 *     distances 1e-3 .. 1e2 beyond either end of the range; sqrt and log try a = +1 and a = -1;</li>
 * <li>only a free (exp): a grid over alpha in [-maxScale, maxScale];</li>
 * <li>x and 0: no search.</li>
 * </ul>
 * For every grid point c and d follow by linear least squares, so the grid is ranked by R^2 (the
 * squared correlation of f(a x + b) with the samples) on a subsample. The best grid points (up to
 * three, no two of them neighbours on the grid) are refined by Levenberg-Marquardt on all free
 * constants, steps that would leave f's domain being rejected; c and d are finally refitted by
 * linear least squares in the original units and R^2 is measured on all samples. Cost: about
 * 0.1 s per edge for the whole library (grid search on 256 samples, refinement on up to 1000).
 *
 * <p><b>Ranking</b> follows pykan's suggest_symbolic: score = w complexity + (1 - w)
 * log2(1 - R^2 + floor), lower is better, with simplicity weight w = 0.8 and floor 1e-5 by
 * default, so a simpler function wins unless the more complex one fits clearly better (one unit
 * of complexity is worth a factor of 2^(w / (1 - w)) = 16 in 1 - R^2). As in pykan, the zero
 * function (score about 0) therefore leads the list when nothing fits well; {@link #auto} only
 * takes candidates above its R^2 threshold. Ties (scores equal to 1e-3, as when sin and cos fit equally well) go to the
 * smaller phase |b|; sin and cos phases are reduced to [-pi/2, pi/2].
 */
public final class SymbolicFitter {
    private static final int MAX_ITERATIONS = 100;
    private static final int CANDIDATES = 3;

    private final EnumSet<SymbolicFunction> library;
    private final double simplicityWeight;
    private final double r2Floor;
    private final double maxScale;
    private final int scalePoints;
    private final int shiftPoints;
    private final int searchSamples;
    private final int fitSamples;

    /** A fitter with the whole library and the defaults listed in the class comment. */
    public SymbolicFitter() {
        this(EnumSet.allOf(SymbolicFunction.class), 0.8, 1e-5, 20, 31, 17, 256, 1000);
    }

    private SymbolicFitter(EnumSet<SymbolicFunction> library, double simplicityWeight, double r2Floor, double maxScale,
                           int scalePoints, int shiftPoints, int searchSamples, int fitSamples) {
        this.library = library;
        this.simplicityWeight = simplicityWeight;
        this.r2Floor = r2Floor;
        this.maxScale = maxScale;
        this.scalePoints = scalePoints;
        this.shiftPoints = shiftPoints;
        this.searchSamples = searchSamples;
        this.fitSamples = fitSamples;
    }

    /** A copy that tries only these functions (at least one). */
    public SymbolicFitter withLibrary(Set<SymbolicFunction> functions) {
        if (functions == null || functions.isEmpty()) {
            throw new IllegalArgumentException("the symbolic library needs at least one function");
        }
        return new SymbolicFitter(EnumSet.copyOf(functions), simplicityWeight, r2Floor, maxScale, scalePoints, shiftPoints,
                searchSamples, fitSamples);
    }

    /** A copy with simplicity weight w in [0, 1) (0 ranks by R^2 alone; default 0.8). */
    public SymbolicFitter withSimplicityWeight(double w) {
        if (!(w >= 0 && w < 1)) {
            throw new IllegalArgumentException("simplicity weight must be in [0, 1), got " + w);
        }
        return new SymbolicFitter(library, w, r2Floor, maxScale, scalePoints, shiftPoints, searchSamples, fitSamples);
    }

    /** A copy with another floor of 1 - R^2 in the score (&gt; 0; default 1e-5). */
    public SymbolicFitter withR2Floor(double floor) {
        if (!(floor > 0) || !Double.isFinite(floor)) {
            throw new IllegalArgumentException("R^2 floor must be finite and > 0, got " + floor);
        }
        return new SymbolicFitter(library, simplicityWeight, floor, maxScale, scalePoints, shiftPoints, searchSamples,
                fitSamples);
    }

    /**
     * A copy that searches inner scales up to {@code max} in normalized units (a times the
     * half-width of the input range; default 20, about six periods of sin over the range).
     */
    public SymbolicFitter withScaleRange(double max) {
        if (!(max > 0) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("maximum inner scale must be finite and > 0, got " + max);
        }
        return new SymbolicFitter(library, simplicityWeight, r2Floor, max, scalePoints, shiftPoints, searchSamples, fitSamples);
    }

    /** A copy with another search grid: points over the inner scale and over the shift (each &gt;= 3; default 31 x 17). */
    public SymbolicFitter withGrid(int scales, int shifts) {
        if (scales < 3 || shifts < 3) {
            throw new IllegalArgumentException("search grid needs >= 3 points per direction, got " + scales + " x " + shifts);
        }
        return new SymbolicFitter(library, simplicityWeight, r2Floor, maxScale, scales, shifts, searchSamples, fitSamples);
    }

    /** The library. */
    public Set<SymbolicFunction> library() {
        return Collections.unmodifiableSet(library);
    }

    /**
     * Fits c f(a x + b) + d to samples.
     *
     * @param x inputs (not modified; at least 2 distinct finite values for a meaningful fit)
     * @param y targets, same length (not modified)
     * @return the fit, or null if no a, b keeps every input in f's domain
     * @throws IllegalArgumentException if the arrays differ in length, are empty or hold non-finite values
     */
    public SymbolicFit fit(SymbolicFunction f, double[] x, double[] y) {
        return new Samples(x, y).fit(f);
    }

    /**
     * Every library function fitted to the samples, best (lowest score) first; functions that
     * cannot be fitted (domain) are left out.
     */
    public List<SymbolicFit> suggest(double[] x, double[] y) {
        Samples samples = new Samples(x, y);
        List<SymbolicFit> fits = new ArrayList<>();
        for (SymbolicFunction f : library) {
            SymbolicFit fit = samples.fit(f);
            if (fit != null) {
                fits.add(fit);
            }
        }
        // equal scores (to 1e-3): the smaller phase first (cos(t) before sin(t + pi/2)), then the better R^2
        fits.sort(Comparator.comparingLong((SymbolicFit fit) -> Math.round(fit.score() * 1e3))
                .thenComparingDouble(fit -> periodic(fit.function()) ? Math.abs(fit.b()) : 0)
                .thenComparing(Comparator.comparingDouble(SymbolicFit::r2).reversed()));
        return fits;
    }

    /** {@link #suggest(double[], double[])} for edge (l, j, i) of a network over network input points. */
    public List<SymbolicFit> suggest(SymbolicKan net, double[] points, int l, int j, int i) {
        double[][] xy = edgeSamples(net, points, l, j, i);
        return suggest(xy[0], xy[1]);
    }

    /**
     * The network with edge (l, j, i) snapped to the best fit of {@code f} to its samples.
     *
     * @throws IllegalArgumentException if f cannot be fitted to that edge (its inputs leave f's domain)
     */
    public SymbolicKan fix(SymbolicKan net, double[] points, int l, int j, int i, SymbolicFunction f) {
        double[][] xy = edgeSamples(net, points, l, j, i);
        SymbolicFit fit = new Samples(xy[0], xy[1]).fit(f);
        if (fit == null) {
            throw new IllegalArgumentException("cannot fit " + f.id() + " to edge (" + l + ", " + j + ", " + i
                    + "): its inputs leave the domain for every a, b");
        }
        return net.withSymbolic(l, j, i, fit);
    }

    /**
     * Snaps every spline edge whose suggestions include one with R^2 &gt;= {@code threshold}: the edge
     * gets the best-ranked of those. The samples of all edges are taken from this network before any
     * edge changes (as pykan's auto_symbolic does); retrain the result to recover what the fits lose.
     *
     * @param points    network input points, n x d
     * @param threshold R^2 a candidate needs, e.g. 0.999
     */
    public SymbolicKan auto(SymbolicKan net, double[] points, double threshold) {
        boolean[] all = new boolean[net.layerCount()];
        Arrays.fill(all, true);
        return auto(net, points, threshold, all);
    }

    /** {@link #auto(SymbolicKan, double[], double)} restricted to the layers flagged in {@code layers}. */
    public SymbolicKan auto(SymbolicKan net, double[] points, double threshold, boolean[] layers) {
        if (layers.length != net.layerCount()) {
            throw new IllegalArgumentException("need one flag per layer (" + net.layerCount() + "), got " + layers.length);
        }
        double[][] nodes = net.nodeValues(checkPoints(net, points));
        int[] widths = net.widths();
        SymbolicKan out = net;
        for (int l = 0; l < net.layerCount(); l++) {
            if (!layers[l]) {
                continue;
            }
            for (int j = 0; j < widths[l + 1]; j++) {
                for (int i = 0; i < widths[l]; i++) {
                    if (net.kind(l, j, i) != EdgeKind.SPLINE) {
                        continue;
                    }
                    double[][] xy = edgeSamples(net, nodes, l, j, i);
                    for (SymbolicFit fit : suggest(xy[0], xy[1])) {
                        if (fit.r2() >= threshold) {
                            out = out.withSymbolic(l, j, i, fit);
                            break;
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * The samples of edge (l, j, i) over network input points: {x, phi(x)} with x the values of
     * input node i of layer l.
     */
    public static double[][] edgeSamples(SymbolicKan net, double[] points, int l, int j, int i) {
        return edgeSamples(net, net.nodeValues(checkPoints(net, points)), l, j, i);
    }

    private static double[][] edgeSamples(SymbolicKan net, double[][] nodes, int l, int j, int i) {
        int width = net.widths()[l];
        int n = nodes[l].length / width;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] out = new double[4];
        for (int t = 0; t < n; t++) {
            x[t] = nodes[l][t * width + i];
            net.edge(l, j, i, x[t], out);
            y[t] = out[0];
        }
        return new double[][] {x, y};
    }

    private static double[] checkPoints(SymbolicKan net, double[] points) {
        int d = net.inputDimension();
        if (points.length == 0 || points.length % d != 0) {
            throw new IllegalArgumentException("need a non-empty n x " + d + " point array, got length " + points.length);
        }
        return points;
    }

    private static boolean periodic(SymbolicFunction f) {
        return f == SymbolicFunction.SIN || f == SymbolicFunction.COS;
    }

    double score(SymbolicFunction f, double r2) {
        double miss = Math.max(1 - r2, 0);
        return simplicityWeight * f.complexity() + (1 - simplicityWeight) * Math.log(miss + r2Floor) / Math.log(2);
    }

    /** The samples of one fit in original and normalized units. */
    private final class Samples {
        private final double[] x;
        private final double[] y;
        private final double centre;
        private final double half;
        private final double mean;
        private final boolean constant;
        /** Normalized subsample for the grid search. */
        private final double[] su;
        private final double[] sy;
        private final double syMean;
        private final double syVariance;
        /** Normalized samples for the refinement. */
        private final double[] fu;
        private final double[] fy;

        Samples(double[] x, double[] y) {
            if (x.length != y.length) {
                throw new IllegalArgumentException("inputs and targets differ in length: " + x.length + " != " + y.length);
            }
            if (x.length == 0) {
                throw new IllegalArgumentException("need at least one sample");
            }
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            double sum = 0;
            double big = 0;
            int lowest = 0;
            int highest = 0;
            for (int t = 0; t < x.length; t++) {
                if (!Double.isFinite(x[t]) || !Double.isFinite(y[t])) {
                    throw new IllegalArgumentException("sample " + t + " is not finite: (" + x[t] + ", " + y[t] + ")");
                }
                if (x[t] < lo) {
                    lo = x[t];
                    lowest = t;
                }
                if (x[t] > hi) {
                    hi = x[t];
                    highest = t;
                }
                sum += y[t];
                big = Math.max(big, Math.abs(y[t]));
            }
            this.x = x;
            this.y = y;
            this.centre = 0.5 * (lo + hi);
            this.half = 0.5 * (hi - lo);
            this.mean = sum / y.length;
            double ss = 0;
            for (double v : y) {
                ss += (v - mean) * (v - mean);
            }
            double sd = Math.sqrt(ss / y.length);
            this.constant = half == 0 || sd <= 1e-13 * big;
            double scale = constant || sd == 0 ? 1 : sd;
            // strided subsamples that always contain the extreme inputs
            int ns = Math.min(searchSamples, x.length);
            su = new double[ns];
            sy = new double[ns];
            fill(ns, su, sy, lowest, highest, scale);
            double m1 = 0;
            double m2 = 0;
            for (double v : sy) {
                m1 += v;
                m2 += v * v;
            }
            syMean = m1 / ns;
            syVariance = m2 / ns - syMean * syMean;
            int nf = Math.min(fitSamples, x.length);
            fu = new double[nf];
            fy = new double[nf];
            fill(nf, fu, fy, lowest, highest, scale);
        }

        private void fill(int count, double[] u, double[] v, int lowest, int highest, double scale) {
            for (int s = 0; s < count; s++) {
                int t = count == 1 ? 0 : (int) Math.round((double) s * (x.length - 1) / (count - 1));
                if (s == 0) {
                    t = lowest;
                } else if (s == count - 1) {
                    t = highest;
                }
                u[s] = normalized(x[t]);
                v[s] = (y[t] - mean) / scale;
            }
        }

        private double normalized(double v) {
            return half == 0 ? 0 : (v - centre) / half;
        }

        SymbolicFit fit(SymbolicFunction f) {
            if (constant || f == SymbolicFunction.ZERO) {
                return constantFit(f);
            }
            if (f == SymbolicFunction.X) {
                return finish(f, 1, 0);
            }
            switch (f.inner()) {
                case FULL:
                    return fitFull(f);
                case SHIFT:
                    return fitShift(f);
                case SCALE:
                    return fitScale(f);
                default:
                    return finish(f, 1, 0);
            }
        }

        /** Constant data, or the zero function: c = 0, d the mean, any admissible a, b. */
        private SymbolicFit constantFit(SymbolicFunction f) {
            double a = 1;
            double b = 0;
            double lo = centre - half;
            double hi = centre + half;
            if (!f.admits(lo, hi)) {
                // shift the argument into the domain: t in [1, 1 + 2h] (tan: a tiny interval around 0)
                if (f == SymbolicFunction.TAN) {
                    a = half == 0 ? 1 : 1 / (2 * half);
                    b = -a * centre;
                } else {
                    b = 1 - lo;
                }
            }
            double ss = 0;
            for (double v : y) {
                ss += (v - mean) * (v - mean);
            }
            double r2 = constant ? 1 : (ss == 0 ? 1 : 0);
            return new SymbolicFit(f, a, b, 0, mean, r2, score(f, r2));
        }

        private SymbolicFit fitFull(SymbolicFunction f) {
            boolean periodic = f == SymbolicFunction.SIN || f == SymbolicFunction.COS;
            int na = scalePoints;
            int nb = shiftPoints;
            double[][] r2 = new double[na][nb];
            double[][] alphas = new double[na][nb];
            double[][] betas = new double[na][nb];
            for (int p = 0; p < na; p++) {
                double alpha = maxScale * (p + 1) / na;
                for (int q = 0; q < nb; q++) {
                    double beta = periodic ? -Math.PI / 2 + Math.PI * q / nb : -alpha * (-1.5 + 3.0 * q / (nb - 1));
                    alphas[p][q] = alpha;
                    betas[p][q] = beta;
                    r2[p][q] = gridR2(f, alpha, beta);
                }
            }
            return refineBest(f, r2, alphas, betas, true, true);
        }

        private SymbolicFit fitShift(SymbolicFunction f) {
            boolean pole = f == SymbolicFunction.INVERSE || f == SymbolicFunction.SQRT || f == SymbolicFunction.LOG;
            boolean signs = f == SymbolicFunction.SQRT || f == SymbolicFunction.LOG;
            int nq = pole ? 2 * shiftPoints : 2 * shiftPoints + 1;
            int ns = signs ? 2 : 1;
            double[][] r2 = new double[ns][nq];
            double[][] alphas = new double[ns][nq];
            double[][] betas = new double[ns][nq];
            for (int p = 0; p < ns; p++) {
                double s = p == 0 ? 1 : -1;
                for (int q = 0; q < nq; q++) {
                    double u0;
                    if (pole) {
                        int side = q < shiftPoints ? -1 : 1;
                        int r = q % shiftPoints;
                        double distance = Math.pow(10, -3 + 5.0 * r / (shiftPoints - 1));
                        u0 = side * (1 + distance);
                    } else {
                        u0 = -3 + 6.0 * q / (nq - 1);
                    }
                    // t = s (u - u0) = s u + beta
                    alphas[p][q] = s;
                    betas[p][q] = -s * u0;
                    r2[p][q] = gridR2(f, s, -s * u0);
                }
            }
            return refineBest(f, r2, alphas, betas, false, true);
        }

        private SymbolicFit fitScale(SymbolicFunction f) {
            int na = 2 * scalePoints + 1;
            double[][] r2 = new double[na][1];
            double[][] alphas = new double[na][1];
            double[][] betas = new double[na][1];
            for (int p = 0; p < na; p++) {
                double alpha = maxScale * (-1 + 2.0 * p / (na - 1));
                alphas[p][0] = alpha;
                r2[p][0] = gridR2(f, alpha, 0);
            }
            return refineBest(f, r2, alphas, betas, true, false);
        }

        /** Squared correlation of f(alpha u + beta) with y on the subsample, or -1 outside the domain. */
        private double gridR2(SymbolicFunction f, double alpha, double beta) {
            double lo = beta - Math.abs(alpha);
            double hi = beta + Math.abs(alpha);
            if (!f.admits(lo, hi)) {
                return -1;
            }
            int n = su.length;
            double sg = 0;
            double sgg = 0;
            double sgy = 0;
            for (int s = 0; s < n; s++) {
                double v = f.value(alpha * su[s] + beta);
                sg += v;
                sgg += v * v;
                sgy += v * sy[s];
            }
            double gm = sg / n;
            double cov = sgy / n - gm * syMean;
            double vg = sgg / n - gm * gm;
            double vy = syVariance;
            if (!(vg > 1e-14 * (sgg / n)) || !(vy > 0) || !Double.isFinite(cov)) {
                return 0;
            }
            double r = cov * cov / (vg * vy);
            return Double.isFinite(r) ? r : -1;
        }

        /**
         * Refines the best grid points (up to three, no two of them neighbours on the grid) and
         * returns the best refined fit, or null if no grid point lies in f's domain.
         */
        private SymbolicFit refineBest(SymbolicFunction f, double[][] r2, double[][] alphas, double[][] betas,
                                       boolean freeAlpha, boolean freeBeta) {
            int rows = r2.length;
            int cols = r2[0].length;
            Integer[] order = new Integer[rows * cols];
            for (int t = 0; t < order.length; t++) {
                order[t] = t;
            }
            Arrays.sort(order, (s, t) -> Double.compare(r2[t / cols][t % cols], r2[s / cols][s % cols]));
            List<Integer> picks = new ArrayList<>();
            for (int t : order) {
                if (r2[t / cols][t % cols] < 0 || picks.size() >= CANDIDATES) {
                    break;
                }
                boolean apart = true;
                for (int u : picks) {
                    apart &= Math.max(Math.abs(t / cols - u / cols), Math.abs(t % cols - u % cols)) > 1;
                }
                if (apart) {
                    picks.add(t);
                }
            }
            SymbolicFit best = null;
            for (int t : picks) {
                double[] ab = refine(f, alphas[t / cols][t % cols], betas[t / cols][t % cols], freeAlpha, freeBeta);
                SymbolicFit fit = finish(f, ab[0], ab[1]);
                if (fit != null && (best == null || fit.r2() > best.r2())) {
                    best = fit;
                }
            }
            return best;
        }

        /**
         * Levenberg-Marquardt on (alpha, beta, c, d) (the free ones) for
         * sum (c f(alpha u + beta) + d - y)^2 on the normalized samples; returns raw (a, b).
         */
        private double[] refine(SymbolicFunction f, double alpha, double beta, boolean freeAlpha, boolean freeBeta) {
            int k = (freeAlpha ? 1 : 0) + (freeBeta ? 1 : 0) + 2;
            double[] theta = new double[4];
            theta[0] = alpha;
            theta[1] = beta;
            double[] cd = linear(f, alpha, beta);
            theta[2] = cd[0];
            theta[3] = cd[1];
            int[] free = new int[k];
            int m = 0;
            if (freeAlpha) {
                free[m++] = 0;
            }
            if (freeBeta) {
                free[m++] = 1;
            }
            free[m++] = 2;
            free[m] = 3;
            double cost = cost(f, theta);
            double lambda = 1e-3;
            double[] jtj = new double[k * k];
            double[] jtr = new double[k];
            double[] col = new double[4];
            double[] deriv = new double[4];
            double[] trial = new double[4];
            double[] step = new double[k];
            for (int it = 0; it < MAX_ITERATIONS && cost > 0; it++) {
                Arrays.fill(jtj, 0);
                Arrays.fill(jtr, 0);
                for (int s = 0; s < fu.length; s++) {
                    double t = theta[0] * fu[s] + theta[1];
                    f.derivatives(t, deriv, 0);
                    double r = theta[2] * deriv[0] + theta[3] - fy[s];
                    col[0] = theta[2] * deriv[1] * fu[s];
                    col[1] = theta[2] * deriv[1];
                    col[2] = deriv[0];
                    col[3] = 1;
                    for (int p = 0; p < k; p++) {
                        double cp = col[free[p]];
                        jtr[p] += cp * r;
                        for (int q = 0; q < k; q++) {
                            jtj[p * k + q] += cp * col[free[q]];
                        }
                    }
                }
                boolean accepted = false;
                boolean converged = false;
                while (!accepted && !converged && lambda < 1e16) {
                    if (!solve(jtj, jtr, lambda, k, step)) {
                        lambda *= 4;
                        continue;
                    }
                    // decrease predicted by the linear model for theta - step
                    double predicted = 0;
                    for (int p = 0; p < k; p++) {
                        double row = 0;
                        for (int q = 0; q < k; q++) {
                            row += jtj[p * k + q] * step[q];
                        }
                        predicted += step[p] * (2 * jtr[p] - row);
                    }
                    if (!(predicted > 1e-13 * cost)) {
                        converged = true;
                        continue;
                    }
                    System.arraycopy(theta, 0, trial, 0, 4);
                    for (int p = 0; p < k; p++) {
                        trial[free[p]] -= step[p];
                    }
                    double lo = trial[1] - Math.abs(trial[0]);
                    double hi = trial[1] + Math.abs(trial[0]);
                    double c = f.admits(lo, hi) ? cost(f, trial) : Double.NaN;
                    if (c < cost) {
                        double gain = cost - c;
                        System.arraycopy(trial, 0, theta, 0, 4);
                        cost = c;
                        lambda = Math.max(lambda / 3, 1e-12);
                        accepted = true;
                        if (gain <= 1e-10 * (cost + gain)) {
                            it = MAX_ITERATIONS;
                        }
                    } else {
                        lambda *= 4;
                    }
                }
                // a poor fit need not be polished: its R^2 only ranks it low
                if (!accepted || (it >= 8 && cost > 0.1 * fu.length)) {
                    break;
                }
            }
            // back to original units: t = alpha (x - centre) / half + beta
            double a = theta[0] / half;
            double b = f.freeShift() ? theta[1] - theta[0] * centre / half : 0;
            if (f.inner() == SymbolicFunction.Inner.SHIFT) {
                a = Math.signum(theta[0]);
                b = theta[1] * half - a * centre;
            }
            return new double[] {a, b};
        }

        private double cost(SymbolicFunction f, double[] theta) {
            double sum = 0;
            for (int s = 0; s < fu.length; s++) {
                double r = theta[2] * f.value(theta[0] * fu[s] + theta[1]) + theta[3] - fy[s];
                sum += r * r;
            }
            return Double.isFinite(sum) ? sum : Double.NaN;
        }

        /** Least-squares c, d for fixed alpha, beta on the refinement samples. */
        private double[] linear(SymbolicFunction f, double alpha, double beta) {
            int n = fu.length;
            double sg = 0;
            double sgg = 0;
            double sgy = 0;
            double sy0 = 0;
            for (int s = 0; s < n; s++) {
                double v = f.value(alpha * fu[s] + beta);
                sg += v;
                sgg += v * v;
                sgy += v * fy[s];
                sy0 += fy[s];
            }
            double gm = sg / n;
            double ym = sy0 / n;
            double vg = sgg / n - gm * gm;
            double c = vg > 0 ? (sgy / n - gm * ym) / vg : 0;
            return new double[] {c, ym - c * gm};
        }

        /** With raw a, b fixed: c, d by least squares on all samples in original units, and R^2. */
        private SymbolicFit finish(SymbolicFunction f, double a, double b) {
            if (periodic(f)) {
                // sin(t + k pi) = (-1)^k sin(t), likewise cos: the sign goes into c
                b -= Math.PI * Math.rint(b / Math.PI);
            }
            int n = x.length;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            double[] g = new double[n];
            double gm = 0;
            for (int t = 0; t < n; t++) {
                double arg = a * x[t] + b;
                lo = Math.min(lo, arg);
                hi = Math.max(hi, arg);
                g[t] = f.value(arg);
                gm += g[t];
            }
            if (!f.admits(lo, hi)) {
                return null;
            }
            gm /= n;
            double vg = 0;
            double cov = 0;
            double vy = 0;
            for (int t = 0; t < n; t++) {
                vg += (g[t] - gm) * (g[t] - gm);
                cov += (g[t] - gm) * (y[t] - mean);
                vy += (y[t] - mean) * (y[t] - mean);
            }
            if (!Double.isFinite(vg) || !Double.isFinite(cov)) {
                return null;
            }
            double c = vg > 0 ? cov / vg : 0;
            double d = mean - c * gm;
            double res = 0;
            for (int t = 0; t < n; t++) {
                double r = c * g[t] + d - y[t];
                res += r * r;
            }
            double r2 = vy > 0 ? 1 - res / vy : 1;
            return new SymbolicFit(f, a, b, c, d, r2, score(f, r2));
        }
    }

    /** Solves (J^T J + lambda diag(J^T J)) step = J^T r by Gaussian elimination; false if singular. */
    private static boolean solve(double[] jtj, double[] jtr, double lambda, int k, double[] step) {
        double[] m = new double[k * (k + 1)];
        double maxDiag = 0;
        for (int p = 0; p < k; p++) {
            maxDiag = Math.max(maxDiag, jtj[p * k + p]);
        }
        for (int p = 0; p < k; p++) {
            for (int q = 0; q < k; q++) {
                m[p * (k + 1) + q] = jtj[p * k + q];
            }
            m[p * (k + 1) + p] += lambda * Math.max(jtj[p * k + p], 1e-12 * maxDiag);
            m[p * (k + 1) + k] = jtr[p];
        }
        for (int c = 0; c < k; c++) {
            int pivot = c;
            for (int r = c + 1; r < k; r++) {
                if (Math.abs(m[r * (k + 1) + c]) > Math.abs(m[pivot * (k + 1) + c])) {
                    pivot = r;
                }
            }
            if (!(Math.abs(m[pivot * (k + 1) + c]) > 0)) {
                return false;
            }
            if (pivot != c) {
                for (int q = 0; q <= k; q++) {
                    double tmp = m[c * (k + 1) + q];
                    m[c * (k + 1) + q] = m[pivot * (k + 1) + q];
                    m[pivot * (k + 1) + q] = tmp;
                }
            }
            for (int r = c + 1; r < k; r++) {
                double factor = m[r * (k + 1) + c] / m[c * (k + 1) + c];
                for (int q = c; q <= k; q++) {
                    m[r * (k + 1) + q] -= factor * m[c * (k + 1) + q];
                }
            }
        }
        for (int r = k - 1; r >= 0; r--) {
            double sum = m[r * (k + 1) + k];
            for (int q = r + 1; q < k; q++) {
                sum -= m[r * (k + 1) + q] * step[q];
            }
            step[r] = sum / m[r * (k + 1) + r];
            if (!Double.isFinite(step[r])) {
                return false;
            }
        }
        return true;
    }
}
