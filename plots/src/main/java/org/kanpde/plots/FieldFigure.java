package org.kanpde.plots;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.ui.Drawable;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.kanpde.solver.geometry.Domain;
import org.kanpde.solver.problem.Field;

/**
 * A field identified by an inverse solve (a coefficient or source). On a 2-D domain (the middle z
 * slice in 3-D) heat maps: the identified field and, when the exact one is known, the exact field on
 * the same colour scale and their signed difference on a linear scale symmetric about 0; cells whose
 * centre lies outside the domain are blank. On an interval, line charts: the identified field over
 * the exact one, and their signed difference.
 */
public final class FieldFigure {
    private FieldFigure() {
    }

    /**
     * The figure.
     *
     * @param name       the field's name, e.g. {@code a}
     * @param label      the run's label, used in the title
     * @param domain     the domain, 1-D, 2-D or 3-D
     * @param identified the identified field
     * @param exact      the exact field, or null
     * @param resolution cells along the longer side of the domain's box (points on an interval), 2 to 2000
     * @throws IllegalArgumentException if the domain is not 1-D, 2-D or 3-D, a name is blank or the
     *                                  resolution is out of range
     */
    public static Figure create(String name, String label, Domain domain, Field identified, Field exact, int resolution) {
        if (name == null || name.isBlank() || label == null || label.isBlank()) {
            throw new IllegalArgumentException("field name and run label must not be blank, got '" + name + "', '" + label + "'");
        }
        if (domain == null || domain.dimension() < 1 || domain.dimension() > 3) {
            throw new IllegalArgumentException("field figures need a 1-D, 2-D or 3-D domain, got "
                    + (domain == null ? null : domain.dimension() + "-D"));
        }
        PlaneGrid.checkResolution(resolution);
        if (domain.dimension() == 1) {
            return lines(name, label, domain, identified, exact, resolution);
        }
        PlaneGrid grid = PlaneGrid.of(domain, resolution);
        double[] found = new double[grid.pointCount()];
        for (int p = 0; p < found.length; p++) {
            found[p] = identified.value(grid.point(p));
        }
        String where = grid.isSlice() ? String.format(Locale.ROOT, ", slice z = %.4g", grid.slice()) : "";
        double aspect = (grid.y1() - grid.y0()) / (grid.x1() - grid.x0());
        String cells = String.format(Locale.ROOT, "%d × %d", grid.nx(), grid.ny());
        String title = label + ": identified " + name;
        List<AspectLockedChart> panels = new ArrayList<>();
        if (exact == null) {
            ColourScale scale = ColourScale.spanning(ColourMap.VIRIDIS, found);
            panels.add(new AspectLockedChart(HeatMap.chart("identified " + name, grid, grid.cells(found), scale,
                    Axes.linear(null)), aspect));
            return Figure.grid(title, "no exact " + name + " given" + where, panels, 1, 680,
                            SolutionFigure.MAP_HEIGHT + Figure.titleHeight(true))
                    .withCaption("The identified " + name + " at the centres of " + cells + " cells" + where
                            + "; no exact form is given, so no error is shown.");
        }
        double[] truth = new double[found.length];
        double[] diff = new double[found.length];
        double max = 0;
        for (int p = 0; p < found.length; p++) {
            truth[p] = exact.value(grid.point(p));
            diff[p] = found[p] - truth[p];
            double e = Math.abs(diff[p]);
            max = Double.isNaN(e) || e > max ? e : max;
        }
        ColourScale scale = ColourScale.spanning(ColourMap.VIRIDIS, found, truth);
        double bound = max > 0 && Double.isFinite(max) ? max : 1;
        panels.add(new AspectLockedChart(HeatMap.chart("identified " + name, grid, grid.cells(found), scale,
                Axes.linear(null)), aspect));
        panels.add(new AspectLockedChart(HeatMap.chart("exact " + name + "*", grid, grid.cells(truth), scale,
                Axes.linear(null)), aspect));
        panels.add(new AspectLockedChart(HeatMap.chart(name + " − " + name + "*", grid, grid.cells(diff),
                new ColourScale(ColourMap.BLUE_RED, -bound, bound), Axes.linear(null)), aspect));
        AspectLockedChart.align(panels);
        String subtitle = String.format(Locale.ROOT, "largest |%s − %s*| on the plotted cells %.2e%s", name, name, max, where);
        return Figure.grid(title, subtitle, panels, 3, 3 * SolutionFigure.MAP_WIDTH,
                        SolutionFigure.MAP_HEIGHT + Figure.titleHeight(true))
                .withCaption("The identified " + name + " and the exact " + name + "* share one colour scale; the difference "
                        + name + " − " + name + "* uses a linear scale symmetric about 0 (white). Evaluated at the centres of "
                        + cells + " cells" + where + " (the table's errors come from quadrature points).");
    }

    private static Figure lines(String name, String label, Domain domain, Field identified, Field exact, int points) {
        double x0 = domain.lower()[0];
        double x1 = domain.upper()[0];
        XYSeries found = new XYSeries("identified " + name, false, true);
        XYSeries truth = new XYSeries("exact " + name + "*", false, true);
        XYSeries diff = new XYSeries(name + " − " + name + "*", false, true);
        double max = 0;
        double[] z = new double[1];
        for (int t = 0; t < points; t++) {
            z[0] = x0 + (x1 - x0) * t / (points - 1);
            double v = identified.value(z);
            found.add(z[0], v);
            if (exact != null) {
                double e = exact.value(z);
                truth.add(z[0], e);
                diff.add(z[0], v - e);
                max = Double.isNaN(v - e) || Math.abs(v - e) > max ? Math.abs(v - e) : max;
            }
        }
        XYSeriesCollection values = new XYSeriesCollection(found);
        List<Drawable> panels = new ArrayList<>();
        String title = label + ": identified " + name;
        if (exact == null) {
            panels.add(SolutionFigure.lineChart("identified " + name, values, Axes.linear(name)));
            return Figure.grid(title, "no exact " + name + " given", panels, 1, 760, 540)
                    .withCaption("The identified " + name + " at " + points + " equally spaced points; no exact form is given, "
                            + "so no error is shown.");
        }
        values.addSeries(truth);
        panels.add(SolutionFigure.lineChart("identified " + name + " and exact " + name + "*", values, Axes.linear(name)));
        panels.add(SolutionFigure.lineChart(name + " − " + name + "*", new XYSeriesCollection(diff), Axes.linear("difference")));
        String subtitle = String.format(Locale.ROOT, "largest |%s − %s*| on the plotted points %.2e", name, name, max);
        return Figure.grid(title, subtitle, panels, 2, 1200, 540)
                .withCaption("The exact " + name + "* is the wide grey band under the dashed identified " + name + "; the "
                        + "difference is signed, on a linear axis. Evaluated at " + points + " equally spaced points (the "
                        + "table's errors come from quadrature points).");
    }
}
