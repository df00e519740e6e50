package org.kanpde.solver.inverse;

import java.util.Locale;

/** The parts of -div(a grad u) + c u + n(u) = f that an inverse problem can identify. */
public enum Coefficient {
    /** The diffusion coefficient a (enters with its gradient). */
    DIFFUSION("a"),
    /** The reaction coefficient c. */
    REACTION("c"),
    /** The source f. */
    SOURCE("source");

    private final String key;

    Coefficient(String key) {
        this.key = key;
    }

    /** The name in problem files and reports: {@code a}, {@code c} or {@code source}. */
    public String key() {
        return key;
    }

    /**
     * The coefficient of a problem-file key ({@code a}, {@code c}, {@code source}; case ignored).
     *
     * @throws IllegalArgumentException naming the bad key and the choices
     */
    public static Coefficient of(String key) {
        for (Coefficient c : values()) {
            if (c.key.equals(key == null ? "" : key.trim().toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown coefficient '" + key + "', expected one of a, c, source");
    }
}
