package org.kanpde.net.basis;

/** Small checks shared by the bases. */
final class Ranges {
    private Ranges() {
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
