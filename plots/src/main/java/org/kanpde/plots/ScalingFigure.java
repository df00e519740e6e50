package org.kanpde.plots;

import java.awt.BasicStroke;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Error against number of parameters on log-log axes, one series per model family, each with its
 * least-squares slope: the measured points are joined by the series' line, and the fitted power law
 * is drawn as a thin line of the same colour over the series' parameter range. The legend gives the
 * slope, e.g. "KAN, slope -3.9" (a series with a single size has no slope).
 */
public final class ScalingFigure {
    /** Default figure size. */
    public static final int WIDTH = 900;
    /** Default figure size. */
    public static final int HEIGHT = 680;

    private final List<ScalingSeries> series;
    private final String title;
    private final String errorLabel;

    private ScalingFigure(List<ScalingSeries> series, String title, String errorLabel) {
        this.series = series;
        this.title = title;
        this.errorLabel = errorLabel;
    }

    /**
     * A scaling figure of the relative L2 error.
     *
     * @throws IllegalArgumentException if there is no series
     */
    public static ScalingFigure of(List<ScalingSeries> series) {
        if (series == null || series.isEmpty()) {
            throw new IllegalArgumentException("a scaling figure needs at least one series, got " + series);
        }
        return new ScalingFigure(List.copyOf(series), "Error against number of parameters", "relative L2 error");
    }

    /** The same figure with another title. */
    public ScalingFigure withTitle(String newTitle) {
        if (newTitle == null || newTitle.isBlank()) {
            throw new IllegalArgumentException("title must not be blank, got '" + newTitle + "'");
        }
        return new ScalingFigure(series, newTitle, errorLabel);
    }

    /** The same figure with another y-axis label, e.g. "relative H1 error". */
    public ScalingFigure withErrorLabel(String label) {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("error label must not be blank, got '" + label + "'");
        }
        return new ScalingFigure(series, title, label);
    }

    /** The legend text of one series: its label and, with two or more sizes, its fitted slope. */
    static String legendLabel(ScalingSeries s) {
        double slope = s.slope();
        return Double.isNaN(slope) ? s.label() : String.format(Locale.ROOT, "%s, slope %.1f", s.label(), slope);
    }

    /** The chart. */
    public JFreeChart chart() {
        XYSeriesCollection points = new XYSeriesCollection();
        XYSeriesCollection fits = new XYSeriesCollection();
        XYLineAndShapeRenderer pointRenderer = Theme.renderer(true, true);
        XYLineAndShapeRenderer fitRenderer = Theme.renderer(true, false);
        LegendItemCollection legend = new LegendItemCollection();
        for (int s = 0; s < series.size(); s++) {
            ScalingSeries data = series.get(s);
            XYSeries xy = new XYSeries(s + ":" + data.label(), true, true);
            double[] p = data.parameters();
            double[] e = data.errors();
            double lo = Double.POSITIVE_INFINITY;
            double hi = 0;
            for (int t = 0; t < p.length; t++) {
                xy.add(p[t], e[t]);
                lo = Math.min(lo, p[t]);
                hi = Math.max(hi, p[t]);
            }
            points.addSeries(xy);
            pointRenderer.setSeriesPaint(s, Theme.colour(s));
            pointRenderer.setSeriesStroke(s, Theme.stroke(s, 1.5f));
            pointRenderer.setSeriesShape(s, Theme.shape(s, 10));
            XYSeries fit = new XYSeries(s + ":fit", true, true);
            double[] line = data.fit();
            if (line != null) {
                for (double x : new double[] {lo, hi}) {
                    fit.add(x, Math.pow(10, line[1] + line[0] * Math.log10(x)));
                }
            }
            fits.addSeries(fit);
            fitRenderer.setSeriesPaint(s, Theme.colour(s));
            fitRenderer.setSeriesStroke(s, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                    new float[] {1.5f, 2.5f}, 0f));
            legend.add(new LegendItem(legendLabel(data), null, null, null, true, Theme.shape(s, 10), true, Theme.colour(s),
                    false, Theme.colour(s), new BasicStroke(1f), true, new java.awt.geom.Line2D.Double(-16, 0, 16, 0),
                    Theme.stroke(s, 1.5f), Theme.colour(s)));
        }
        LogAxis x = Axes.log("number of parameters");
        LogAxis y = Axes.log(errorLabel);
        XYPlot plot = new XYPlot(points, x, y, pointRenderer);
        plot.setDataset(1, fits);
        plot.setRenderer(1, fitRenderer);
        plot.setFixedLegendItems(legend);
        JFreeChart chart = new JFreeChart(title, Theme.TITLE_FONT, plot, true);
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        return Theme.apply(chart);
    }

    /** The chart as a figure. */
    public Figure figure(int width, int height) {
        return Figure.of(chart(), width, height);
    }

    /**
     * Writes {@code baseName.png} and {@code baseName.svg}.
     *
     * @throws IllegalArgumentException if the directory is an existing file, the name is bad or a
     *                                  size is out of range
     * @throws IOException              if writing fails
     */
    public FigureFiles write(Path directory, String baseName, int width, int height) throws IOException {
        return figure(width, height).write(directory, baseName);
    }
}
