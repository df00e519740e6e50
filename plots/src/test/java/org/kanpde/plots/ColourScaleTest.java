package org.kanpde.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;

import org.junit.jupiter.api.Test;

class ColourScaleTest {

    @Test
    void nanIsTransparentAndValuesAreClamped() {
        ColourScale scale = new ColourScale(ColourMap.VIRIDIS, -1, 1);
        assertEquals(0, ((Color) scale.getPaint(Double.NaN)).getAlpha());
        assertEquals(0, scale.argb(Double.NaN));
        assertEquals(scale.getPaint(-1), scale.getPaint(-5));
        assertEquals(scale.getPaint(1), scale.getPaint(1e300));
        assertEquals(0xFF, scale.argb(0.3) >>> 24);
    }

    @Test
    void lightnessRisesMonotonicallySoMapsSurviveGreyscale() {
        for (ColourMap map : ColourMap.values()) {
            double previous = -1;
            for (int t = 0; t <= 100; t++) {
                double l = Images.luminance(map.rgb(t / 100.0));
                assertTrue(l >= previous - 1.0, map + " darkens at " + t + "%: " + previous + " -> " + l);
                previous = l;
            }
            assertTrue(Images.luminance(map.rgb(1)) - Images.luminance(map.rgb(0)) > 150, map + " spans dark to light");
        }
    }

    @Test
    void spanningCoversTheFiniteValuesOfAllFields() {
        ColourScale scale = ColourScale.spanning(ColourMap.VIRIDIS, new double[] {1, Double.NaN, 3},
                new double[] {-2, Double.POSITIVE_INFINITY});
        assertEquals(-2, scale.getLowerBound());
        assertEquals(3, scale.getUpperBound());
        ColourScale constant = ColourScale.spanning(ColourMap.VIRIDIS, new double[] {5, 5});
        assertTrue(constant.getLowerBound() < 5 && constant.getUpperBound() > 5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ColourScale(ColourMap.INFERNO, 2, 1));
        assertTrue(e.getMessage().contains("[2.0, 1.0]"), e.getMessage());
    }
}
