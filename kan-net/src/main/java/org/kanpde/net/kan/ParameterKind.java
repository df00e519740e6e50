package org.kanpde.net.kan;

/** The three kinds of KAN parameters, for choosing which of them train. */
public enum ParameterKind {
    /** Spline coefficients c_jim. */
    SPLINE_COEFFICIENTS,
    /** Base scales w_b multiplying silu. */
    BASE_SCALES,
    /** Spline scales w_s multiplying the spline. */
    SPLINE_SCALES
}
