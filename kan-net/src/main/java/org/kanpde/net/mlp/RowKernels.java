package org.kanpde.net.mlp;

/**
 * The inner loops of {@link MlpBlockEvaluator}: scaled rows added to a row, written so that the JIT
 * vectorizes them (separate arrays, indices from 0, no aliasing through offsets).
 */
final class RowKernels {
    private RowKernels() {
    }

    /**
     * {@code out[t] += w0 a0[t] + w1 a1[t] + w2 a2[t] + w3 a3[t]} for t &lt; n, added left to right
     * exactly as four single {@link #addScaled(double[], double[], double, int)} calls would.
     */
    static void addScaled(double[] out, double[] a0, double[] a1, double[] a2, double[] a3,
                          double w0, double w1, double w2, double w3, int n) {
        for (int t = 0; t < n; t++) {
            out[t] = out[t] + w0 * a0[t] + w1 * a1[t] + w2 * a2[t] + w3 * a3[t];
        }
    }

    /** {@code out[t] += w a[t]} for t &lt; n. */
    static void addScaled(double[] out, double[] a, double w, int n) {
        for (int t = 0; t < n; t++) {
            out[t] += w * a[t];
        }
    }
}
