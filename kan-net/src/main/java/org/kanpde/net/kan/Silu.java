package org.kanpde.net.kan;

/** The residual base function b(x) = x * sigmoid(x) of a KAN edge and its derivatives. */
public final class Silu {
    private Silu() {
    }

    /**
     * Writes b, b', b'', b''' at x into {@code out[offset .. offset+3]}.
     *
     * <p>With s = sigmoid(x) and s' = s(1-s): b = x s, b' = s + x s', b'' = 2 s' + x s'',
     * b''' = 3 s'' + x s''', where s'' = s'(1-2s) and s''' = s'((1-2s)^2 - 2 s').
     */
    public static void derivatives(double x, double[] out, int offset) {
        double s;
        if (x >= 0) {
            s = 1.0 / (1.0 + Math.exp(-x));
        } else {
            double e = Math.exp(x);
            s = e / (1.0 + e);
        }
        double s1 = s * (1.0 - s);
        double u = 1.0 - 2.0 * s;
        double s2 = s1 * u;
        double s3 = s1 * (u * u - 2.0 * s1);
        out[offset] = x * s;
        out[offset + 1] = s + x * s1;
        out[offset + 2] = 2.0 * s1 + x * s2;
        out[offset + 3] = 3.0 * s2 + x * s3;
    }
}
