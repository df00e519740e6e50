package org.kanpde.plots;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.ui.Drawable;
import org.jfree.chart.ui.RectangleInsets;

/**
 * Draws a chart so that its data area has a given height/width ratio, e.g. 1 for a map of a square,
 * so that a disk looks round. JFreeChart has no such option; this measures the data area in dry runs
 * on a scratch image and pads the chart to shrink the longer side. Charts {@link #align aligned}
 * together all get the same data-area size, so that a grid of maps lines up although their colour
 * bars differ in width. Not thread-safe: the chart's padding is changed during drawing and restored
 * after.
 */
final class AspectLockedChart implements Drawable {
    private final JFreeChart chart;
    private final double aspect;
    /** The charts drawn with one common data-area size (this one included), or just this one. */
    private List<AspectLockedChart> group = List.of(this);
    /** The common data-area size last computed for the group, and the panel size it was computed for. */
    private double[] sharedFor;
    private double[] shared;

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

    /**
     * Makes charts draw with one data-area size, the largest that every one of them can get with its
     * aspect ratio in panels of equal size, so that the maps of a grid line up in rows and columns
     * even when their colour bars take different widths. The charts must have the same aspect ratio
     * and be drawn in panels of the same size.
     *
     * @throws IllegalArgumentException if the aspect ratios differ
     */
    static void align(List<AspectLockedChart> charts) {
        for (AspectLockedChart c : charts) {
            if (Math.abs(c.aspect - charts.get(0).aspect) > 1e-12 * charts.get(0).aspect) {
                throw new IllegalArgumentException("aligned charts need one aspect ratio, got " + charts.get(0).aspect
                        + " and " + c.aspect);
            }
        }
        List<AspectLockedChart> members = List.copyOf(charts);
        for (AspectLockedChart c : members) {
            c.group = members;
            c.sharedFor = null;
        }
    }

    /** The chart drawn. */
    JFreeChart chart() {
        return chart;
    }

    @Override
    public void draw(Graphics2D g, Rectangle2D area) {
        RectangleInsets original = chart.getPadding();
        try {
            chart.setPadding(drawingPadding(area));
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

    /**
     * The data area the chart gets when drawn in {@code area}: with its own aspect-locked padding, or
     * with the group's common size after {@link #align}.
     */
    Rectangle2D dataAreaIn(Rectangle2D area) {
        RectangleInsets original = chart.getPadding();
        try {
            chart.setPadding(drawingPadding(area));
            return measure(area);
        } finally {
            chart.setPadding(original);
        }
    }

    private RectangleInsets drawingPadding(Rectangle2D area) {
        if (group.size() == 1) {
            return padding(area);
        }
        double[] size = sharedSize(area);
        return padding(area, size[0], size[1], size[2]);
    }

    /**
     * The group's common data-area size in a panel of {@code area}'s size and the extra left padding
     * they all get, computed once per panel size: {width, height, left}. A common left padding puts
     * the maps of a column at one x; what else a chart has to spare (a narrower colour-bar label)
     * goes to its right.
     */
    private double[] sharedSize(Rectangle2D area) {
        double[] key = {area.getWidth(), area.getHeight()};
        if (sharedFor != null && java.util.Arrays.equals(sharedFor, key)) {
            return shared;
        }
        double width = Double.POSITIVE_INFINITY;
        double[] natural = new double[group.size()];
        for (int c = 0; c < group.size(); c++) {
            AspectLockedChart member = group.get(c);
            Rectangle2D free = member.measure(area);
            natural[c] = free == null ? 0 : free.getWidth();
            RectangleInsets original = member.chart.getPadding();
            try {
                member.chart.setPadding(member.padding(area));
                Rectangle2D data = member.measure(area);
                if (data != null) {
                    width = Math.min(width, Math.min(data.getWidth(), data.getHeight() / aspect));
                }
            } finally {
                member.chart.setPadding(original);
            }
        }
        if (!Double.isFinite(width)) {
            width = 1;
        }
        double left = Double.POSITIVE_INFINITY;
        for (double n : natural) {
            left = Math.min(left, Math.max(0, n - width) / 2);
        }
        double[] size = {width, width * aspect, left};
        for (AspectLockedChart member : group) {
            member.sharedFor = key;
            member.shared = size;
        }
        return size;
    }

    /**
     * The chart padding that gives a data area of {@code width} x {@code height} in {@code area}, with
     * {@code left} extra pixels on the left and the rest of the horizontal slack on the right (as near
     * as a few corrections get; never less padding than the chart's own).
     */
    RectangleInsets padding(Rectangle2D area, double width, double height, double left) {
        RectangleInsets original = chart.getPadding();
        double extraVertical = 0;
        double extraRight = 0;
        try {
            for (int attempt = 0; attempt < 5; attempt++) {
                chart.setPadding(new RectangleInsets(original.getTop() + extraVertical, original.getLeft() + left,
                        original.getBottom() + extraVertical, original.getRight() + extraRight));
                Rectangle2D data = measure(area);
                if (data == null || data.getWidth() <= 1 || data.getHeight() <= 1) {
                    break;
                }
                double wide = data.getWidth() - width;
                double tall = data.getHeight() - height;
                if (Math.abs(wide) < 0.5 && Math.abs(tall) < 0.5) {
                    break;
                }
                extraRight = Math.max(0, extraRight + wide);
                extraVertical = Math.max(0, extraVertical + tall / 2);
            }
            return new RectangleInsets(original.getTop() + extraVertical, original.getLeft() + left,
                    original.getBottom() + extraVertical, original.getRight() + extraRight);
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
