package org.kanpde.net.linalg;

/**
 * Scaled rows added to a row: the inner loops of the dense kernels (the MLP's block evaluation,
 * the Cholesky factorization), written so that the JIT vectorizes them. Each row is an array of
 * its own indexed from 0: with offsets into one shared array the JIT has to assume that the
 * rows overlap, and the same loops ran about 2.5 times slower.
 */
public final class RowKernels {
    private RowKernels() {
    }

    /**
     * {@code out[t] += w0 a0[t] + w1 a1[t] + w2 a2[t] + w3 a3[t]} for t &lt; n, added left to right
     * exactly as four single {@link #addScaled(double[], double[], double, int)} calls would
     * (one load and store of {@code out} per four multiply-adds).
     *
     * @param out modified
     */
    public static void addScaled(double[] out, double[] a0, double[] a1, double[] a2, double[] a3,
                                 double w0, double w1, double w2, double w3, int n) {
        for (int t = 0; t < n; t++) {
            out[t] = out[t] + w0 * a0[t] + w1 * a1[t] + w2 * a2[t] + w3 * a3[t];
        }
    }

    /**
     * {@code out[t] += w a[t]} for t &lt; n.
     *
     * @param out modified
     */
    public static void addScaled(double[] out, double[] a, double w, int n) {
        for (int t = 0; t < n; t++) {
            out[t] += w * a[t];
        }
    }
}
