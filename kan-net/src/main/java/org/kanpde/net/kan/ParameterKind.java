package org.kanpde.net.kan;

/** The three kinds of KAN parameters, for choosing which of them train. */
public enum ParameterKind {
    /** Basis coefficients c_jim (spline coefficients for B-spline edges, whatever the edge basis). */
    SPLINE_COEFFICIENTS,
    /** Base scales w_b multiplying silu. */
    BASE_SCALES,
    /** Spline scales w_s multiplying the spline. */
    SPLINE_SCALES
}
