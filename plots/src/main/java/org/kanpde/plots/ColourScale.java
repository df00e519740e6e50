package org.kanpde.plots;

import java.awt.Color;
import java.awt.Paint;

import org.jfree.chart.renderer.PaintScale;

/**
 * Maps values in [lower, upper] to the colours of a {@link ColourMap} (values outside are clamped);
 * NaN, which marks points outside the domain, maps to fully transparent so the background shows.
 * Immutable.
 */
final class ColourScale implements PaintScale {
    private static final Color TRANSPARENT = new Color(0, 0, 0, 0);

    private final ColourMap map;
    private final double lower;
    private final double upper;

    /**
     * @throws IllegalArgumentException if the bounds are not finite or lower &gt;= upper
     */
    ColourScale(ColourMap map, double lower, double upper) {
        if (!Double.isFinite(lower) || !Double.isFinite(upper) || !(lower < upper)) {
            throw new IllegalArgumentException("colour scale needs finite bounds with lower < upper, got [" + lower + ", "
                    + upper + "]");
        }
        this.map = map;
        this.lower = lower;
        this.upper = upper;
    }

    /**
     * A scale over the finite values of {@code values}; a constant or empty field gets a small range
     * around its value so that the scale is still valid.
     */
    static ColourScale spanning(ColourMap map, double[]... values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] array : values) {
            for (double v : array) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > hi) {
            return new ColourScale(map, 0, 1);
        }
        if (!(hi - lo > 1e-12 * Math.max(1, Math.abs(lo)))) {
            double pad = Math.max(1e-12, 1e-6 * Math.abs(lo));
            return new ColourScale(map, lo - pad, hi + pad);
        }
        return new ColourScale(map, lo, hi);
    }

    /** The colour map. */
    ColourMap map() {
        return map;
    }

    @Override
    public double getLowerBound() {
        return lower;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    @Override
    public Paint getPaint(double value) {
        return Double.isNaN(value) ? TRANSPARENT : map.colour((value - lower) / (upper - lower));
    }

    /** ARGB of {@code value}: transparent for NaN, else opaque. */
    int argb(double value) {
        return Double.isNaN(value) ? 0 : 0xFF000000 | map.rgb((value - lower) / (upper - lower));
    }
}
