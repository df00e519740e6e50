package org.kanpde.plots;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
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
import org.jfree.chart.plot.ValueMarker;
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
 * count changes between consecutive history entries, are marked by a thin dashed vertical line
 * across both panels at the last entry before the extension, other stage changes (same parameter
 * count) by a dotted one; lines rather than marks on the curves, which would hide the jump of the
 * loss that follows an extension.
 *
 * <p>The error panel is left out when no run measured the error (no exact solution). Points with a
 * non-finite or non-positive value cannot be shown on a log axis and are skipped. Immutable.
 */
public final class ConvergenceFigure {
    /** Default figure width: two figures (against iteration and time) fit side by side on a 1400-pixel page. */
    public static final int WIDTH = 640;
    /** Default figure height. */
    public static final int HEIGHT = 820;

    private static final int MARKERS_PER_CURVE = 8;
    /** Stage lines: a mid grey, darker than the grid lines and lighter than any curve. */
    private static final Color STAGE_LINE = new Color(0x666666);

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

    /** The chart as a figure of the given size, with a caption that says what is plotted. */
    public Figure figure(Against against, int width, int height) {
        return Figure.of(chart(against), width, height).withCaption(caption());
    }

    /** What the panels show, how often the error was measured and what the vertical lines mean. */
    String caption() {
        StringBuilder sb = new StringBuilder("Training loss (the objective the optimizer minimizes)");
        if (hasErrors()) {
            sb.append(" above and the relative L2 error against the exact solution below, both on log scales; the error "
                    + "is measured ").append(measuredEvery()).append(", the loss at every iteration.");
        } else {
            sb.append(" on a log scale; no exact solution, so no error.");
        }
        sb.append(" Markers only tell the runs apart.");
        boolean extensions = false;
        boolean stages = false;
        for (int r = 0; r < histories.size(); r++) {
            extensions |= !stageBoundaries(r, Against.ITERATION, true).isEmpty();
            stages |= !stageBoundaries(r, Against.ITERATION, false).isEmpty();
        }
        if (extensions) {
            sb.append(" Dashed vertical lines: grid extensions, after which the refitted KAN's loss can jump before it "
                    + "falls again.");
        }
        if (stages) {
            sb.append(" Dotted vertical lines: other stage changes.");
        }
        return sb.toString();
    }

    /**
     * "at every iteration", "about every 10 iterations" (the typical spacing of the measured errors),
     * or that phrase per run when the runs differ.
     */
    private String measuredEvery() {
        java.util.Set<String> phrases = new java.util.LinkedHashSet<>();
        List<String> each = new ArrayList<>();
        for (int r = 0; r < histories.size(); r++) {
            List<Integer> at = new ArrayList<>();
            for (HistoryEntry e : histories.get(r)) {
                if (plottable(e.relL2())) {
                    at.add(e.iteration());
                }
            }
            if (at.size() < 2) {
                continue;
            }
            List<Integer> gaps = new ArrayList<>();
            for (int t = 1; t < at.size(); t++) {
                gaps.add(at.get(t) - at.get(t - 1));
            }
            java.util.Collections.sort(gaps);
            int gap = Math.max(1, gaps.get(gaps.size() / 2));
            String phrase = gap == 1 ? "at every iteration" : "about every " + gap + " iterations";
            phrases.add(phrase);
            each.add(phrase + " for " + labels.get(r));
        }
        if (phrases.isEmpty()) {
            return "now and then";
        }
        return phrases.size() == 1 ? phrases.iterator().next() : String.join(" and ", each);
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
        OutputPaths.baseName(baseName);
        return List.of(figure(Against.ITERATION, width, height).write(directory, baseName + "-iteration"),
                figure(Against.WALL_TIME, width, height).write(directory, baseName + "-time"));
    }

    private XYPlot panel(Against against, ToDoubleFunction<HistoryEntry> y, String yLabel) {
        XYSeriesCollection lines = new XYSeriesCollection();
        XYSeriesCollection markers = new XYSeriesCollection();
        XYLineAndShapeRenderer lineRenderer = Theme.renderer(true, false);
        XYLineAndShapeRenderer markerRenderer = Theme.renderer(false, true);
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
        }
        XYPlot plot = new XYPlot(markers, null, Axes.log(yLabel), markerRenderer);
        plot.setDataset(1, lines);
        plot.setRenderer(1, lineRenderer);
        // lines first, then markers on top
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.REVERSE);
        addStageLines(plot, against);
        return plot;
    }

    /**
     * The x positions of one run's stage boundaries: the last history entry before each grid
     * extension (the parameter count changes) or, with {@code extensions} false, before each other
     * stage change.
     */
    List<Double> stageBoundaries(int run, Against against, boolean extensions) {
        List<HistoryEntry> h = histories.get(run);
        List<Double> out = new ArrayList<>();
        for (int t = 0; t + 1 < h.size(); t++) {
            boolean grew = h.get(t + 1).parameters() != h.get(t).parameters();
            boolean newStage = h.get(t + 1).stage() != h.get(t).stage();
            if (extensions ? grew : newStage && !grew) {
                out.add(against.x(h.get(t)));
            }
        }
        return out;
    }

    /**
     * Thin vertical lines across the panel at every stage boundary: dashed for grid extensions,
     * dotted for other stage changes. Grey when only one run has such boundaries (the usual KAN vs
     * MLP case), else in the run's colour. Lines, unlike marks on the curve, leave the loss jump at an
     * extension visible and read the same in both panels.
     */
    private void addStageLines(XYPlot plot, Against against) {
        boolean ownColours = runsWithStageBoundaries() > 1;
        for (int r = 0; r < histories.size(); r++) {
            Color colour = ownColours ? Theme.colour(r) : STAGE_LINE;
            for (double x : stageBoundaries(r, against, true)) {
                plot.addDomainMarker(new ValueMarker(x, colour, extensionStroke()));
            }
            for (double x : stageBoundaries(r, against, false)) {
                plot.addDomainMarker(new ValueMarker(x, colour, stageStroke()));
            }
        }
    }

    /** How many runs have a grid extension or stage change. */
    private int runsWithStageBoundaries() {
        int n = 0;
        for (int r = 0; r < histories.size(); r++) {
            if (!stageBoundaries(r, Against.ITERATION, true).isEmpty() || !stageBoundaries(r, Against.ITERATION, false).isEmpty()) {
                n++;
            }
        }
        return n;
    }

    private LegendItemCollection legend(boolean extensions, boolean stageChanges) {
        LegendItemCollection items = new LegendItemCollection();
        for (int r = 0; r < histories.size(); r++) {
            Line2D sample = new Line2D.Double(-16, 0, 16, 0);
            items.add(new LegendItem(legendLabel(r), null, null, null, true, Theme.shape(r), true, Theme.colour(r), false,
                    Theme.colour(r), new BasicStroke(1f), true, sample, Theme.stroke(r), Theme.colour(r)));
        }
        Line2D stageSample = new Line2D.Double(-16, 0, 16, 0);
        String colours = runsWithStageBoundaries() > 1 ? " (in the run's colour)" : "";
        Shape none = new Rectangle2D.Double(0, 0, 0, 0);
        if (extensions) {
            items.add(new LegendItem("grid extension" + colours, null, null, null, false, none, false, STAGE_LINE, false,
                    STAGE_LINE, new BasicStroke(1f), true, stageSample, extensionStroke(), STAGE_LINE));
        }
        if (stageChanges) {
            items.add(new LegendItem("stage change" + colours, null, null, null, false, none, false, STAGE_LINE, false,
                    STAGE_LINE, new BasicStroke(1f), true, stageSample, stageStroke(), STAGE_LINE));
        }
        return items;
    }

    private static BasicStroke extensionStroke() {
        return new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
    }

    private static BasicStroke stageStroke() {
        return new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {1.5f, 3f}, 0f);
    }

    private static boolean plottable(double v) {
        return v > 0 && Double.isFinite(v);
    }
}
