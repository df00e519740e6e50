package org.kanpde.net.basis;

/**
 * Gaussian radial basis functions B_m(x) = exp(-((x - c_m) / w)^2) on uniformly spaced centres:
 * n &gt;= 2 centres over the range, c_e = lower .. c_{e+n-1} = upper with spacing
 * h = (upper - lower) / (n - 1), plus e centres of the same spacing beyond each end (like the k knots
 * a B-spline grid is extended by), n + 2e functions in all. The width is tied to the spacing:
 * w = h by default, as in FastKAN (another ratio f = w / h can be chosen with
 * {@link #uniform(double, double, int, double)}; grid extension and update keep it), and
 * e = ceil(2.5 f - 0.5), so e = 2 for w = h.
 *
 * <p><b>Why the extra centres.</b> With centres only inside the range (FastKAN), a function that is
 * not zero at an end of the range lacks half of the Gaussians it needs there, and the best
 * least-squares fit keeps an error near the ends that does not shrink with the spacing: 2.5e-2 at
 * n = 11 and 4.4e-2 at n = 41 for sin(pi x) + x/2 + 0.3 on [-1, 1]. With e = 2 it falls to the
 * interior level, 4.9e-4 and 1.7e-4. More extra centres only worsen the conditioning (the outermost
 * Gaussians barely reach into the range): the fit matrix's condition number is 8 with none, 3e3
 * with two and 2e6 with three.
 *
 * <p><b>Accuracy limits.</b> Gaussians whose width scales with the spacing do not converge to
 * arbitrary accuracy: their Fourier transform has no zeros at the multiples of 2 pi / h, so the
 * error saturates near 2 e^{-pi^2 f^2} relative, 1e-4 for w = h (the interior errors above). Wider
 * Gaussians lower the floor at the cost of conditioning: w = 1.5 h with e = 4 fits the same function
 * to 1e-9 at n = 41 (condition number 6e6). With w = h the sum of the functions is flat to 1.1e-4
 * relative (sum_k exp(-(u - k)^2) = sqrt(pi) (1 + 2 e^{-pi^2} cos(2 pi u) + ...)), a near
 * partition of unity (times sqrt(pi)).
 *
 * <p><b>Truncation.</b> {@link #evaluate} writes a fixed window of the 2r centres nearest x, with
 * r = ceil(7 w / h) (14 functions when w = h), so every omitted centre is at least 7 widths away.
 * An omitted function and its derivatives are below e^{-49} |H_3(7)| / w^3 &lt; 1.5e-18 / w^3, far
 * below the round-off of the kept ones (which peak near 1, 1/w, ...), so the truncated evaluation
 * equals the full sum to round-off while a point touches only 2r coefficients.
 *
 * <p><b>Outside the centres</b> the Gaussians decay: an edge tends to 0 (its silu term remains), and
 * so do its derivatives, so inputs far outside get no gradient back. Grid extension with sample
 * points widens hidden ranges to the values seen; grid update moves the centres to the values'
 * range.
 *
 * <p>Derivatives: with u = (x - c) / w and g = exp(-u^2), B' = -2u g / w, B'' = (4u^2 - 2) g / w^2,
 * B''' = (12u - 8u^3) g / w^3 (Hermite polynomials).
 */
public final class RbfBasis implements EdgeBasis {
    /** Omitted centres are at least this many widths from the point. */
    public static final double TRUNCATION_WIDTHS = 7.0;

    private final double[] centres;
    private final int extension;
    private final double width;
    private final double invWidth;
    private final double invSpacing;
    private final int active;
    private final int reach;

    private RbfBasis(double[] centres, int extension, double width) {
        this.centres = centres;
        this.extension = extension;
        this.width = width;
        this.invWidth = 1.0 / width;
        int n = centres.length;
        double spacing = (centres[n - 1] - centres[0]) / (n - 1);
        this.invSpacing = 1.0 / spacing;
        // (less a hair, so that w = h gives r = 7 whatever the last bit of w / h)
        double r = Math.ceil(TRUNCATION_WIDTHS * width / spacing - 1e-9);
        this.reach = r >= n ? n : (int) r;
        this.active = Math.min(n, 2 * reach);
    }

    /**
     * n centres spaced uniformly over [lower, upper] (the ends included), two more beyond each end,
     * width equal to the spacing.
     *
     * @throws IllegalArgumentException if n &lt; 2 or the range is not finite with lower &lt; upper
     */
    public static RbfBasis uniform(double lower, double upper, int centres) {
        return uniform(lower, upper, centres, 1.0);
    }

    /**
     * n centres spaced uniformly over [lower, upper] (the ends included), e = ceil(2.5 f - 0.5) more
     * beyond each end, width f times the spacing.
     *
     * @param widthFactor f = w / h, finite and &gt; 0
     * @throws IllegalArgumentException if n &lt; 2, the range is not finite with lower &lt; upper, the
     *                                  factor is not finite and in (0, 100], or n + 2e exceeds the
     *                                  largest Java array
     */
    public static RbfBasis uniform(double lower, double upper, int centres, double widthFactor) {
        if (centres < 2) {
            throw new IllegalArgumentException("an RBF basis needs at least 2 centres, got " + centres);
        }
        Ranges.check("RBF", lower, upper);
        if (!(widthFactor > 0) || !Double.isFinite(widthFactor) || widthFactor > 100) {
            throw new IllegalArgumentException("RBF width factor must be finite and in (0, 100], got " + widthFactor);
        }
        int e = (int) Math.ceil(2.5 * widthFactor - 0.5 - 1e-9);
        Ranges.checkSize("RBF", "centre count n =", centres, centres + 2L * e);
        double h = (upper - lower) / (centres - 1);
        double[] c = new double[centres + 2 * e];
        for (int m = 0; m < c.length; m++) {
            c[m] = lower + (m - e) * h;
        }
        c[e] = lower;
        c[e + centres - 1] = upper;
        return new RbfBasis(c, e, widthFactor == 1.0 ? h : widthFactor * h);
    }

    /**
     * Given centres and width, e.g. as read back from a model file.
     *
     * @param centres   all n + 2e centres, finite, strictly increasing and uniformly spaced (to 1e-9
     *                  of the spacing); copied
     * @param extension e &gt;= 0, the centres beyond each end of the range; n = length - 2e &gt;= 2
     * @param width     finite and &gt; 0
     * @throws IllegalArgumentException naming the offending value
     */
    public static RbfBasis of(double[] centres, int extension, double width) {
        int n = centres.length;
        if (extension < 0 || n - 2 * extension < 2) {
            throw new IllegalArgumentException("an RBF basis needs at least 2 centres in its range, got " + n
                    + " centres with " + extension + " beyond each end");
        }
        if (!(width > 0) || !Double.isFinite(width)) {
            throw new IllegalArgumentException("RBF width must be finite and > 0, got " + width);
        }
        for (int m = 0; m < n; m++) {
            if (!Double.isFinite(centres[m])) {
                throw new IllegalArgumentException("RBF centre " + m + " is not finite: " + centres[m]);
            }
            if (m > 0 && !(centres[m] > centres[m - 1])) {
                throw new IllegalArgumentException("RBF centres must be strictly increasing, but centre " + m + " = "
                        + centres[m] + " <= centre " + (m - 1) + " = " + centres[m - 1]);
            }
        }
        double h = (centres[n - 1] - centres[0]) / (n - 1);
        for (int m = 1; m < n; m++) {
            double gap = centres[m] - centres[m - 1];
            if (Math.abs(gap - h) > 1e-9 * h) {
                throw new IllegalArgumentException("RBF centres must be uniformly spaced (spacing " + h + "), but centres "
                        + (m - 1) + " and " + m + " are " + gap + " apart");
            }
        }
        if (width > 100 * h) {
            throw new IllegalArgumentException("RBF width " + width + " exceeds 100 centre spacings (" + h + ")");
        }
        return new RbfBasis(centres.clone(), extension, width);
    }

    @Override
    public BasisType type() {
        return BasisType.RBF;
    }

    /** n + 2e. */
    @Override
    public int size() {
        return centres.length;
    }

    @Override
    public int activeCount() {
        return active;
    }

    @Override
    public int evaluate(double x, int maxDerivative, double[] out, int offset) {
        int n = centres.length;
        // the interval [c_j, c_{j+1}) holding x; the window is c_{j-r+1} .. c_{j+r}, clamped to the ends
        double start = Math.floor((x - centres[0]) * invSpacing) - (reach - 1);
        int first = !(start > 0) ? 0 : start >= n - active ? n - active : (int) start;
        double iw = invWidth;
        for (int m = 0; m < active; m++) {
            double u = (x - centres[first + m]) * iw;
            double g = Math.exp(-u * u);
            out[offset + m] = g;
            if (maxDerivative >= 1) {
                out[offset + active + m] = -2.0 * u * g * iw;
                if (maxDerivative >= 2) {
                    double u2 = u * u;
                    out[offset + 2 * active + m] = (4.0 * u2 - 2.0) * g * iw * iw;
                    if (maxDerivative >= 3) {
                        out[offset + 3 * active + m] = (12.0 - 8.0 * u2) * u * g * iw * iw * iw;
                    }
                }
            }
        }
        return first;
    }

    /** The first centre of the range, c_e. */
    @Override
    public double lower() {
        return centres[extension];
    }

    /** The last centre of the range, c_{e+n-1}. */
    @Override
    public double upper() {
        return centres[centres.length - 1 - extension];
    }

    /** Width w of every Gaussian. */
    public double width() {
        return width;
    }

    /** The ratio w / h of width to centre spacing (1 by default). */
    public double widthFactor() {
        return width * invSpacing;
    }

    /** Number e of centres beyond each end of the range. */
    public int extension() {
        return extension;
    }

    /** A copy of all n + 2e centres. */
    public double[] centres() {
        return centres.clone();
    }

    /** The number n of centres in the range. */
    @Override
    public int gridSize() {
        return centres.length - 2 * extension;
    }

    @Override
    public int degree() {
        return 0;
    }

    /** Uniform centres over the same range, the same width factor. */
    @Override
    public RbfBasis withSize(int gridSize) {
        return gridSize == gridSize() ? this : uniform(lower(), upper(), gridSize, factor());
    }

    /** Uniform centres over the new range, the same width factor. */
    @Override
    public RbfBasis withRange(double lower, double upper, int gridSize) {
        return uniform(lower, upper, gridSize, factor());
    }

    @Override
    public RbfBasis adaptedTo(double[] sorted, double uniformFraction) {
        double lo = sorted[0];
        double hi = sorted[sorted.length - 1];
        return Ranges.nearlyConstant(lo, hi) ? this : uniform(lo, hi, gridSize(), factor());
    }

    /** The width factor, exactly 1 when the width is (to round-off) the spacing, so defaults stay exact. */
    private double factor() {
        double f = widthFactor();
        return Math.abs(f - 1.0) <= 1e-12 ? 1.0 : f;
    }

    /** The centres in the range: Gaussians are smooth, but vary on the scale of the spacing. */
    @Override
    public double[] fitBreakpoints() {
        return java.util.Arrays.copyOfRange(centres, extension, centres.length - extension);
    }

    @Override
    public int fitPointsPerPiece() {
        return 6;
    }

    /**
     * sqrt(0.5 / (f sqrt(pi/2))) for width factor f (0.63 for w = h): the mean of sum_m B_m^2 is
     * about f sqrt(pi/2), B-splines' about 1/2.
     */
    @Override
    public double noiseScale() {
        return Math.sqrt(0.5 / (widthFactor() * Math.sqrt(0.5 * Math.PI)));
    }

    @Override
    public String describe() {
        return "rbf n=" + gridSize();
    }

    @Override
    public String toString() {
        return "RbfBasis[n=" + gridSize() + " + 2*" + extension + ", range=[" + lower() + ", " + upper() + "], width="
                + width + " (" + widthFactor() + " h)]";
    }
}
