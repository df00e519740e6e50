package org.kanpde.plots;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.kanpde.net.TrialFunction;
import org.kanpde.net.basis.EdgeBasis;
import org.kanpde.net.kan.Kan;
import org.kanpde.net.kan.KanLayer;
import org.kanpde.solver.geometry.Domain;
import org.kanpde.solver.geometry.SamplingScheme;
import org.kanpde.solver.residual.HardDirichletFunction;
import org.kanpde.solver.solution.Solution;

/**
 * The learned edge functions of a KAN, in the spirit of the KAN paper's network pictures: one small
 * panel per edge phi(x), grouped by layer, each drawn over the range of values its input node actually
 * takes when the network is evaluated on points of the domain (not over the spline grid, which
 * hidden-layer inputs may cover only in part). Dotted lines mark the ends of the spline grid where
 * they fall inside that range, and the subtitle mentions them only then.
 *
 * <p>Panels keep the network's structure: in a layer, one column per output node and one row per
 * input node, or one column per input node for a layer into a single node, so that for [2,5,1] the
 * column of h3 holds x → h3, y → h3 and h3 → u. All panels of a layer share one y scale (each around
 * its own centre): a panel's height then means the same change of phi throughout the layer, and an
 * edge that barely varies looks flat instead of being blown up to full height.
 *
 * <p>An edge's importance is the standard deviation of phi over its inputs at those points, divided
 * by the largest in its layer, so the most active edge of each layer scores 1. It sets the line's
 * width and opacity and is printed in the panel title. The standard deviation rather than the mean
 * |phi| is used because a constant edge only shifts its output node, like a bias, and says nothing
 * about the input.
 *
 * <p>For a solution with exactly imposed Dirichlet data (u = g + D v) the network v is drawn.
 */
public final class KanEdgeFigure {
    /** Domain points at which node values are sampled. */
    public static final int SAMPLE_POINTS = 2000;

    /** Importance below which an edge is drawn grey and marked "≈ const". */
    static final double CONSTANT_IMPORTANCE = 0.02;

    private static final int CURVE_POINTS = 161;
    /** Width of one edge panel in pixels. */
    static final int PANEL_WIDTH = 215;
    private static final int PANEL_HEIGHT = 170;
    private static final int HEADER = 30;
    /** Most panel columns: 8 keeps the figure within about 1700 pixels. */
    private static final int MAX_COLUMNS = 8;
    /** Fewest columns, so that the title and subtitle fit. */
    private static final int MIN_COLUMNS = 5;
    private static final Color LINE = new Color(0x0072B2);
    private static final Color FLAT = new Color(0x777777);

    /** One edge's curve and importance. */
    record EdgeCurve(int layer, int to, int from, double[] x, double[] phi, double lower, double upper,
                     double importance) {
    }

    private KanEdgeFigure() {
    }

    /**
     * The KAN inside a trial function: the function itself if it is a KAN, the network of a
     * {@link HardDirichletFunction} if that is a KAN, otherwise empty.
     */
    public static Optional<Kan> kanOf(TrialFunction function) {
        if (function instanceof Kan) {
            return Optional.of((Kan) function);
        }
        if (function instanceof HardDirichletFunction) {
            return kanOf(((HardDirichletFunction) function).network());
        }
        return Optional.empty();
    }

    /**
     * The edges of a trained KAN solution.
     *
     * @param solution a solution whose trial function is a KAN, possibly inside a hard-Dirichlet wrapper
     * @param label    the run's label, used in the title
     * @throws IllegalArgumentException if the solution is not a KAN or the label is blank
     */
    public static Figure create(Solution solution, String label) {
        if (solution == null) {
            throw new IllegalArgumentException("solution must not be null");
        }
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("run label must not be blank, got '" + label + "'");
        }
        TrialFunction function = solution.function();
        Kan kan = kanOf(function).orElseThrow(() -> new IllegalArgumentException(
                "learned edges exist only for KANs; run '" + label + "' is " + function.describe()));
        String output = function instanceof HardDirichletFunction ? "v" : "u";
        String title = label + ": learned KAN edges" + (output.equals("v") ? " (network v of u = g + D v)" : "");
        return create(kan, solution.problem().domain(), title, output);
    }

    /**
     * The edges of a KAN evaluated on points of a domain.
     *
     * @param kan        the network
     * @param domain     where its inputs come from (dimension = the KAN's input width)
     * @param title      the figure title
     * @param outputName name of the output node in panel titles, e.g. "u"
     * @throws IllegalArgumentException if the dimensions differ or the title is blank
     */
    public static Figure create(Kan kan, Domain domain, String title, String outputName) {
        if (kan.inputDimension() != domain.dimension()) {
            throw new IllegalArgumentException("KAN takes " + kan.inputDimension() + "-D inputs but the domain is "
                    + domain.dimension() + "-D");
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("figure title must not be blank, got '" + title + "'");
        }
        double[] points = domain.sampleInterior(SAMPLE_POINTS, SamplingScheme.SOBOL, 0).coordinates();
        List<EdgeCurve> curves = edges(kan, points);
        return layout(kan, curves, title, kan.describe() + ", " + kan.parameterCount() + " parameters", outputName);
    }

    /** Curves and importances of every edge, layer by layer, edge (j &lt;- i) in order j, then i. */
    static List<EdgeCurve> edges(Kan kan, double[] points) {
        double[][] nodes = kan.nodeValues(points);
        int[] widths = kan.widths();
        int n = points.length / widths[0];
        List<EdgeCurve> out = new ArrayList<>();
        double[] phi4 = new double[4];
        for (int l = 0; l < kan.layerCount(); l++) {
            KanLayer layer = kan.layer(l);
            int in = layer.inputs();
            List<EdgeCurve> layerCurves = new ArrayList<>();
            double largest = 0;
            double[] spread = new double[layer.edges()];
            for (int j = 0; j < layer.outputs(); j++) {
                for (int i = 0; i < in; i++) {
                    double lo = Double.POSITIVE_INFINITY;
                    double hi = Double.NEGATIVE_INFINITY;
                    double sum = 0;
                    double sumSq = 0;
                    int finite = 0;
                    for (int t = 0; t < n; t++) {
                        double x = nodes[l][t * in + i];
                        if (!Double.isFinite(x)) {
                            continue;
                        }
                        lo = Math.min(lo, x);
                        hi = Math.max(hi, x);
                        kan.edge(l, j, i, x, phi4);
                        sum += phi4[0];
                        sumSq += phi4[0] * phi4[0];
                        finite++;
                    }
                    if (finite == 0) {
                        lo = layer.basis(i).lower();
                        hi = layer.basis(i).upper();
                    }
                    if (!(hi - lo > 1e-9 * Math.max(1, Math.abs(lo)))) {
                        // a node that is (nearly) constant on the domain: show a little around its value
                        lo -= 0.5;
                        hi += 0.5;
                    }
                    double mean = finite == 0 ? 0 : sum / finite;
                    double std = finite == 0 ? 0 : Math.sqrt(Math.max(0, sumSq / finite - mean * mean));
                    spread[j * in + i] = Double.isFinite(std) ? std : 0;
                    largest = Math.max(largest, spread[j * in + i]);
                    double[] xs = new double[CURVE_POINTS];
                    double[] ys = new double[CURVE_POINTS];
                    for (int t = 0; t < CURVE_POINTS; t++) {
                        xs[t] = lo + (hi - lo) * t / (CURVE_POINTS - 1);
                        kan.edge(l, j, i, xs[t], phi4);
                        ys[t] = phi4[0];
                    }
                    layerCurves.add(new EdgeCurve(l, j, i, xs, ys, lo, hi, 0));
                }
            }
            for (int e = 0; e < layerCurves.size(); e++) {
                EdgeCurve c = layerCurves.get(e);
                double importance = largest > 0 ? spread[e] / largest : 0;
                out.add(new EdgeCurve(c.layer(), c.to(), c.from(), c.x(), c.phi(), c.lower(), c.upper(), importance));
            }
        }
        return out;
    }

    /** Where an edge's panel goes in its layer's block: row and column. */
    private record Cell(int row, int column) {
    }

    /**
     * The panels of one layer in a grid that keeps the network's structure: one column per output
     * node and one row per input node (so in the first layer of [2,5,1] the column of h3 holds
     * x → h3 above y → h3), or, for a layer into a single node, one column per input node (so h3 → u
     * sits below the column of h3). A layer too wide for that flows row by row in edge order.
     */
    private static Cell cell(KanLayer layer, int to, int from) {
        int in = layer.inputs();
        int out = layer.outputs();
        if (out == 1 && in <= MAX_COLUMNS) {
            return new Cell(0, from);
        }
        if (out > 1 && out <= MAX_COLUMNS) {
            return new Cell(from, to);
        }
        int e = to * in + from;
        return new Cell(e / MAX_COLUMNS, e % MAX_COLUMNS);
    }

    private static int columns(KanLayer layer) {
        int in = layer.inputs();
        int out = layer.outputs();
        return out == 1 ? Math.min(in, MAX_COLUMNS) : Math.min(out, MAX_COLUMNS);
    }

    private static int rows(KanLayer layer) {
        int in = layer.inputs();
        int out = layer.outputs();
        if (out == 1 && in <= MAX_COLUMNS) {
            return 1;
        }
        if (out > 1 && out <= MAX_COLUMNS) {
            return in;
        }
        return (layer.edges() + MAX_COLUMNS - 1) / MAX_COLUMNS;
    }

    private static Figure layout(Kan kan, List<EdgeCurve> curves, String title, String kanText, String outputName) {
        int layers = kan.layerCount();
        int width = MIN_COLUMNS;
        int totalHeight = 0;
        for (int l = 0; l < layers; l++) {
            width = Math.max(width, columns(kan.layer(l)));
            totalHeight += HEADER + rows(kan.layer(l)) * PANEL_HEIGHT;
        }
        int pixelWidth = width * PANEL_WIDTH;
        List<Figure.Panel> panels = new ArrayList<>();
        double y = 0;
        int index = 0;
        boolean markers = false;
        Font header = Theme.SUBTITLE_FONT.deriveFont(Font.BOLD);
        for (int l = 0; l < layers; l++) {
            KanLayer layer = kan.layer(l);
            List<EdgeCurve> layerCurves = curves.subList(index, index + layer.edges());
            index += layer.edges();
            double span = span(layerCurves);
            // the basis names its own size: "bspline G=20 k=5", "chebyshev n=10", ...
            String heading = String.format(Locale.ROOT, "layer %d: %s → %s, %s · y axes share one scale: φ spans up to %s",
                    l + 1, range(kan, l, outputName), range(kan, l + 1, outputName), layer.basis(0).describe(),
                    compact(span));
            panels.add(new Figure.Panel(new TextPanel(heading, header), 0, y / totalHeight, 1, (double) HEADER / totalHeight));
            y += HEADER;
            for (EdgeCurve c : layerCurves) {
                Cell at = cell(layer, c.to(), c.from());
                EdgePanel panel = panel(c, nodeName(kan, l, c.from(), outputName), nodeName(kan, l + 1, c.to(), outputName),
                        layer.basis(c.from()), span);
                markers |= panel.gridEndDrawn();
                panels.add(new Figure.Panel(panel.chart(), (double) at.column() * PANEL_WIDTH / pixelWidth,
                        (y + at.row() * PANEL_HEIGHT) / totalHeight, (double) PANEL_WIDTH / pixelWidth,
                        (double) PANEL_HEIGHT / totalHeight));
            }
            y += (double) rows(layer) * PANEL_HEIGHT;
        }
        String subtitle = kanText + " · (number) and line weight: importance, std of φ over its inputs / layer max"
                + (markers ? " · dotted: end of spline grid" : "");
        int pixelHeight = totalHeight + Figure.titleHeight(true);
        String caption = "Each panel is one learned edge function φ of the KAN, drawn over the range of values its input "
                + "node takes on " + SAMPLE_POINTS + " Sobol points of the domain; columns follow the network's nodes. "
                + "Within a layer all panels have the same y scale (only their centres differ), so an edge that looks "
                + "flat adds little to its output node; edges with importance below " + CONSTANT_IMPORTANCE
                + " are drawn grey and marked \"≈ const\"."
                + (markers ? " Dotted vertical lines mark the ends of the spline grid where inputs leave it." : "");
        return new Figure(title, subtitle, true, panels, pixelWidth, pixelHeight).withCaption(caption);
    }

    /** The largest span (max − min) of φ over the plotted points among a layer's edges; 0 if all are flat. */
    static double span(List<EdgeCurve> curves) {
        double span = 0;
        for (EdgeCurve c : curves) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double v : c.phi()) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            if (hi >= lo) {
                span = Math.max(span, hi - lo);
            }
        }
        return span;
    }

    /** One edge's chart and whether it shows a grid-end marker. */
    private record EdgePanel(JFreeChart chart, boolean gridEndDrawn) {
    }

    private static EdgePanel panel(EdgeCurve c, String from, String to, EdgeBasis basis, double layerSpan) {
        XYSeries series = new XYSeries("phi", false, true);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < c.x().length; t++) {
            if (Double.isFinite(c.phi()[t])) {
                series.add(c.x()[t], c.phi()[t]);
                lo = Math.min(lo, c.phi()[t]);
                hi = Math.max(hi, c.phi()[t]);
            }
        }
        boolean constant = c.importance() < CONSTANT_IMPORTANCE;
        XYLineAndShapeRenderer renderer = Theme.renderer(true, false);
        // the importance sets weight and opacity, but even the faintest line must survive greyscale print
        int alpha = (int) Math.round(255 * (0.5 + 0.5 * c.importance()));
        Color colour = constant ? FLAT : LINE;
        renderer.setSeriesPaint(0, new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), alpha));
        renderer.setSeriesStroke(0, new BasicStroke((float) (1.3 + 2.2 * c.importance()), BasicStroke.CAP_ROUND,
                BasicStroke.JOIN_ROUND));
        NumberAxis x = Axes.linear(null);
        x.setRange(c.lower(), c.upper());
        NumberAxis y = Axes.linear(null);
        if (hi >= lo) {
            // the layer's span around this edge's own centre: equal heights mean equal changes of φ
            double half = 0.5 * (layerSpan > 0 ? layerSpan : 1) * 1.08;
            double centre = 0.5 * (lo + hi);
            y.setRange(centre - half, centre + half);
        }
        XYPlot plot = new XYPlot(new XYSeriesCollection(series), x, y, renderer);
        boolean drawn = false;
        // a grid end within 2% of the plot's edge would hide under the plot's outline: not drawn, not mentioned
        double inset = 0.02 * (c.upper() - c.lower());
        for (double end : new double[] {basis.lower(), basis.upper()}) {
            if (end > c.lower() + inset && end < c.upper() - inset) {
                ValueMarker marker = new ValueMarker(end, Color.GRAY, new BasicStroke(1f, BasicStroke.CAP_BUTT,
                        BasicStroke.JOIN_MITER, 10f, new float[] {2f, 3f}, 0f));
                plot.addDomainMarker(marker);
                drawn = true;
            }
        }
        String title = String.format(Locale.ROOT, "%s → %s   (%.2f%s)", from, to, c.importance(), constant ? ", ≈ const" : "");
        JFreeChart chart = new JFreeChart(title, Theme.TITLE_FONT, plot, false);
        Theme.apply(chart);
        chart.getTitle().setFont(new Font(Theme.FONT_FAMILY, Font.PLAIN, 13));
        chart.setPadding(new RectangleInsets(4, 4, 4, 8));
        Font ticks = new Font(Theme.FONT_FAMILY, Font.PLAIN, 11);
        for (NumberAxis axis : new NumberAxis[] {x, y}) {
            axis.setTickLabelFont(ticks);
            // the theme's wide label insets would leave a small panel with one tick
            axis.setTickLabelInsets(new RectangleInsets(2, 4, 2, 4));
        }
        return new EdgePanel(chart, drawn);
    }

    private static String compact(double v) {
        return v == 0 ? "0" : java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(2)).stripTrailingZeros()
                .toPlainString();
    }

    /** Name of node i of layer l: x, y, z for inputs, h1.. for hidden nodes, the output name last. */
    static String nodeName(Kan kan, int l, int i, String outputName) {
        int[] widths = kan.widths();
        if (l == 0) {
            return widths[0] <= 3 ? String.valueOf("xyz".charAt(i)) : "x" + (i + 1);
        }
        if (l == widths.length - 1) {
            return widths[l] == 1 ? outputName : outputName + (i + 1);
        }
        return widths.length == 3 ? "h" + (i + 1) : "h" + l + "." + (i + 1);
    }

    private static String range(Kan kan, int l, String outputName) {
        int w = kan.widths()[l];
        String first = nodeName(kan, l, 0, outputName);
        if (w == 1) {
            return first;
        }
        if (w == 3) {
            return "(" + first + ", " + nodeName(kan, l, 1, outputName) + ", " + nodeName(kan, l, 2, outputName) + ")";
        }
        return "(" + first + (w == 2 ? ", " : " … ") + nodeName(kan, l, w - 1, outputName) + ")";
    }
}
