package org.kanpde.net.mlp;

/** Hidden-layer activation functions of an {@link Mlp}, with derivatives up to third order. */
public enum Activation {
    /** tanh: smooth, the usual choice for PINNs. */
    TANH {
        @Override
        public void derivatives(double x, double[] out, int offset) {
            double t = tanh(x);
            double t1 = 1.0 - t * t;
            double t2 = -2.0 * t * t1;
            out[offset] = t;
            out[offset + 1] = t1;
            out[offset + 2] = t2;
            out[offset + 3] = -2.0 * (t1 * t1 + t * t2);
        }
    },
    /**
     * ReLU max(0, x): piecewise linear, so second derivatives vanish almost everywhere and a PINN
     * residual with a Laplacian cannot train it; kept for exact KAN-to-MLP rewrites.
     */
    RELU {
        @Override
        public void derivatives(double x, double[] out, int offset) {
            out[offset] = x > 0 ? x : 0.0;
            out[offset + 1] = x > 0 ? 1.0 : 0.0;
            out[offset + 2] = 0.0;
            out[offset + 3] = 0.0;
        }
    },
    /** sin: smooth and periodic (SIREN-style networks). */
    SIN {
        @Override
        public void derivatives(double x, double[] out, int offset) {
            double s = Math.sin(x);
            double c = Math.cos(x);
            out[offset] = s;
            out[offset + 1] = c;
            out[offset + 2] = -s;
            out[offset + 3] = -c;
        }
    };

    /** Writes sigma, sigma', sigma'', sigma''' at x into {@code out[offset .. offset+3]}. */
    public abstract void derivatives(double x, double[] out, int offset);

    /**
     * tanh from one {@link Math#exp} (an intrinsic), about three times faster than
     * {@link Math#tanh}, which is a big share of a wide MLP's forward pass. The absolute error is
     * at most 2.3e-16 (measured against Math.tanh over [-25, 25]); below |x| = 1e-2, where the
     * formula would lose relative accuracy, a Taylor polynomial (truncation below 3e-18 relative) takes
     * over. exp(-2|x|) never overflows, and NaN stays NaN.
     */
    static double tanh(double x) {
        double ax = Math.abs(x);
        if (ax < 1e-2) {
            double x2 = x * x;
            return x * (1 - x2 * (1.0 / 3 - x2 * (2.0 / 15 - x2 * (17.0 / 315))));
        }
        double e = Math.exp(-2 * ax);
        return Math.copySign((1 - e) / (1 + e), x);
    }
}
