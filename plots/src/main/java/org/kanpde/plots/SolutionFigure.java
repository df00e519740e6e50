package org.kanpde.plots;

import java.util.ArrayList;
import java.util.Arrays;
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
import org.kanpde.solver.solution.Solution;

/**
 * Pictures of a trained solution on its problem's domain.
 * <ul>
 *   <li>2-D: heat maps in two rows, the predicted u and the exact u* above, the pointwise error
 *   |u - u*| (log colour scale) and the signed error u - u* (linear, diverging about 0) below, each
 *   with a colour bar. u and u* share one colour scale so that equal colours mean equal values. The
 *   log bar is labelled at both ends and says when smaller errors are clipped; the signed map shows
 *   that the dark curves of the log map are sign changes. Cells whose centre lies outside the domain
 *   (a disk, an L-shape) are left blank; the maps keep the domain's true proportions and all have the
 *   same size, so that they line up.</li>
 *   <li>3-D: the same maps on the slice z = middle of the bounding box.</li>
 *   <li>1-D: u and u* as lines on one panel, |u - u*| on a log scale on another.</li>
 * </ul>
 * Without an exact solution only u is drawn. The subtitle names the trial function; the caption
 * ({@link Figure#caption()}) says what is plotted, where and how the error scale is clipped.
 */
public final class SolutionFigure {
    /** Default cells along the longer side of a heat map. */
    public static final int RESOLUTION = 160;
    /** Points of a 1-D line plot. */
    static final int LINE_POINTS = 801;
    /** Most decades an error colour bar spans. */
    static final int MAX_DECADES = 10;
    /** Width of one heat-map panel: two side by side fit a 1200-pixel page at 100% zoom. */
    static final int MAP_WIDTH = 560;
    /** Height of one heat-map panel. */
    static final int MAP_HEIGHT = 450;

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
        Field exact = problem.exactSolution();
        String subtitle = describe + where;
        String cells = String.format(Locale.ROOT, "%d × %d", grid.nx(), grid.ny());
        if (exact == null) {
            ColourScale scale = ColourScale.spanning(ColourMap.VIRIDIS, predicted);
            List<AspectLockedChart> panels = List.of(new AspectLockedChart(
                    HeatMap.chart("predicted u", grid, grid.cells(predicted), scale, Axes.linear(null)), aspect));
            return Figure.grid(title, subtitle, panels, 1, 680, MAP_HEIGHT + Figure.titleHeight(true))
                    .withCaption("The trained solution u at the centres of " + cells + " cells" + where
                            + "; no exact solution is known, so no error is shown.");
        }
        double[] truth = new double[grid.pointCount()];
        double[] signed = new double[truth.length];
        double[] logError = new double[truth.length];
        double maxError = 0;
        for (int p = 0; p < truth.length; p++) {
            truth[p] = exact.value(grid.point(p));
            signed[p] = predicted[p] - truth[p];
            double e = Math.abs(signed[p]);
            maxError = Double.isNaN(e) || e > maxError ? e : maxError;
            logError[p] = Math.log10(e);
        }
        ColourScale scale = ColourScale.spanning(ColourMap.VIRIDIS, predicted, truth);
        ColourScale errors = errorScale(logError);
        boolean clipped = Arrays.stream(logError).anyMatch(v -> !(v >= errors.getLowerBound()) && !Double.isNaN(v));
        List<AspectLockedChart> panels = List.of(
                new AspectLockedChart(HeatMap.chart("predicted u", grid, grid.cells(predicted), scale, Axes.linear(null)),
                        aspect),
                new AspectLockedChart(HeatMap.chart("exact u*", grid, grid.cells(truth), scale, Axes.linear(null)), aspect),
                new AspectLockedChart(HeatMap.chart("|u − u*|, log scale", grid, grid.cells(logError), errors,
                        new DecadeBarAxis(clipped)), aspect),
                new AspectLockedChart(signedErrorMap(grid, signed, maxError), aspect));
        // one data-area size for all four, so the maps line up in rows and columns
        AspectLockedChart.align(panels);
        String floor = DecadeBarAxis.label(errors.getLowerBound());
        String caption = "Predicted u and exact u* share one colour scale. The errors are evaluated at the centres of "
                + cells + " cells" + where + " (the table's errors come from quadrature points, so its maximum can be "
                + "larger). |u − u*| is on a log scale from its largest value down to " + floor
                + (clipped ? "; smaller errors are drawn in the darkest colour, so thin dark curves mark where u − u* "
                + "changes sign (compare the signed map)." : ".")
                + " The signed map u − u* uses a linear scale symmetric about 0 (white).";
        return Figure.grid(title, subtitle, panels, 2, 2 * MAP_WIDTH, 2 * MAP_HEIGHT + Figure.titleHeight(true))
                .withCaption(caption);
    }

    /**
     * The signed error on a linear diverging scale symmetric about 0, in units of a power of ten
     * named in the title ("u − u* in units of 10⁻⁵"), so that the bar reads 1, 2, 3 rather than
     * 0.00001, 0.00002.
     */
    private static JFreeChart signedErrorMap(PlaneGrid grid, double[] signed, double maxError) {
        boolean measurable = maxError > 0 && Double.isFinite(maxError);
        int exponent = measurable ? (int) Math.floor(Math.log10(maxError)) : 0;
        double unit = Math.pow(10, exponent);
        double[] scaled = new double[signed.length];
        for (int p = 0; p < signed.length; p++) {
            scaled[p] = signed[p] / unit;
        }
        double bound = measurable ? maxError / unit : 1;
        String title = "u − u*" + (exponent == 0 ? "" : " in units of " + Axes.powerOfTen(exponent));
        return HeatMap.chart(title, grid, grid.cells(scaled), new ColourScale(ColourMap.BLUE_RED, -bound, bound),
                Axes.linear(null));
    }

    /**
     * A log colour scale from the largest error down to the 2nd percentile of the errors, spanning at
     * least 2 and at most {@value #MAX_DECADES} decades; smaller errors get the darkest colour.
     */
    static ColourScale errorScale(double[] logError) {
        double[] finite = Arrays.stream(logError).filter(Double::isFinite).sorted().toArray();
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
        // two 600-pixel panels fit a 1200-pixel page at 100% zoom
        int width = panels.size() == 1 ? 760 : 600 * panels.size();
        String caption = String.format(Locale.ROOT, "Evaluated at %d equally spaced points.", LINE_POINTS)
                + (exact == null ? " No exact solution is known, so no error is shown."
                : " The exact u* is the wide grey band under the dashed u; the error is on a log axis, where points "
                + "with zero error cannot be drawn. The subtitle's largest error is over these points; the table's errors "
                + "come from quadrature points.");
        return Figure.grid(title, subtitle, panels, panels.size(), width, 540).withCaption(caption);
    }

    /** A line chart over x; with two series, the second (the exact one) is drawn as a wide band under the first. */
    static JFreeChart lineChart(String title, XYSeriesCollection data, org.jfree.chart.axis.ValueAxis y) {
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
