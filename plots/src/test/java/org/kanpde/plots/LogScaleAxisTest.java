package org.kanpde.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;

class LogScaleAxisTest {

    private static List<String> labels(double lower, double upper, double length, RectangleEdge edge) {
        LogScaleAxis axis = new LogScaleAxis("y");
        Theme.axis(axis);
        axis.setRange(lower, upper);
        BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            Rectangle2D area = RectangleEdge.isLeftOrRight(edge) ? new Rectangle2D.Double(0, 0, 100, length)
                    : new Rectangle2D.Double(0, 0, length, 100);
            List<String> out = new ArrayList<>();
            for (NumberTick tick : axis.refreshTicks(g, new AxisState(), area, edge)) {
                if (tick.getTickType() == TickType.MAJOR) {
                    out.add(tick.getText());
                }
            }
            return out;
        } finally {
            g.dispose();
        }
    }

    @Test
    void aNarrowRangeGetsLabelsWithinTheDecade() {
        assertEquals(List.of("50", "100", "200"), labels(30, 300, 300, RectangleEdge.LEFT));
    }

    @Test
    void aWideRangeGetsPowersOfTenAndThinsThemOut() {
        assertEquals(List.of("10⁻⁸", "10⁻⁶", "10⁻⁴", "10⁻²", "10⁰"), labels(1e-8, 1, 120, RectangleEdge.LEFT));
        List<String> dense = labels(1e-8, 1, 600, RectangleEdge.LEFT);
        assertEquals(9, dense.size(), dense.toString());
        assertEquals("10⁻⁸", dense.get(0));
    }

    @Test
    void sixteenDecadesGetEverySecondOneLabelledAndATickOnEach() {
        List<String> labels = labels(1e-13, 1e3, 700, RectangleEdge.LEFT);
        assertEquals(List.of("10⁻¹²", "10⁻¹⁰", "10⁻⁸", "10⁻⁶", "10⁻⁴", "10⁻²", "10⁰", "10²"), labels,
                "at most " + LogScaleAxis.MAX_DECADE_LABELS + " labels even where all 17 would fit");
        LogScaleAxis axis = new LogScaleAxis("y");
        Theme.axis(axis);
        axis.setRange(1e-13, 1e3);
        BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            long decades = axis.refreshTicks(g, new AxisState(), new Rectangle2D.Double(0, 0, 100, 700), RectangleEdge.LEFT)
                    .stream().filter(t -> Math.abs(Math.log10(t.getValue()) - Math.rint(Math.log10(t.getValue()))) < 1e-9)
                    .count();
            assertEquals(17, decades, "every decade keeps a tick");
        } finally {
            g.dispose();
        }
    }

    @Test
    void horizontalLabelsDoNotCollide() {
        List<String> labels = labels(90, 2500, 790, RectangleEdge.BOTTOM);
        assertTrue(labels.contains("100") && labels.contains("1000"), labels.toString());
        assertTrue(!labels.contains("90") && !labels.contains("900"), "crowded labels dropped: " + labels);
    }

    @Test
    void formatsLabels() {
        assertEquals("0.05", LogScaleAxis.label(5, -2, true));
        assertEquals("200", LogScaleAxis.label(2, 2, true));
        assertEquals("2×10⁻⁵", LogScaleAxis.label(2, -5, false));
        assertEquals("10¹²", LogScaleAxis.label(1, 12, false));
    }
}
