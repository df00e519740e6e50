package org.kanpde.net.mlp;

/** Hidden-layer activation functions of an {@link Mlp}, with derivatives up to third order. */
public enum Activation {
    /** tanh: smooth, the usual choice for PINNs. */
    TANH {
        @Override
        public void derivatives(double x, double[] out, int offset) {
            double t = Math.tanh(x);
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
}
