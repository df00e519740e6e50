package org.kanpde.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kanpde.net.kan.Kan;
import org.kanpde.net.mlp.Mlp;
import org.kanpde.net.parallel.ParallelRunner;
import org.kanpde.solver.geometry.Domain;
import org.kanpde.solver.geometry.Polygon;
import org.kanpde.solver.problem.Problem;
import org.kanpde.solver.solution.Solution;

class SolutionFigureTest {
    @TempDir
    Path dir;

    private static Solution untrained(Problem problem) {
        int d = problem.dimension();
        Kan kan = Kan.builder().widths(d, 3, 1).gridSize(5).inputRange(problem.domain().lower(), problem.domain().upper())
                .seed(7).build();
        return new Solution(problem, kan);
    }

    @Test
    void twoDimensionalSolutionGetsFourMapsWithColourBars() throws Exception {
        Figure figure = SolutionFigure.create(untrained(Fixtures.poisson2d()), "KAN [2,3,1]");
        assertEquals(4, figure.panelCount(), "u, u*, |u - u*| on a log scale and the signed u - u*");
        assertTrue(figure.title().contains("KAN [2,3,1]") && figure.title().contains("poisson2d-test"), figure.title());
        FigureFiles files = figure.withSize(1500, 520).write(dir, "solution");
        Images.assertFigure(files, 1500, 520);
        FigureFiles standard = figure.write(dir, "standard");
        Images.assertFigure(standard, 2 * SolutionFigure.MAP_WIDTH, 2 * SolutionFigure.MAP_HEIGHT + Figure.titleHeight(true));
        assertTrue(standard.caption().contains("160 × 160 cells") && standard.caption().contains("sign"), standard.caption());
    }

    @Test
    void theMapsOfAFigureLineUpInRowsAndColumns() {
        Figure figure = SolutionFigure.create(untrained(Fixtures.poisson2d()), "KAN [2,3,1]");
        double top = Figure.titleHeight(true);
        double cellWidth = figure.width() / 2.0;
        double cellHeight = (figure.height() - top) / 2.0;
        Rectangle2D[] data = new Rectangle2D[4];
        for (int p = 0; p < 4; p++) {
            Figure.Panel panel = figure.panels().get(p);
            Rectangle2D area = new Rectangle2D.Double(panel.x() * figure.width(), top + panel.y() * (figure.height() - top),
                    cellWidth, cellHeight);
            data[p] = ((AspectLockedChart) panel.content()).dataAreaIn(area);
        }
        for (int p = 1; p < 4; p++) {
            assertEquals(data[0].getWidth(), data[p].getWidth(), 1.0, "map " + p + " has the size of map 0");
            assertEquals(data[0].getHeight(), data[p].getHeight(), 1.0, "map " + p + " has the size of map 0");
        }
        // the error map's wider colour-bar labels must not shift it: columns share x, rows share y
        assertEquals(data[0].getX(), data[2].getX(), 1.0, "left column");
        assertEquals(data[1].getX(), data[3].getX(), 1.0, "right column");
        assertEquals(data[0].getY(), data[1].getY(), 1.0, "top row");
        assertEquals(data[2].getY(), data[3].getY(), 1.0, "bottom row");
        assertEquals(1.0, data[0].getHeight() / data[0].getWidth(), 0.02, "a square domain gives square maps");
    }

    @Test
    void theLogErrorBarLabelsBothEndsAndSaysWhatIsClipped() {
        DecadeBarAxis bar = new DecadeBarAxis(true);
        Theme.axis(bar);
        bar.setRange(Math.log10(2.7e-7), Math.log10(4.1e-5));
        BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        List<String> labels = new ArrayList<>();
        int minor = 0;
        try {
            for (NumberTick tick : bar.refreshTicks(g, new AxisState(), new Rectangle2D.Double(0, 0, 16, 400),
                    RectangleEdge.RIGHT)) {
                if (tick.getTickType() == TickType.MAJOR) {
                    labels.add(tick.getText());
                } else {
                    minor++;
                }
            }
        } finally {
            g.dispose();
        }
        assertEquals(List.of("≤ 2.7×10⁻⁷", "10⁻⁶", "10⁻⁵", "4.1×10⁻⁵"), labels);
        // 3..9 e-7 below 1e-6, 2..9 e-6, and 2..4 e-5 up to 4.1e-5
        assertEquals(7 + 8 + 3, minor, "minor ticks at 2..9 times each power");
        assertEquals("1.1", DecadeBarAxis.label(Math.log10(1.1)));
        assertEquals("10⁻³", DecadeBarAxis.label(-3));
        assertEquals("5×10⁻²", DecadeBarAxis.label(Math.log10(0.05)));
    }

    @Test
    void withoutAnExactSolutionOnlyUIsDrawn() throws Exception {
        Figure figure = SolutionFigure.create(untrained(Fixtures.withoutExact()), "KAN");
        assertEquals(1, figure.panelCount());
        Images.assertFigure(figure.write(dir, "only-u"), figure.width(), figure.height());
    }

    @Test
    void oneDimensionalSolutionIsDrawnAsLines() throws Exception {
        Figure figure = SolutionFigure.create(untrained(Fixtures.poisson1d()), "KAN [1,3,1]");
        assertEquals(2, figure.panelCount(), "u with u*, and the error");
        Images.assertFigure(figure.write(dir, "line"), figure.width(), figure.height());
    }

    @Test
    void threeDimensionalSolutionIsDrawnOnTheMiddleSlice() throws Exception {
        Problem problem = Fixtures.poisson3d();
        Figure figure = SolutionFigure.create(new Solution(problem, Mlp.tanh(1, 3, 6, 1)), "MLP [3,6,1]");
        assertEquals(4, figure.panelCount());
        assertTrue(figure.caption().contains("slice z = 0.5"), figure.caption());
        Images.assertFigure(figure.write(dir, "slice"), figure.width(), figure.height());
        PlaneGrid grid = PlaneGrid.of(problem.domain(), 20);
        assertTrue(grid.isSlice());
        assertEquals(0.5, grid.slice(), 0);
        assertEquals(0.5, grid.point(0)[2], 0);
    }

    @Test
    void cellsOutsideTheDomainAreNaN() {
        PlaneGrid grid = PlaneGrid.of(Polygon.lShape(), 20);
        assertEquals(20, grid.nx());
        assertEquals(20, grid.ny());
        assertEquals(300, grid.pointCount(), "three quarters of the 400 cells");
        double[] cells = grid.cells(filled(grid.pointCount(), 1.0));
        // the missing quadrant is x > 0, y < 0: cell (15, 5)
        assertTrue(Double.isNaN(cells[5 * 20 + 15]));
        assertEquals(1.0, cells[5 * 20 + 5]);
        assertEquals(1.0, cells[15 * 20 + 15]);
    }

    @Test
    void diskMapIsBlankOutsideTheDisk() {
        BufferedImage image = render(Fixtures.disk());
        assertBlank(image, 0.95, 0.95);
        assertBlank(image, -0.95, 0.95);
        assertBlank(image, -0.9, -0.9);
        assertPainted(image, 0, 0);
        assertPainted(image, 0.6, -0.6);
    }

    @Test
    void lShapeMapIsBlankInTheMissingQuadrant() {
        BufferedImage image = render(Polygon.lShape());
        assertBlank(image, 0.5, -0.5);
        assertBlank(image, 0.9, -0.1);
        assertPainted(image, -0.5, -0.5);
        assertPainted(image, 0.5, 0.5);
    }

    private XYPlot plot;
    private Rectangle2D dataArea;

    /** A heat map of a non-constant field over the domain, rendered at 500 x 460. */
    private BufferedImage render(Domain domain) {
        PlaneGrid grid = PlaneGrid.of(domain, 100);
        double[] values = new double[grid.pointCount()];
        for (int p = 0; p < values.length; p++) {
            double[] z = grid.point(p);
            values[p] = z[0] + 2 * z[1];
        }
        JFreeChart chart = HeatMap.chart("map", grid, grid.cells(values), ColourScale.spanning(ColourMap.VIRIDIS, values),
                "u", false);
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage image = chart.createBufferedImage(500, 460, info);
        plot = (XYPlot) chart.getPlot();
        dataArea = info.getPlotInfo().getDataArea();
        return image;
    }

    private int pixel(BufferedImage image, double x, double y) {
        int px = (int) Math.round(plot.getDomainAxis().valueToJava2D(x, dataArea, RectangleEdge.BOTTOM));
        int py = (int) Math.round(plot.getRangeAxis().valueToJava2D(y, dataArea, RectangleEdge.LEFT));
        return image.getRGB(px, py) & 0xFFFFFF;
    }

    private void assertBlank(BufferedImage image, double x, double y) {
        assertEquals(0xFFFFFF, pixel(image, x, y), "(" + x + ", " + y + ") is outside the domain and must stay white");
    }

    private void assertPainted(BufferedImage image, double x, double y) {
        assertTrue(pixel(image, x, y) != 0xFFFFFF, "(" + x + ", " + y + ") is inside the domain and must be coloured");
    }

    @Test
    void mapsKeepTheDomainsProportions() {
        for (Domain domain : new Domain[] {Fixtures.disk(), new org.kanpde.solver.geometry.Box(new double[] {0, 0},
                new double[] {2, 1})}) {
            PlaneGrid grid = PlaneGrid.of(domain, 40);
            double[] values = filled(grid.pointCount(), 0.5);
            values[0] = 0;
            JFreeChart chart = HeatMap.chart("map", grid, grid.cells(values), ColourScale.spanning(ColourMap.VIRIDIS, values),
                    "u", false);
            double aspect = (grid.y1() - grid.y0()) / (grid.x1() - grid.x0());
            AspectLockedChart locked = new AspectLockedChart(chart, aspect);
            org.jfree.chart.ui.RectangleInsets original = chart.getPadding();
            for (Rectangle2D area : new Rectangle2D[] {new Rectangle2D.Double(0, 0, 560, 400),
                    new Rectangle2D.Double(0, 0, 400, 700)}) {
                chart.setPadding(locked.padding(area));
                Rectangle2D data = locked.measure(area);
                chart.setPadding(original);
                assertEquals(aspect, data.getHeight() / data.getWidth(), 0.02, "data area " + data + " in " + area);
            }
        }
    }

    @Test
    void errorScaleIgnoresIsolatedZeroCrossings() {
        double[] log = filled(1000, -3);
        log[0] = -15;
        log[1] = Double.NEGATIVE_INFINITY;
        log[2] = -1;
        ColourScale scale = SolutionFigure.errorScale(log);
        assertEquals(-1, scale.getUpperBound(), 0);
        assertEquals(-3, scale.getLowerBound(), 0, "the 2nd percentile, not the outliers");
        ColourScale flat = SolutionFigure.errorScale(filled(10, -6));
        assertEquals(2, flat.getUpperBound() - flat.getLowerBound(), 0, "at least two decades");
    }

    @Test
    void rejectsBadArguments() {
        Solution solution = untrained(Fixtures.poisson2d());
        try (ParallelRunner runner = new ParallelRunner(1)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SolutionFigure.create(solution, "x", 1, runner));
            assertTrue(e.getMessage().contains("got 1"), e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SolutionFigure.create(solution, "x", 50, null));
        assertTrue(e.getMessage().contains("null"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SolutionFigure.create(solution, " "));
        assertTrue(e.getMessage().contains("' '"), e.getMessage());
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }
}
