package org.kanpde.interpret.symbolic;

/** What an edge of a {@link SymbolicKan} computes. */
public enum EdgeKind {
    /**
     * A KAN edge w_b silu(x) + w_s sum_m c_m B_m(x) as in {@link org.kanpde.net.kan.Kan}, with the
     * network's edge basis (B-splines by default; named "spline" edges throughout).
     */
    SPLINE,
    /** A fixed formula c f(a x + b) + d with f from {@link SymbolicFunction}. */
    SYMBOLIC,
    /** A removed (masked) edge: exactly 0, with no parameters. */
    ZERO
}
