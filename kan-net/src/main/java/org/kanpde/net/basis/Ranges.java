package org.kanpde.net.basis;

/** Small checks shared by the bases. */
final class Ranges {
    private Ranges() {
    }

    /** Largest array length the JVM allocates (a few header words below Integer.MAX_VALUE). */
    static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    /**
     * Checks that a basis of {@code size} functions (computed in long) fits one array, so that
     * sizes such as 2n + 1 cannot overflow int.
     */
    static void checkSize(String what, String parameter, int value, long size) {
        if (size > MAX_ARRAY) {
            throw new IllegalArgumentException(what + " " + parameter + " " + value + " gives " + size
                    + " functions, more than one array holds (" + MAX_ARRAY + ")");
        }
    }

    /** Whether sample values spanning [lo, hi] are too close to constant to lay a basis on. */
    static boolean nearlyConstant(double lo, double hi) {
        return !(hi - lo > 1e-12 * Math.max(1.0, Math.abs(lo) + Math.abs(hi)));
    }

    /** Checks a basis range, naming the basis and the values. */
    static void check(String what, double lower, double upper) {
        if (!(Double.isFinite(lower) && Double.isFinite(upper) && lower < upper)) {
            throw new IllegalArgumentException(what + " range must be finite with lower < upper, got [" + lower + ", "
                    + upper + "]");
        }
    }
}
