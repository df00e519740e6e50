package org.kanpde.plots;

import java.awt.Color;
import java.awt.image.BufferedImage;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYDataImageAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * A heat map of cell values over a {@link PlaneGrid} with a colour bar. The cells are drawn as one
 * image (one pixel per cell, transparent outside the domain) stretched over the data area: that keeps
 * SVG files small (one embedded PNG instead of tens of thousands of rectangles) and leaves no
 * hairline gaps between cells in either format.
 */
final class HeatMap {
    private HeatMap() {
    }

    /**
     * The chart.
     *
     * @param title       chart title
     * @param grid        the grid
     * @param cells       nx * ny values (NaN outside the domain), in the colour scale's units
     * @param scale       colour scale
     * @param colourLabel label of the colour bar
     * @param logarithmic whether the values are base-10 exponents (the colour bar then reads 10^n)
     * @return the chart, themed
     */
    static JFreeChart chart(String title, PlaneGrid grid, double[] cells, ColourScale scale, String colourLabel,
                            boolean logarithmic) {
        return chart(title, grid, cells, scale, logarithmic ? Axes.exponent(colourLabel) : Axes.linear(colourLabel));
    }

    /**
     * The chart with a given colour-bar axis (its range is set to the scale's).
     *
     * @param title chart title
     * @param grid  the grid
     * @param cells nx * ny values (NaN outside the domain), in the colour scale's units
     * @param scale colour scale
     * @param bar   the colour bar's axis, e.g. a {@link DecadeBarAxis} for base-10 exponents; its label
     *              is usually null, since the panel title says what is shown
     * @return the chart, themed
     */
    static JFreeChart chart(String title, PlaneGrid grid, double[] cells, ColourScale scale, NumberAxis bar) {
        int nx = grid.nx();
        int ny = grid.ny();
        BufferedImage image = new BufferedImage(nx, ny, BufferedImage.TYPE_INT_ARGB);
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                // image rows run from the top, grid rows from the bottom
                image.setRGB(i, ny - 1 - j, scale.argb(cells[j * nx + i]));
            }
        }
        NumberAxis x = Axes.linear("x");
        x.setRange(grid.x0(), grid.x1());
        x.setLowerMargin(0);
        x.setUpperMargin(0);
        NumberAxis y = Axes.linear("y");
        y.setRange(grid.y0(), grid.y1());
        y.setLowerMargin(0);
        y.setUpperMargin(0);
        XYPlot plot = new XYPlot(null, x, y, null);
        plot.addAnnotation(new XYDataImageAnnotation(image, grid.x0(), grid.y0(), grid.x1() - grid.x0(),
                grid.y1() - grid.y0(), true));
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        // a map is read in detail, and at 80% zoom on a narrow page: one point above the theme's ticks
        java.awt.Font ticks = Theme.TICK_FONT.deriveFont(13f);
        JFreeChart chart = new JFreeChart(title, Theme.TITLE_FONT, plot, false);
        bar.setRange(scale.getLowerBound(), scale.getUpperBound());
        bar.setLowerMargin(0);
        bar.setUpperMargin(0);
        PaintScaleLegend legend = new PaintScaleLegend(scale, bar);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setAxisLocation(AxisLocation.TOP_OR_RIGHT);
        legend.setStripWidth(16);
        legend.setSubdivisionCount(256);
        legend.setStripOutlineVisible(true);
        legend.setStripOutlinePaint(Color.GRAY);
        // the bar sits beside the data area only: its bottom margin is about the height of the x axis
        legend.setMargin(new RectangleInsets(2, 12, 44, 0));
        legend.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(legend);
        Theme.apply(chart);
        chart.getTitle().setFont(Theme.SUBTITLE_FONT.deriveFont(java.awt.Font.BOLD, 15f));
        x.setTickLabelFont(ticks);
        y.setTickLabelFont(ticks);
        boolean minor = bar.isMinorTickMarksVisible();
        Theme.axis(bar);
        // the theme turns minor ticks off; a decade bar needs them to show the log scale
        bar.setMinorTickMarksVisible(minor);
        bar.setTickLabelInsets(new RectangleInsets(2, 4, 2, 4));
        bar.setTickLabelFont(ticks);
        // ticks long and dark enough to see beside the strip: the minor ones carry the log scale
        bar.setTickMarkPaint(Theme.INK);
        bar.setTickMarkStroke(new java.awt.BasicStroke(1f));
        bar.setTickMarkOutsideLength(5);
        bar.setMinorTickMarkOutsideLength(3);
        return chart;
    }
}
