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
            if (!map.sequential()) {
                continue;
            }
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
    void theDivergingMapIsLightestAtZeroAndDarkAtBothEnds() {
        assertTrue(ColourMap.VIRIDIS.sequential() && ColourMap.INFERNO.sequential() && !ColourMap.BLUE_RED.sequential());
        ColourMap map = ColourMap.BLUE_RED;
        double previous = -1;
        for (int t = 0; t <= 50; t++) {
            double l = Images.luminance(map.rgb(t / 100.0));
            assertTrue(l >= previous - 1.0, "lightness rises towards the centre, at " + t + "%: " + previous + " -> " + l);
            previous = l;
        }
        for (int t = 51; t <= 100; t++) {
            double l = Images.luminance(map.rgb(t / 100.0));
            assertTrue(l <= previous + 1.0, "and falls after it, at " + t + "%: " + previous + " -> " + l);
            previous = l;
        }
        assertTrue(Images.luminance(map.rgb(0.5)) > 240, "zero reads as (nearly) white");
        for (double end : new double[] {0, 1}) {
            assertTrue(Images.luminance(map.rgb(0.5)) - Images.luminance(map.rgb(end)) > 120,
                    "large errors of either sign stand out in greyscale too, at " + end);
        }
        int low = map.rgb(0);
        int high = map.rgb(1);
        assertTrue((low & 0xFF) > (low >> 16 & 0xFF) && (high >> 16 & 0xFF) > (high & 0xFF), "blue below zero, red above");
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
