package org.kanpde.plots;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The look shared by every KAN-PDE figure: white background, fonts sized to be read at 100% zoom on
 * a figure of about 1000 pixels, light grid lines, and series styles that stay apart in greyscale
 * because each differs in colour, dash pattern and marker shape at once.
 *
 * <p>The colours are the Okabe-Ito palette (distinguishable with the common colour-vision
 * deficiencies), without its yellow, which is too light on white. All constants are immutable;
 * shapes are created anew on every call because {@link Shape}s are mutable.
 */
public final class Theme {
    /** Font family of all text; the logical family maps to DejaVu Sans or similar on headless Linux. */
    public static final String FONT_FAMILY = Font.SANS_SERIF;
    /** Chart titles. */
    public static final Font TITLE_FONT = new Font(FONT_FAMILY, Font.BOLD, 18);
    /** Subtitles and panel titles of multi-panel figures. */
    public static final Font SUBTITLE_FONT = new Font(FONT_FAMILY, Font.PLAIN, 14);
    /** Axis labels. */
    public static final Font LABEL_FONT = new Font(FONT_FAMILY, Font.PLAIN, 14);
    /** Tick labels. */
    public static final Font TICK_FONT = new Font(FONT_FAMILY, Font.PLAIN, 12);
    /** Legend entries. */
    public static final Font LEGEND_FONT = new Font(FONT_FAMILY, Font.PLAIN, 13);
    /** Grid lines: light enough not to compete with data lines. */
    public static final Color GRID = new Color(0xDDDDDD);
    /** Plot outlines and text. */
    public static final Color INK = new Color(0x222222);

    private static final List<Color> COLOURS = List.of(
            new Color(0x0072B2), // blue
            new Color(0xD55E00), // vermillion
            new Color(0x009E73), // bluish green
            new Color(0xCC79A7), // reddish purple
            new Color(0xE69F00), // orange
            new Color(0x56B4E9), // sky blue
            new Color(0x000000));

    private static final List<float[]> DASHES = List.of(
            new float[0],                      // solid
            new float[] {9f, 5f},              // dashed
            new float[] {2f, 4f},              // dotted
            new float[] {10f, 4f, 2f, 4f},     // dash-dot
            new float[] {16f, 6f},             // long dash
            new float[] {6f, 3f, 2f, 3f, 2f, 3f});

    private static final int SHAPES = 6;

    private Theme() {
    }

    /** Colour of series {@code index} (cycles through the palette). */
    public static Color colour(int index) {
        return COLOURS.get(Math.floorMod(index, COLOURS.size()));
    }

    /** Line stroke of series {@code index}: width {@code width}, dash pattern cycling independently of colour. */
    public static BasicStroke stroke(int index, float width) {
        float[] dash = DASHES.get(Math.floorMod(index, DASHES.size()));
        if (dash.length == 0) {
            return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        }
        // the pattern scales with the width so that thick dashed lines still look dashed
        float[] scaled = new float[dash.length];
        float factor = Math.max(1f, width / 1.5f);
        for (int t = 0; t < dash.length; t++) {
            scaled[t] = dash[t] * factor;
        }
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, scaled, 0f);
    }

    /** The standard data-line stroke of series {@code index} (2 pixels wide). */
    public static BasicStroke stroke(int index) {
        return stroke(index, 2f);
    }

    /**
     * Marker of series {@code index}: circle, square, up triangle, diamond, down triangle, cross,
     * centred on the origin, about {@code size} pixels across. A new shape on every call.
     */
    public static Shape shape(int index, double size) {
        double h = size / 2;
        switch (Math.floorMod(index, SHAPES)) {
            case 0:
                return new Ellipse2D.Double(-h, -h, size, size);
            case 1:
                return new Rectangle2D.Double(-h * 0.9, -h * 0.9, size * 0.9, size * 0.9);
            case 2:
                return polygon(0, -h * 1.1, h * 1.1, h * 0.9, -h * 1.1, h * 0.9);
            case 3:
                return polygon(0, -h * 1.2, h * 1.2, 0, 0, h * 1.2, -h * 1.2, 0);
            case 4:
                return polygon(0, h * 1.1, h * 1.1, -h * 0.9, -h * 1.1, -h * 0.9);
            default:
                double t = h * 0.35;
                return polygon(-t, -h, t, -h, t, -t, h, -t, h, t, t, t, t, h, -t, h, -t, t, -h, t, -h, -t, -t, -t);
        }
    }

    /** The standard marker of series {@code index} (8 pixels). */
    public static Shape shape(int index) {
        return shape(index, 8);
    }

    private static Shape polygon(double... xy) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xy[0], xy[1]);
        for (int t = 2; t < xy.length; t += 2) {
            p.lineTo(xy[t], xy[t + 1]);
        }
        p.closePath();
        return p;
    }

    /**
     * Applies the theme to a chart: white background, fonts, grid lines, legend at the bottom without
     * a frame. Works on XY plots and on combined XY plots (each subplot is styled).
     *
     * @param chart the chart (modified)
     * @return the chart
     */
    public static JFreeChart apply(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(6, 6, 6, 10));
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setFont(TITLE_FONT);
            title.setPaint(INK);
            title.setMargin(new RectangleInsets(2, 0, 8, 0));
        }
        for (int t = 0; t < chart.getSubtitleCount(); t++) {
            Title sub = chart.getSubtitle(t);
            if (sub instanceof LegendTitle) {
                LegendTitle legend = (LegendTitle) sub;
                legend.setItemFont(LEGEND_FONT);
                legend.setItemPaint(INK);
                legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
                legend.setBackgroundPaint(Color.WHITE);
                legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 14));
            } else if (sub instanceof TextTitle) {
                ((TextTitle) sub).setFont(SUBTITLE_FONT);
                ((TextTitle) sub).setPaint(INK);
            }
        }
        style(chart.getPlot());
        return chart;
    }

    private static void style(Plot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Color.GRAY);
        if (plot instanceof CombinedDomainXYPlot) {
            CombinedDomainXYPlot combined = (CombinedDomainXYPlot) plot;
            axis(combined.getDomainAxis());
            for (XYPlot sub : combined.getSubplots()) {
                style(sub);
            }
        } else if (plot instanceof XYPlot) {
            XYPlot xy = (XYPlot) plot;
            xy.setDomainGridlinePaint(GRID);
            xy.setRangeGridlinePaint(GRID);
            xy.setDomainGridlineStroke(new BasicStroke(1f));
            xy.setRangeGridlineStroke(new BasicStroke(1f));
            xy.setAxisOffset(RectangleInsets.ZERO_INSETS);
            for (int a = 0; a < xy.getDomainAxisCount(); a++) {
                axis(xy.getDomainAxis(a));
            }
            for (int a = 0; a < xy.getRangeAxisCount(); a++) {
                axis(xy.getRangeAxis(a));
            }
        }
    }

    /** Fonts and colours of one axis. */
    static void axis(Axis axis) {
        if (axis == null) {
            return;
        }
        axis.setLabelFont(LABEL_FONT);
        axis.setLabelPaint(INK);
        axis.setTickLabelFont(TICK_FONT);
        axis.setTickLabelPaint(INK);
        axis.setAxisLinePaint(Color.GRAY);
        axis.setTickMarkPaint(Color.GRAY);
        // wider label insets make JFreeChart's automatic tick selection leave air between labels
        axis.setTickLabelInsets(new RectangleInsets(3, 10, 3, 10));
        if (axis instanceof ValueAxis) {
            ((ValueAxis) axis).setMinorTickMarksVisible(false);
        }
    }

    /**
     * A line-and-shape renderer that draws each series as one path, so that a dash pattern runs along
     * the whole curve; drawn segment by segment (JFreeChart's default) every short segment restarts the
     * pattern and a densely sampled dashed curve looks solid.
     */
    static XYLineAndShapeRenderer renderer(boolean lines, boolean shapes) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(lines, shapes);
        renderer.setDrawSeriesLineAsPath(true);
        return renderer;
    }
}
