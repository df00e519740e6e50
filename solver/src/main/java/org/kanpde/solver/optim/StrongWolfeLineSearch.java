package org.kanpde.solver.optim;

/**
 * Line search for a step length satisfying the strong Wolfe conditions (Nocedal &amp; Wright,
 * <i>Numerical Optimization</i>, 2nd ed., Algorithms 3.5 and 3.6): with
 * {@code phi(a) = f(x + a d)},
 * <pre>
 *   phi(a)        &lt;= phi(0) + c1 a phi'(0)      (sufficient decrease)
 *   |phi'(a)|     &lt;= c2 |phi'(0)|              (curvature)
 * </pre>
 * A bracketing phase grows the step (by safeguarded cubic extrapolation) until it either passes
 * both tests or brackets an acceptable interval; a zoom phase then shrinks that interval by
 * safeguarded cubic interpolation.
 *
 * <p>A point where the objective or its directional derivative is not finite is treated like a
 * point that fails the sufficient-decrease test, so the search backs away from it.
 *
 * <p>The accepted point is always the last one evaluated, so its coordinates and gradient are left
 * in the caller's {@code trialPoint} / {@code trialGradient} buffers and need no re-evaluation.
 * An instance keeps the outcome of its last search and is therefore not thread-safe; it allocates
 * nothing per search.
 */
final class StrongWolfeLineSearch {

    /** Extrapolation grows the step by at least this factor of the last increment... */
    private static final double EXTRAPOLATION_MIN = 1.1;
    /** ...and at most this one, so that a wild cubic cannot jump arbitrarily far. */
    private static final double EXTRAPOLATION_MAX = 4.0;
    /** Zoom trial points keep at least this fraction of the bracket's width from either end. */
    private static final double ZOOM_MARGIN = 0.1;

    private final double c1;
    private final double c2;
    private final int maxEvaluations;

    private double step;
    private double value;
    private double slope;
    private int evaluations;
    // phi'(a) at the most recent trial point; kept apart from slope, which is the accepted one.
    private double trialSlope;

    /**
     * Creates a line search.
     *
     * @param c1             sufficient-decrease constant, 0 &lt; c1 &lt; c2
     * @param c2             curvature constant, c1 &lt; c2 &lt; 1
     * @param maxEvaluations objective evaluations allowed per search, &gt;= 1
     * @throws IllegalArgumentException if the constants are out of range
     */
    StrongWolfeLineSearch(double c1, double c2, int maxEvaluations) {
        checkConstants(c1, c2);
        checkMaxEvaluations(maxEvaluations);
        this.c1 = c1;
        this.c2 = c2;
        this.maxEvaluations = maxEvaluations;
    }

    /** Validates Wolfe constants; shared with the settings classes that expose them. */
    static void checkConstants(double c1, double c2) {
        if (!(c1 > 0.0 && c1 < c2 && c2 < 1.0)) {
            throw new IllegalArgumentException(
                    "Wolfe constants must satisfy 0 < c1 < c2 < 1, got c1 = " + c1 + ", c2 = " + c2);
        }
    }

    /** Validates an evaluation budget; shared with the settings classes that expose it. */
    static void checkMaxEvaluations(int maxEvaluations) {
        if (maxEvaluations < 1) {
            throw new IllegalArgumentException(
                    "maximum line search evaluations must be >= 1, got " + maxEvaluations);
        }
    }

    /**
     * Searches along {@code direction} from {@code x}.
     *
     * @param objective     the function
     * @param x             the current point (not modified)
     * @param valueAtX      f(x), finite
     * @param direction     the search direction (not modified)
     * @param slopeAtX      phi'(0) = grad f(x) . direction; must be &lt; 0
     * @param initialStep   the first trial step length, finite and &gt; 0
     * @param trialPoint    work buffer of length n (modified); on success holds x + step * direction
     * @param trialGradient work buffer of length n (modified); on success holds the gradient there
     * @return true if an acceptable step was found ({@link #step()}, {@link #value()} and
     *         {@link #slope()} then describe it); false if the evaluation budget ran out or the
     *         bracket shrank to rounding level first
     * @throws IllegalArgumentException if {@code slopeAtX} is not negative or {@code initialStep} is
     *                                  not finite and positive
     */
    boolean search(DifferentiableObjective objective, double[] x, double valueAtX, double[] direction,
                   double slopeAtX, double initialStep, double[] trialPoint, double[] trialGradient) {
        if (!(slopeAtX < 0.0)) {
            throw new IllegalArgumentException(
                    "search direction must be a descent direction (slope < 0), got slope " + slopeAtX);
        }
        if (!(initialStep > 0.0 && initialStep < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("initial step must be finite and > 0, got " + initialStep);
        }
        evaluations = 0;
        double phi0 = valueAtX;
        double dphi0 = slopeAtX;
        double curvatureBound = -c2 * dphi0;

        double prevStep = 0.0;
        double prevPhi = phi0;
        double prevDphi = dphi0;
        double a = initialStep;
        while (true) {
            double phi = evaluate(objective, x, direction, a, trialPoint, trialGradient);
            double dphi = trialSlope;
            boolean finite = Double.isFinite(phi) && Double.isFinite(dphi);
            if (!finite || phi > phi0 + c1 * a * dphi0 || (evaluations > 1 && phi >= prevPhi)) {
                return zoom(objective, x, direction, phi0, dphi0, prevStep, prevPhi, prevDphi,
                        a, phi, dphi, trialPoint, trialGradient);
            }
            if (Math.abs(dphi) <= curvatureBound) {
                return accept(a, phi, dphi);
            }
            if (dphi >= 0.0) {
                return zoom(objective, x, direction, phi0, dphi0, a, phi, dphi,
                        prevStep, prevPhi, prevDphi, trialPoint, trialGradient);
            }
            if (evaluations >= maxEvaluations) {
                return false;
            }
            // Still descending at a: extrapolate. The cubic through the last two points predicts
            // where the slope vanishes; the next increment is held between 1.1x and 4x the last
            // one so that the step grows geometrically, and a cubic without a minimizer (the
            // function looks linear or concave) takes the largest increment.
            double increment = a - prevStep;
            double low = a + EXTRAPOLATION_MIN * increment;
            double high = a + EXTRAPOLATION_MAX * increment;
            double next = cubicMinimizer(prevStep, prevPhi, prevDphi, a, phi, dphi);
            if (Double.isNaN(next) || next > high) {
                next = high;
            } else if (next < low) {
                next = low;
            }
            if (!Double.isFinite(next)) {
                return false;
            }
            prevStep = a;
            prevPhi = phi;
            prevDphi = dphi;
            a = next;
        }
    }

    /**
     * Algorithm 3.6: {@code lo} satisfies sufficient decrease and has the lowest value seen;
     * {@code hi} is such that [lo, hi] (in either order) contains acceptable steps.
     */
    private boolean zoom(DifferentiableObjective objective, double[] x, double[] direction,
                         double phi0, double dphi0,
                         double lo, double phiLo, double dphiLo,
                         double hi, double phiHi, double dphiHi,
                         double[] trialPoint, double[] trialGradient) {
        double curvatureBound = -c2 * dphi0;
        while (evaluations < maxEvaluations) {
            double left = Math.min(lo, hi);
            double right = Math.max(lo, hi);
            double width = right - left;
            if (width <= 0x1.0p-52 * right) {
                // Further trial points would round to the ends of the bracket.
                return false;
            }
            double a;
            if (Double.isFinite(phiHi) && Double.isFinite(dphiHi)) {
                a = cubicMinimizer(lo, phiLo, dphiLo, hi, phiHi, dphiHi);
                if (Double.isNaN(a)) {
                    a = left + 0.5 * width;
                }
                // Held away from the ends so that every trial shrinks the bracket by >= 10%.
                a = Math.max(left + ZOOM_MARGIN * width, Math.min(right - ZOOM_MARGIN * width, a));
            } else {
                // Nothing is known about hi except that it is unusable (typically overflow far
                // out along the direction): retreat decisively towards lo rather than bisect.
                a = lo + ZOOM_MARGIN * (hi - lo);
            }
            double phi = evaluate(objective, x, direction, a, trialPoint, trialGradient);
            double dphi = trialSlope;
            boolean finite = Double.isFinite(phi) && Double.isFinite(dphi);
            if (!finite || phi > phi0 + c1 * a * dphi0 || phi >= phiLo) {
                hi = a;
                phiHi = phi;
                dphiHi = dphi;
            } else {
                if (Math.abs(dphi) <= curvatureBound) {
                    return accept(a, phi, dphi);
                }
                if (dphi * (hi - lo) >= 0.0) {
                    hi = lo;
                    phiHi = phiLo;
                    dphiHi = dphiLo;
                }
                lo = a;
                phiLo = phi;
                dphiLo = dphi;
            }
        }
        return false;
    }

    /** Evaluates phi(a) into the trial buffers, stores phi'(a) in {@link #trialSlope}, returns phi(a). */
    private double evaluate(DifferentiableObjective objective, double[] x, double[] direction,
                            double a, double[] trialPoint, double[] trialGradient) {
        for (int i = 0; i < x.length; i++) {
            trialPoint[i] = x[i] + a * direction[i];
        }
        double phi = objective.evaluate(trialPoint, trialGradient);
        evaluations++;
        trialSlope = Vectors.dot(trialGradient, direction);
        return phi;
    }

    private boolean accept(double a, double phi, double dphi) {
        step = a;
        value = phi;
        slope = dphi;
        return true;
    }

    /**
     * Minimizer of the cubic matching values and derivatives at {@code a} and {@code b}
     * (Nocedal &amp; Wright, eq. 3.59), or NaN when that cubic has no local minimizer.
     */
    static double cubicMinimizer(double a, double fa, double da, double b, double fb, double db) {
        double d1 = da + db - 3.0 * (fa - fb) / (a - b);
        double discriminant = d1 * d1 - da * db;
        if (!(discriminant >= 0.0)) {
            return Double.NaN;
        }
        double d2 = Math.copySign(Math.sqrt(discriminant), b - a);
        double denominator = db - da + 2.0 * d2;
        if (denominator == 0.0) {
            return Double.NaN;
        }
        return b - (b - a) * (db + d2 - d1) / denominator;
    }

    /** Accepted step length of the last successful search. */
    double step() {
        return step;
    }

    /** Objective value at the accepted point of the last successful search. */
    double value() {
        return value;
    }

    /** Directional derivative phi'(step) at the accepted point of the last successful search. */
    double slope() {
        return slope;
    }

    /** Objective evaluations used by the last search, successful or not. */
    int evaluations() {
        return evaluations;
    }
}
