package org.kanpde.plots;

import java.awt.Color;

/**
 * Colour maps. The sequential ones rise monotonically in lightness from one end to the other, so a
 * heat map still reads correctly when printed in greyscale. The diverging one is lightest in the
 * middle: it shows the sign of a signed quantity in colour (blue below zero, red above), which
 * greyscale loses, so it is only used next to a sequential map of the magnitude. Colours between the
 * anchors are interpolated linearly in RGB.
 */
enum ColourMap {
    /** Dark blue through green to yellow (matplotlib's default), for values of u. */
    VIRIDIS(0x440154, 0x472D7B, 0x3B528B, 0x2C728E, 0x21918C, 0x28AE80, 0x5EC962, 0xADDC30, 0xFDE725),
    /** Black through red to pale yellow, for error magnitudes (bright = large). */
    INFERNO(0x000004, 0x1F0C48, 0x550F6D, 0x88226A, 0xBA3655, 0xE35933, 0xF98C0A, 0xF9C932, 0xFCFFA4),
    /** Blue through white to red (ColorBrewer RdBu, reversed), for signed errors centred on zero. */
    BLUE_RED(0x2166AC, 0x4393C3, 0x92C5DE, 0xD1E5F0, 0xF7F7F7, 0xFDDBC7, 0xF4A582, 0xD6604D, 0xB2182B);

    private static final int TABLE = 256;

    /** Whether lightness rises monotonically from one end to the other (true for all but the diverging map). */
    boolean sequential() {
        return this != BLUE_RED;
    }

    private final int[] table = new int[TABLE];

    ColourMap(int... anchors) {
        for (int t = 0; t < TABLE; t++) {
            double s = (double) t / (TABLE - 1) * (anchors.length - 1);
            int a = Math.min((int) Math.floor(s), anchors.length - 2);
            double f = s - a;
            table[t] = mix(anchors[a], anchors[a + 1], f);
        }
    }

    private static int mix(int c0, int c1, double f) {
        int rgb = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int v0 = (c0 >> shift) & 0xFF;
            int v1 = (c1 >> shift) & 0xFF;
            rgb |= ((int) Math.round(v0 + f * (v1 - v0))) << shift;
        }
        return rgb;
    }

    /**
     * The colour at position {@code t} of the map, clamped to [0, 1].
     *
     * @return an opaque RGB value 0xRRGGBB
     */
    int rgb(double t) {
        double clamped = Double.isNaN(t) ? 0 : Math.max(0, Math.min(1, t));
        return table[(int) Math.round(clamped * (TABLE - 1))];
    }

    /** The colour at position {@code t}, clamped to [0, 1]. */
    Color colour(double t) {
        return new Color(rgb(t));
    }
}
