package org.kanpde.plots;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.ui.Drawable;
import org.jfree.chart.ui.RectangleInsets;

/**
 * Draws a chart so that its data area has a given height/width ratio, e.g. 1 for a map of a square,
 * so that a disk looks round. JFreeChart has no such option; this measures the data area in dry runs
 * on a scratch image and pads the chart to shrink the longer side. Not thread-safe: the chart's
 * padding is changed during drawing and restored after.
 */
final class AspectLockedChart implements Drawable {
    private final JFreeChart chart;
    private final double aspect;

    /**
     * @param chart  the chart
     * @param aspect wanted data-area height divided by width, &gt; 0
     */
    AspectLockedChart(JFreeChart chart, double aspect) {
        if (!(aspect > 0) || !Double.isFinite(aspect)) {
            throw new IllegalArgumentException("aspect ratio must be finite and > 0, got " + aspect);
        }
        this.chart = chart;
        this.aspect = aspect;
    }

    /** The chart drawn. */
    JFreeChart chart() {
        return chart;
    }

    @Override
    public void draw(Graphics2D g, Rectangle2D area) {
        RectangleInsets original = chart.getPadding();
        try {
            chart.setPadding(padding(area));
            chart.draw(g, area);
        } finally {
            chart.setPadding(original);
        }
    }

    /**
     * The chart padding that gives the wanted aspect ratio in {@code area}. A few corrections follow
     * the first guess, because padding moves the axes and the colour bar, whose labels can then take
     * a few pixels more or less.
     */
    RectangleInsets padding(Rectangle2D area) {
        RectangleInsets original = chart.getPadding();
        double extraVertical = 0;
        double extraHorizontal = 0;
        Boolean vertical = null;
        try {
            for (int attempt = 0; attempt < 4; attempt++) {
                chart.setPadding(padded(original, extraVertical, extraHorizontal));
                Rectangle2D data = measure(area);
                if (data == null || data.getWidth() <= 1 || data.getHeight() <= 1) {
                    break;
                }
                double tooTall = data.getHeight() - data.getWidth() * aspect;
                if (Math.abs(tooTall) < 1) {
                    break;
                }
                if (vertical == null) {
                    vertical = tooTall > 0;
                }
                if (vertical) {
                    extraVertical = Math.max(0, extraVertical + tooTall / 2);
                } else {
                    extraHorizontal = Math.max(0, extraHorizontal + (data.getWidth() - data.getHeight() / aspect) / 2);
                }
            }
            return padded(original, extraVertical, extraHorizontal);
        } finally {
            chart.setPadding(original);
        }
    }

    private static RectangleInsets padded(RectangleInsets p, double vertical, double horizontal) {
        return new RectangleInsets(p.getTop() + vertical, p.getLeft() + horizontal, p.getBottom() + vertical,
                p.getRight() + horizontal);
    }

    /** The data area the chart would get in {@code area}, from a dry run on a scratch image. */
    Rectangle2D measure(Rectangle2D area) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = scratch.createGraphics();
        try {
            ChartRenderingInfo info = new ChartRenderingInfo();
            chart.draw(g, area, info);
            return info.getPlotInfo().getDataArea();
        } finally {
            g.dispose();
        }
    }
}
