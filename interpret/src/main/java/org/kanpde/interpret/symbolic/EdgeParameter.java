package org.kanpde.interpret.symbolic;

import java.util.EnumSet;
import java.util.Set;

/**
 * The constants of a {@link SymbolicKan} edge, for choosing which of them train. A constant that
 * does not train is part of the network's fixed structure and is not in
 * {@link SymbolicKan#parameters()}.
 */
public enum EdgeParameter {
    /** Spline coefficients c_m of a spline edge. */
    SPLINE_COEFFICIENTS,
    /** Base scale w_b (multiplies silu) of a spline edge. */
    BASE_SCALE,
    /** Spline scale w_s of a spline edge. */
    SPLINE_SCALE,
    /** Inner scale a of a symbolic edge c f(a x + b) + d (trains only where f's canonical form frees it). */
    INNER_SCALE,
    /** Inner shift b of a symbolic edge (trains only where f's canonical form frees it). */
    INNER_SHIFT,
    /** Outer scale c of a symbolic edge. */
    OUTER_SCALE,
    /** Outer shift d of a symbolic edge. */
    OUTER_SHIFT;

    /** Every constant. */
    public static Set<EdgeParameter> all() {
        return EnumSet.allOf(EdgeParameter.class);
    }

    /** The constants of spline edges. */
    public static Set<EdgeParameter> spline() {
        return EnumSet.of(SPLINE_COEFFICIENTS, BASE_SCALE, SPLINE_SCALE);
    }

    /** The constants of symbolic edges. */
    public static Set<EdgeParameter> symbolic() {
        return EnumSet.of(INNER_SCALE, INNER_SHIFT, OUTER_SCALE, OUTER_SHIFT);
    }

    /**
     * The spline coefficients and every symbolic constant: what the KAN trainer trains by default
     * (w_b and w_s frozen, which made Levenberg-Marquardt converge about ten times faster) plus
     * everything a snapped edge needs. Use {@code net.withTrainable(EdgeParameter.recommended())}
     * before training a network made by {@link SymbolicKan#of(org.kanpde.net.kan.Kan)}.
     */
    public static Set<EdgeParameter> recommended() {
        return EnumSet.of(SPLINE_COEFFICIENTS, INNER_SCALE, INNER_SHIFT, OUTER_SCALE, OUTER_SHIFT);
    }

    /** The outer affine constants c and d of symbolic edges only. */
    public static Set<EdgeParameter> outer() {
        return EnumSet.of(OUTER_SCALE, OUTER_SHIFT);
    }
}
