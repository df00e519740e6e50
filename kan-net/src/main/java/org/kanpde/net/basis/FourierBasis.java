package org.kanpde.net.basis;

/**
 * Fourier features: B_0 = 1, B_{2m-1} = cos(m theta), B_{2m} = sin(m theta) for m = 1 .. n, with
 * theta = omega (x - centre), centre the middle of the range [lower, upper]: 2n + 1 global
 * functions, all evaluated at every point.
 *
 * <p><b>The frequency</b> defaults to omega = pi / (upper - lower): the period 2 (upper - lower) is
 * twice the range. With omega = 2 pi / (upper - lower) (period = range) the basis would be
 * orthogonal, but every edge would be periodic over its range, and a function whose ends do not
 * match (x itself, say) would converge like 1/n with Gibbs oscillations at the ends; in a PINN the
 * second derivatives of those oscillations grow like n. With the doubled period, any smooth function
 * on the range is the restriction of a smooth periodic one (a Fourier extension) and is approximated
 * without Gibbs. The price is conditioning: on half a period, sines and cosines of the same
 * frequencies are nearly linearly dependent, and the condition number of the least-squares matrix
 * grows geometrically with n, like 5.5^n (measured: 4e3 at n = 5, 2e7 at n = 10, 1e11 at n = 15,
 * 7e14 at n = 20), while fits of smooth functions improve spectrally (1e-7 at n = 10, 5e-12 at
 * n = 15 for sin(pi x^2) + x). Up to n of about 15 that is harmless in double precision with a damped
 * optimizer; beyond it the coefficients are not well determined (the fitted function still is). Other frequencies can be set with {@link #of(double, double, int, double)}; grid
 * extension and update keep the ratio of period to range.
 *
 * <p><b>Outside the range</b> the edge continues periodically (period 2 pi / omega): bounded, with
 * bounded derivatives.
 *
 * <p>sin(m theta) and cos(m theta) come from one sin/cos pair by the angle-addition recurrence
 * (error growing like m times the unit round-off); derivatives are (m omega)^d times the matching
 * sine or cosine with its sign. No allocation.
 */
public final class FourierBasis implements EdgeBasis {
    private final int frequencies;
    private final double lower;
    private final double upper;
    private final double centre;
    private final double omega;

    private FourierBasis(double lower, double upper, int frequencies, double omega) {
        this.frequencies = frequencies;
        this.lower = lower;
        this.upper = upper;
        this.centre = 0.5 * (lower + upper);
        this.omega = omega;
    }

    /**
     * n frequencies on [lower, upper] with omega = pi / (upper - lower).
     *
     * @throws IllegalArgumentException as {@link #of(double, double, int, double)}
     */
    public static FourierBasis of(double lower, double upper, int frequencies) {
        Ranges.check("Fourier", lower, upper);
        return of(lower, upper, frequencies, Math.PI / (upper - lower));
    }

    /**
     * n frequencies m omega, m = 1..n, on [lower, upper].
     *
     * @throws IllegalArgumentException if n &lt; 1, 2n + 1 exceeds the largest Java array, the range
     *                                  is not finite with lower &lt; upper, or omega is not finite and &gt; 0
     */
    public static FourierBasis of(double lower, double upper, int frequencies, double omega) {
        if (frequencies < 1) {
            throw new IllegalArgumentException("Fourier basis needs at least 1 frequency, got " + frequencies);
        }
        Ranges.checkSize("Fourier", "frequency count n =", frequencies, 2L * frequencies + 1);
        Ranges.check("Fourier", lower, upper);
        if (!(omega > 0) || !Double.isFinite(omega)) {
            throw new IllegalArgumentException("Fourier frequency omega must be finite and > 0, got " + omega);
        }
        return new FourierBasis(lower, upper, frequencies, omega);
    }

    @Override
    public BasisType type() {
        return BasisType.FOURIER;
    }

    @Override
    public int size() {
        return 2 * frequencies + 1;
    }

    @Override
    public int activeCount() {
        return 2 * frequencies + 1;
    }

    @Override
    public int evaluate(double x, int maxDerivative, double[] out, int offset) {
        int n1 = 2 * frequencies + 1;
        double theta = omega * (x - centre);
        double c1 = Math.cos(theta);
        double s1 = Math.sin(theta);
        double c = c1;
        double s = s1;
        out[offset] = 1.0;
        for (int d = 1; d <= maxDerivative; d++) {
            out[offset + d * n1] = 0.0;
        }
        for (int m = 1; m <= frequencies; m++) {
            int ic = offset + 2 * m - 1;
            out[ic] = c;
            out[ic + 1] = s;
            double k = m * omega;
            double k2 = k * k;
            if (maxDerivative >= 1) {
                out[ic + n1] = -k * s;
                out[ic + n1 + 1] = k * c;
                if (maxDerivative >= 2) {
                    out[ic + 2 * n1] = -k2 * c;
                    out[ic + 2 * n1 + 1] = -k2 * s;
                    if (maxDerivative >= 3) {
                        out[ic + 3 * n1] = k2 * k * s;
                        out[ic + 3 * n1 + 1] = -k2 * k * c;
                    }
                }
            }
            double cn = c * c1 - s * s1;
            s = s * c1 + c * s1;
            c = cn;
        }
        return 0;
    }

    @Override
    public double lower() {
        return lower;
    }

    @Override
    public double upper() {
        return upper;
    }

    /** The fundamental frequency omega. */
    public double omega() {
        return omega;
    }

    @Override
    public int gridSize() {
        return frequencies;
    }

    @Override
    public int degree() {
        return 0;
    }

    @Override
    public FourierBasis withSize(int gridSize) {
        return gridSize == frequencies ? this : of(lower, upper, gridSize, omega);
    }

    /** On a new range, with omega scaled so that the period keeps its ratio to the range. */
    @Override
    public FourierBasis withRange(double lower, double upper, int gridSize) {
        Ranges.check("Fourier", lower, upper);
        return of(lower, upper, gridSize, omega * (this.upper - this.lower) / (upper - lower));
    }

    @Override
    public FourierBasis adaptedTo(double[] sorted, double uniformFraction) {
        double lo = sorted[0];
        double hi = sorted[sorted.length - 1];
        return Ranges.nearlyConstant(lo, hi) ? this : withRange(lo, hi, frequencies);
    }

    /**
     * Zero-padding, for m &lt;= n frequencies of the same omega about the same centre (the functions
     * are laid out frequency by frequency, so the coarser basis is a prefix).
     */
    @Override
    public boolean embed(EdgeBasis coarser, double[] from, int fromOffset, double[] to, int toOffset) {
        if (!(coarser instanceof FourierBasis)) {
            return false;
        }
        FourierBasis c = (FourierBasis) coarser;
        if (c.frequencies > frequencies || c.omega != omega || c.centre != centre) {
            return false;
        }
        int n = 2 * c.frequencies + 1;
        System.arraycopy(from, fromOffset, to, toOffset, n);
        java.util.Arrays.fill(to, toOffset + n, toOffset + 2 * frequencies + 1, 0.0);
        return true;
    }

    /** n equal pieces (at least 2): the highest frequency of a product of two functions completes one period on each. */
    @Override
    public double[] fitBreakpoints() {
        int pieces = Math.max(2, frequencies);
        double[] b = new double[pieces + 1];
        for (int p = 0; p <= pieces; p++) {
            b[p] = lower + (upper - lower) * p / pieces;
        }
        b[pieces] = upper;
        return b;
    }

    @Override
    public int fitPointsPerPiece() {
        return 8;
    }

    /** 1/sqrt(2n + 2): sum_m B_m^2 = 1 + n everywhere, B-splines' mean about 1/2. */
    @Override
    public double noiseScale() {
        return 1.0 / Math.sqrt(2.0 * frequencies + 2.0);
    }

    @Override
    public String describe() {
        return "fourier n=" + frequencies;
    }

    @Override
    public String toString() {
        return "FourierBasis[n=" + frequencies + ", range=[" + lower + ", " + upper + "], omega=" + omega + "]";
    }
}
