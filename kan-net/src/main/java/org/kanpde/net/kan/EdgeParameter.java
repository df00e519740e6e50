package org.kanpde.net.kan;

import java.util.EnumSet;
import java.util.Set;

/**
 * The constants of a KAN edge, for choosing which of them train ({@link Kan#parameterIndices}, and
 * the symbolic networks of the interpret module). A spline edge w_b silu(x) + w_s sum_m c_m B_m(x)
 * has the first three, whatever its basis; the last four exist only on symbolic edges
 * c f(a x + b) + d, which a {@link Kan} never has. One enum for both, so that a trainer's choice
 * "only the spline coefficients" means the same on a KAN and on a partly symbolic network.
 */
public enum EdgeParameter {
    /** Basis coefficients c_m of a spline edge (B-spline coefficients, or those of any other edge basis). */
    SPLINE_COEFFICIENTS,
    /** Base scale w_b (multiplies silu) of a spline edge. */
    BASE_SCALE,
    /** Spline scale w_s (multiplies the basis combination) of a spline edge. */
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

    /** The constants of spline edges: all that a {@link Kan} has. */
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
     * everything a snapped edge needs; the set to give a symbolic network made from a KAN before
     * training it.
     */
    public static Set<EdgeParameter> recommended() {
        return EnumSet.of(SPLINE_COEFFICIENTS, INNER_SCALE, INNER_SHIFT, OUTER_SCALE, OUTER_SHIFT);
    }

    /** The outer affine constants c and d of symbolic edges only. */
    public static Set<EdgeParameter> outer() {
        return EnumSet.of(OUTER_SCALE, OUTER_SHIFT);
    }
}
