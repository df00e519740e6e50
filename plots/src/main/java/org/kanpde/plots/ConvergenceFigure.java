package org.kanpde.plots;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.kanpde.solver.train.HistoryEntry;

/**
 * Training convergence of several runs on the same axes: the loss (top panel) and the relative L2
 * error (bottom panel) on log scales, against iteration or against wall time. Each choice of x axis
 * is its own figure of two stacked panels sharing that axis, so that either fits one column of a
 * paper; {@link #write} writes both.
 *
 * <p>Each run has its own colour, dash pattern and marker (markers sit on about eight points of a
 * curve, not on every iteration). The legend gives each run's label and parameter count ("17→29
 * parameters" when grid extension grew the network). Grid extensions, found where the parameter
 * count changes between consecutive history entries, are marked by a vertical bar on the run's
 * curves at the last entry before the extension (at the height of the last drawable value, as the
 * error is not measured at every entry); other stage changes (same parameter count) by a ring.
 *
 * <p>The error panel is left out when no run measured the error (no exact solution). Points with a
 * non-finite or non-positive value cannot be shown on a log axis and are skipped. Immutable.
 */
public final class ConvergenceFigure {
    /** Default figure size. */
    public static final int WIDTH = 1000;
    /** Default figure size. */
    public static final int HEIGHT = 820;

    private static final int MARKERS_PER_CURVE = 8;

    /** The x axis of a convergence figure. */
    public enum Against {
        /** Iterations over all stages. */
        ITERATION("iteration", "iteration"),
        /** Wall time since training started. */
        WALL_TIME("wall time [s]", "wall time");

        private final String axisLabel;
        private final String words;

        Against(String axisLabel, String words) {
            this.axisLabel = axisLabel;
            this.words = words;
        }

        double x(HistoryEntry e) {
            return this == ITERATION ? e.iteration() : e.seconds();
        }
    }

    private final List<String> labels;
    private final List<List<HistoryEntry>> histories;
    private final String title;

    private ConvergenceFigure(List<String> labels, List<List<HistoryEntry>> histories, String title) {
        this.labels = labels;
        this.histories = histories;
        this.title = title;
    }

    /**
     * The convergence of labelled training runs.
     *
     * @throws IllegalArgumentException if the list is empty or a run has an empty history
     */
    public static ConvergenceFigure ofRuns(List<LabelledRun> runs) {
        if (runs == null || runs.isEmpty()) {
            throw new IllegalArgumentException("a convergence figure needs at least one run, got " + runs);
        }
        List<String> labels = new ArrayList<>();
        List<List<HistoryEntry>> histories = new ArrayList<>();
        for (LabelledRun run : runs) {
            labels.add(run.label());
            histories.add(run.result().history());
        }
        return ofHistories(labels, histories);
    }

    /**
     * The convergence of histories, one label per history.
     *
     * @throws IllegalArgumentException if there are no histories, the list sizes differ, a label is
     *                                  blank or a history is empty
     */
    public static ConvergenceFigure ofHistories(List<String> labels, List<List<HistoryEntry>> histories) {
        if (labels == null || histories == null || histories.isEmpty()) {
            throw new IllegalArgumentException("a convergence figure needs at least one history, got " + histories);
        }
        if (labels.size() != histories.size()) {
            throw new IllegalArgumentException("got " + labels.size() + " labels for " + histories.size()
                    + " histories; give one label per history");
        }
        for (int r = 0; r < labels.size(); r++) {
            String label = labels.get(r);
            if (label == null || label.isBlank()) {
                throw new IllegalArgumentException("label " + r + " must not be blank, got '" + label + "'");
            }
            if (histories.get(r) == null || histories.get(r).isEmpty()) {
                throw new IllegalArgumentException("history of run '" + label + "' is empty: nothing to plot");
            }
        }
        List<List<HistoryEntry>> copies = new ArrayList<>();
        for (List<HistoryEntry> h : histories) {
            copies.add(List.copyOf(h));
        }
        return new ConvergenceFigure(List.copyOf(labels), List.copyOf(copies), "Training convergence");
    }

    /** The same figure with another base title (the x axis is appended, e.g. "... against iteration"). */
    public ConvergenceFigure withTitle(String baseTitle) {
        if (baseTitle == null || baseTitle.isBlank()) {
            throw new IllegalArgumentException("title must not be blank, got '" + baseTitle + "'");
        }
        return new ConvergenceFigure(labels, histories, baseTitle);
    }

    /** Whether some run measured the relative L2 error (and so the error panel is drawn). */
    public boolean hasErrors() {
        for (List<HistoryEntry> h : histories) {
            for (HistoryEntry e : h) {
                if (plottable(e.relL2())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The legend text of run {@code r}: its label and parameter count. */
    String legendLabel(int r) {
        List<HistoryEntry> h = histories.get(r);
        int first = h.get(0).parameters();
        int last = h.get(h.size() - 1).parameters();
        String count = first == last ? first + " parameters" : first + "→" + last + " parameters";
        return labels.get(r) + " (" + count + ")";
    }

    /**
     * The chart: loss panel above, error panel below (if any error was measured), sharing the x axis.
     */
    public JFreeChart chart(Against against) {
        NumberAxis x = against == Against.ITERATION ? Axes.integer(against.axisLabel) : Axes.linear(against.axisLabel);
        x.setAutoRangeIncludesZero(true);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(x);
        plot.setGap(14);
        boolean extensions = false;
        boolean stageChanges = false;
        plot.add(panel(against, HistoryEntry::loss, "training loss"), 1);
        if (hasErrors()) {
            plot.add(panel(against, HistoryEntry::relL2, "relative L2 error"), 1);
        }
        for (List<HistoryEntry> h : histories) {
            for (int t = 0; t + 1 < h.size(); t++) {
                if (h.get(t + 1).parameters() != h.get(t).parameters()) {
                    extensions = true;
                } else if (h.get(t + 1).stage() != h.get(t).stage()) {
                    stageChanges = true;
                }
            }
        }
        plot.setFixedLegendItems(legend(extensions, stageChanges));
        JFreeChart chart = new JFreeChart(title + " against " + against.words, Theme.TITLE_FONT, plot, true);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        return Theme.apply(chart);
    }

    /** The chart as a figure of the given size. */
    public Figure figure(Against against, int width, int height) {
        return Figure.of(chart(against), width, height);
    }

    /**
     * Writes {@code baseName-iteration} and {@code baseName-time}, each as PNG and SVG.
     *
     * @return the two figures written
     * @throws IllegalArgumentException if the directory is an existing file, the name is bad or a
     *                                  size is out of range
     * @throws IOException              if writing fails
     */
    public List<FigureFiles> write(Path directory, String baseName, int width, int height) throws IOException {
        Figure.checkSize(width, height);
        AtomicFiles.baseName(baseName);
        return List.of(figure(Against.ITERATION, width, height).write(directory, baseName + "-iteration"),
                figure(Against.WALL_TIME, width, height).write(directory, baseName + "-time"));
    }

    private XYPlot panel(Against against, ToDoubleFunction<HistoryEntry> y, String yLabel) {
        XYSeriesCollection lines = new XYSeriesCollection();
        XYSeriesCollection markers = new XYSeriesCollection();
        XYSeriesCollection boundaries = new XYSeriesCollection();
        XYLineAndShapeRenderer lineRenderer = Theme.renderer(true, false);
        XYLineAndShapeRenderer markerRenderer = Theme.renderer(false, true);
        XYLineAndShapeRenderer boundaryRenderer = Theme.renderer(false, true);
        int boundarySeries = 0;
        for (int r = 0; r < histories.size(); r++) {
            List<HistoryEntry> h = histories.get(r);
            // XYSeries keys must be unique, labels need not be
            XYSeries line = new XYSeries(r + ":" + labels.get(r), false, true);
            for (HistoryEntry e : h) {
                double v = y.applyAsDouble(e);
                if (plottable(v)) {
                    line.add(against.x(e), v);
                }
            }
            lines.addSeries(line);
            lineRenderer.setSeriesPaint(r, Theme.colour(r));
            lineRenderer.setSeriesStroke(r, Theme.stroke(r));

            XYSeries marks = new XYSeries(r + ":markers", false, true);
            int n = line.getItemCount();
            for (int k = 0; k < Math.min(MARKERS_PER_CURVE, n); k++) {
                // runs start their markers at different offsets so that overlapping curves stay readable
                double fraction = (k + 0.5 + 0.37 * (r % 3) / 3.0) / Math.min(MARKERS_PER_CURVE, n);
                int t = Math.min(n - 1, (int) Math.floor(fraction * n));
                marks.add(line.getX(t), line.getY(t));
            }
            markers.addSeries(marks);
            markerRenderer.setSeriesPaint(r, Theme.colour(r));
            markerRenderer.setSeriesShape(r, Theme.shape(r));

            XYSeries extension = new XYSeries(r + ":extension", false, true);
            XYSeries stage = new XYSeries(r + ":stage", false, true);
            for (int t = 0; t + 1 < h.size(); t++) {
                HistoryEntry e = h.get(t);
                double v = valueNear(h, t, y);
                if (!plottable(v)) {
                    continue;
                }
                if (h.get(t + 1).parameters() != e.parameters()) {
                    extension.add(against.x(e), v);
                } else if (h.get(t + 1).stage() != e.stage()) {
                    stage.add(against.x(e), v);
                }
            }
            boundaries.addSeries(extension);
            boundaryRenderer.setSeriesPaint(boundarySeries, Theme.colour(r));
            boundaryRenderer.setSeriesShape(boundarySeries, extensionShape());
            boundaryRenderer.setSeriesShapesFilled(boundarySeries, true);
            boundarySeries++;
            boundaries.addSeries(stage);
            boundaryRenderer.setSeriesPaint(boundarySeries, Theme.colour(r));
            boundaryRenderer.setSeriesShape(boundarySeries, stageShape());
            boundaryRenderer.setSeriesShapesFilled(boundarySeries, false);
            boundaryRenderer.setSeriesOutlineStroke(boundarySeries, new BasicStroke(2f));
            boundarySeries++;
        }
        boundaryRenderer.setUseOutlinePaint(false);
        boundaryRenderer.setDrawOutlines(true);
        XYPlot plot = new XYPlot(boundaries, null, Axes.log(yLabel), boundaryRenderer);
        plot.setDataset(1, markers);
        plot.setRenderer(1, markerRenderer);
        plot.setDataset(2, lines);
        plot.setRenderer(2, lineRenderer);
        // lines first, then markers, then boundary marks on top
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.REVERSE);
        return plot;
    }

    /**
     * The curve's height at entry t: its own value if it can be drawn, else the last drawable value
     * before it (the error is measured only now and then), else the first after it; NaN if none.
     */
    private static double valueNear(List<HistoryEntry> h, int t, ToDoubleFunction<HistoryEntry> y) {
        for (int s = t; s >= 0; s--) {
            double v = y.applyAsDouble(h.get(s));
            if (plottable(v)) {
                return v;
            }
        }
        for (int s = t + 1; s < h.size(); s++) {
            double v = y.applyAsDouble(h.get(s));
            if (plottable(v)) {
                return v;
            }
        }
        return Double.NaN;
    }

    private LegendItemCollection legend(boolean extensions, boolean stageChanges) {
        LegendItemCollection items = new LegendItemCollection();
        for (int r = 0; r < histories.size(); r++) {
            Line2D sample = new Line2D.Double(-16, 0, 16, 0);
            items.add(new LegendItem(legendLabel(r), null, null, null, true, Theme.shape(r), true, Theme.colour(r), false,
                    Theme.colour(r), new BasicStroke(1f), true, sample, Theme.stroke(r), Theme.colour(r)));
        }
        if (extensions) {
            items.add(new LegendItem("grid extension", null, null, null, extensionShape(), Theme.INK));
        }
        if (stageChanges) {
            items.add(new LegendItem("stage change", null, null, null, true, stageShape(), false, Color.WHITE, true,
                    Theme.INK, new BasicStroke(2f), false, new Line2D.Double(), new BasicStroke(1f), Theme.INK));
        }
        return items;
    }

    private static Shape extensionShape() {
        return new Rectangle2D.Double(-1.75, -11, 3.5, 22);
    }

    private static Shape stageShape() {
        return new Ellipse2D.Double(-6.5, -6.5, 13, 13);
    }

    private static boolean plottable(double v) {
        return v > 0 && Double.isFinite(v);
    }
}
