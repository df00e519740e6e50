package org.kanpde.plots;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.Drawable;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.kanpde.net.parallel.ParallelRunner;
import org.kanpde.solver.geometry.Domain;
import org.kanpde.solver.problem.Field;
import org.kanpde.solver.problem.Problem;
import org.kanpde.solver.train.Solution;

/**
 * Pictures of a trained solution on its problem's domain.
 * <ul>
 *   <li>2-D: heat maps of the predicted u, the exact u* and the pointwise error |u - u*| (log colour
 *   scale), side by side, each with a colour bar. u and u* share one colour scale so that equal
 *   colours mean equal values. Cells whose centre lies outside the domain (a disk, an L-shape) are
 *   left blank, and the maps keep the domain's true proportions.</li>
 *   <li>3-D: the same maps on the slice z = middle of the bounding box.</li>
 *   <li>1-D: u and u* as lines on one panel, |u - u*| on a log scale on another.</li>
 * </ul>
 * Without an exact solution only u is drawn. The subtitle names the trial function and, with an exact
 * solution, the largest error over the plotted points (not the quadrature error of the metrics).
 */
public final class SolutionFigure {
    /** Default cells along the longer side of a heat map. */
    public static final int RESOLUTION = 160;
    /** Points of a 1-D line plot. */
    static final int LINE_POINTS = 801;
    /** Most decades an error colour bar spans. */
    static final int MAX_DECADES = 10;

    private SolutionFigure() {
    }

    /** {@link #create(Solution, String, int, ParallelRunner)} with the default resolution on one thread. */
    public static Figure create(Solution solution, String label) {
        try (ParallelRunner runner = new ParallelRunner(1)) {
            return create(solution, label, RESOLUTION, runner);
        }
    }

    /**
     * The figure of a solution, sized for its number of panels (change it with {@link Figure#withSize}).
     *
     * @param solution   the trained solution (its problem gives the domain and exact solution)
     * @param label      the run's label, used in the title
     * @param resolution heat-map cells along the longer side of the domain's box, 2 to 2000 (1-D
     *                   plots always use {@value #LINE_POINTS} points)
     * @param runner     threads for evaluating the solution
     * @throws IllegalArgumentException if the label is blank, the resolution is out of range or the
     *                                  runner is null
     */
    public static Figure create(Solution solution, String label, int resolution, ParallelRunner runner) {
        if (solution == null) {
            throw new IllegalArgumentException("solution must not be null");
        }
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("run label must not be blank, got '" + label + "'");
        }
        PlaneGrid.checkResolution(resolution);
        if (runner == null) {
            throw new IllegalArgumentException("a parallel runner is needed to evaluate the solution, got null");
        }
        Problem problem = solution.problem();
        String title = label + ": solution of " + problem.name();
        String describe = solution.function().describe() + ", " + solution.parameterCount() + " parameters";
        if (problem.dimension() == 1) {
            return lines(solution, title, describe, runner);
        }
        return maps(solution, title, describe, resolution, runner);
    }

    private static Figure maps(Solution solution, String title, String describe, int resolution, ParallelRunner runner) {
        Problem problem = solution.problem();
        PlaneGrid grid = PlaneGrid.of(problem.domain(), resolution);
        double[] predicted = solution.values(grid.points(), runner);
        String where = grid.isSlice() ? ", slice z = " + compact(grid.slice()) : "";
        double aspect = (grid.y1() - grid.y0()) / (grid.x1() - grid.x0());
        List<Drawable> panels = new ArrayList<>();
        Field exact = problem.exactSolution();
        String subtitle = describe + where;
        if (exact == null) {
            ColourScale scale = ColourScale.spanning(ColourMap.VIRIDIS, predicted);
            panels.add(new AspectLockedChart(HeatMap.chart("predicted u", grid, grid.cells(predicted), scale, "u",
                    false), aspect));
        } else {
            double[] truth = new double[grid.pointCount()];
            double[] logError = new double[truth.length];
            double maxError = 0;
            for (int p = 0; p < truth.length; p++) {
                truth[p] = exact.value(grid.point(p));
                double e = Math.abs(predicted[p] - truth[p]);
                maxError = Double.isNaN(e) || e > maxError ? e : maxError;
                logError[p] = Math.log10(e);
            }
            ColourScale scale = ColourScale.spanning(ColourMap.VIRIDIS, predicted, truth);
            panels.add(new AspectLockedChart(HeatMap.chart("predicted u", grid, grid.cells(predicted), scale, "u",
                    false), aspect));
            panels.add(new AspectLockedChart(HeatMap.chart("exact u*", grid, grid.cells(truth), scale, "u*",
                    false), aspect));
            panels.add(new AspectLockedChart(HeatMap.chart("|u − u*| (log scale)", grid, grid.cells(logError),
                    errorScale(logError), "|u − u*|", true), aspect));
            subtitle += String.format(Locale.ROOT, "; largest |u − u*| on the plotted grid %.2e", maxError);
        }
        int height = 560;
        int width = panels.size() == 1 ? 680 : 560 * panels.size();
        return Figure.grid(title, subtitle, panels, panels.size(), width, height);
    }

    /**
     * A log colour scale from the largest error down to the 2nd percentile of the errors, spanning at
     * least 2 and at most {@value #MAX_DECADES} decades; smaller errors get the darkest colour.
     */
    static ColourScale errorScale(double[] logError) {
        double[] finite = java.util.Arrays.stream(logError).filter(Double::isFinite).sorted().toArray();
        if (finite.length == 0) {
            return new ColourScale(ColourMap.INFERNO, -17, -16);
        }
        double hi = finite[finite.length - 1];
        // the error passes through zero along curves, where single cells reach any small value; the
        // 2nd percentile ignores those so the scale shows the error's bulk
        double lo = finite[(int) Math.floor(0.02 * (finite.length - 1))];
        // at least two decades, so that the bar always carries a labelled power of ten
        double bottom = Math.min(Math.max(lo, hi - MAX_DECADES), hi - 2);
        return new ColourScale(ColourMap.INFERNO, bottom, hi);
    }

    private static String compact(double v) {
        return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private static Figure lines(Solution solution, String title, String describe, ParallelRunner runner) {
        Problem problem = solution.problem();
        Domain domain = problem.domain();
        double a = domain.lower()[0];
        double b = domain.upper()[0];
        double[] xs = new double[LINE_POINTS];
        for (int t = 0; t < LINE_POINTS; t++) {
            xs[t] = a + (b - a) * t / (LINE_POINTS - 1);
        }
        double[] u = solution.values(xs, runner);
        XYSeries predicted = new XYSeries("predicted u", false, true);
        for (int t = 0; t < LINE_POINTS; t++) {
            predicted.add(xs[t], u[t]);
        }
        XYSeriesCollection values = new XYSeriesCollection(predicted);
        Field exact = problem.exactSolution();
        List<Drawable> panels = new ArrayList<>();
        String subtitle = describe;
        XYSeries error = new XYSeries("|u − u*|", false, true);
        if (exact != null) {
            XYSeries truth = new XYSeries("exact u*", false, true);
            double maxError = 0;
            for (int t = 0; t < LINE_POINTS; t++) {
                double v = exact.value(new double[] {xs[t]});
                truth.add(xs[t], v);
                double e = Math.abs(u[t] - v);
                maxError = Double.isNaN(e) || e > maxError ? e : maxError;
                if (e > 0 && Double.isFinite(e)) {
                    error.add(xs[t], e);
                }
            }
            values.addSeries(truth);
            subtitle += String.format(Locale.ROOT, "; largest |u − u*| on the plotted points %.2e", maxError);
        }
        panels.add(lineChart(exact == null ? "predicted u" : "predicted u and exact u*", values, Axes.linear("u")));
        if (exact != null) {
            LogAxis axis = Axes.log("|u − u*|");
            panels.add(lineChart("pointwise error |u − u*|", new XYSeriesCollection(error), axis));
        }
        int width = panels.size() == 1 ? 760 : 700 * panels.size();
        return Figure.grid(title, subtitle, panels, panels.size(), width, 540);
    }

    private static JFreeChart lineChart(String title, XYSeriesCollection data, org.jfree.chart.axis.ValueAxis y) {
        XYLineAndShapeRenderer renderer = Theme.renderer(true, false);
        renderer.setSeriesPaint(0, Theme.colour(0));
        renderer.setSeriesStroke(0, Theme.stroke(0, 2f));
        if (data.getSeriesCount() > 1) {
            // u* as a wide light band under a dashed u: where they agree the dashes run along the band,
            // which reads in greyscale too, and neither hides the other
            renderer.setSeriesPaint(0, Theme.colour(0));
            renderer.setSeriesStroke(0, Theme.stroke(1, 2f));
            renderer.setSeriesPaint(1, new java.awt.Color(0xB8B8B8));
            renderer.setSeriesStroke(1, new java.awt.BasicStroke(7f, java.awt.BasicStroke.CAP_ROUND,
                    java.awt.BasicStroke.JOIN_ROUND));
        }
        XYPlot plot = new XYPlot(data, Axes.linear("x"), y, renderer);
        JFreeChart chart = new JFreeChart(title, Theme.TITLE_FONT, plot, data.getSeriesCount() > 1);
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setPosition(RectangleEdge.BOTTOM);
        }
        Theme.apply(chart);
        chart.getTitle().setFont(Theme.SUBTITLE_FONT.deriveFont(java.awt.Font.BOLD, 15f));
        return chart;
    }
}
