package org.kanpde.solver.geometry;

/** Argument checks shared by the domains, with messages that name the bad value. */
final class Checks {

    private Checks() {
    }

    /** Requires a requested point count of at least 1. */
    static void requireCount(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("number of points n must be >= 1, got " + n);
        }
    }

    /** Requires {@code z} to have length d. */
    static void requirePoint(double[] z, int d) {
        if (z.length != d) {
            throw new IllegalArgumentException("point must have dimension " + d + ", got length " + z.length);
        }
    }

    /** Requires output arrays long enough for a gradient and a second-derivative block. */
    static void requireOutputs(double[] gradient, int gradientLength, double[] second, int secondLength) {
        if (gradient.length < gradientLength) {
            throw new IllegalArgumentException("gradient array needs length >= " + gradientLength
                    + ", got " + gradient.length);
        }
        if (second.length < secondLength) {
            throw new IllegalArgumentException("second-derivative array needs length >= " + secondLength
                    + ", got " + second.length);
        }
    }

    /** Requires a part index in {@code [0, count)}. */
    static void requirePart(int part, int count) {
        if (part < 0 || part >= count) {
            throw new IllegalArgumentException("boundary part must be in [0, " + count + "), got " + part);
        }
    }

    /** Requires a finite value, naming it in the message. */
    static double requireFinite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, got " + value);
        }
        return value;
    }

    /** A number for descriptions: integers without ".0", others as Java prints them. */
    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
