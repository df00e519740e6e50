package org.kanpde.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kanpde.net.kan.Kan;
import org.kanpde.net.mlp.Mlp;
import org.kanpde.solver.geometry.SamplingScheme;
import org.kanpde.solver.problem.Problem;
import org.kanpde.solver.residual.HardDirichletFunction;
import org.kanpde.solver.solution.Solution;
import org.kanpde.solver.train.TrainingResult;

class KanEdgeFigureTest {
    @TempDir
    Path dir;

    @Test
    void drawsTheEdgesOfATrainedKan() throws Exception {
        TrainingResult result = Fixtures.trainKan(Fixtures.poisson2d());
        Figure figure = KanEdgeFigure.create(result.solution(), "KAN [2,2,1]");
        assertEquals(2 + 4 + 2, figure.panelCount(), "a heading per layer and a panel per edge");
        assertTrue(figure.title().startsWith("KAN [2,2,1]"), figure.title());
        Images.assertFigure(figure.write(dir, "edges"), figure.width(), figure.height());
    }

    @Test
    void importanceIsNormalizedPerLayerAndRangesAreTheInputsSeen() {
        Kan kan = Kan.builder().widths(2, 3, 2, 1).gridSize(5).inputRange(-1, 1).seed(11).build();
        double[] points = Fixtures.disk().sampleInterior(500, SamplingScheme.SOBOL, 0).coordinates();
        List<KanEdgeFigure.EdgeCurve> curves = KanEdgeFigure.edges(kan, points);
        assertEquals(6 + 6 + 2, curves.size());
        double[][] nodes = kan.nodeValues(points);
        for (int l = 0; l < 3; l++) {
            double max = 0;
            for (KanEdgeFigure.EdgeCurve c : curves) {
                if (c.layer() != l) {
                    continue;
                }
                assertTrue(c.importance() >= 0 && c.importance() <= 1, "importance " + c.importance());
                max = Math.max(max, c.importance());
                int width = kan.widths()[l];
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (int t = 0; t < 500; t++) {
                    lo = Math.min(lo, nodes[l][t * width + c.from()]);
                    hi = Math.max(hi, nodes[l][t * width + c.from()]);
                }
                assertEquals(lo, c.lower(), 1e-12);
                assertEquals(hi, c.upper(), 1e-12);
                double[] out = new double[4];
                kan.edge(l, c.to(), c.from(), c.x()[7], out);
                assertEquals(out[0], c.phi()[7], 1e-15);
            }
            assertEquals(1.0, max, 1e-12, "the most active edge of layer " + l);
        }
        // inputs of a disk stay inside [-1, 1]
        assertTrue(curves.get(0).lower() > -1 && curves.get(0).upper() < 1);
    }

    @Test
    void drawsTheNetworkInsideAHardDirichletSolution() throws Exception {
        Problem problem = Fixtures.poisson2d();
        Kan kan = Kan.builder().widths(2, 2, 1).gridSize(5).inputRange(-1, 1).seed(2).build();
        HardDirichletFunction hard = new HardDirichletFunction(kan, problem.boundaryCondition(0).data(),
                problem.domain().distance());
        Solution solution = new Solution(problem, hard);
        assertTrue(KanEdgeFigure.kanOf(solution.function()).isPresent());
        Figure figure = KanEdgeFigure.create(solution, "hard KAN");
        assertTrue(figure.title().contains("network v"), figure.title());
        Images.assertFigure(figure.write(dir, "hard"), figure.width(), figure.height());
    }

    @Test
    void refusesNetworksThatAreNotKans() {
        Problem problem = Fixtures.poisson2d();
        Solution mlp = new Solution(problem, Mlp.tanh(1, 2, 5, 1));
        assertFalse(KanEdgeFigure.kanOf(mlp.function()).isPresent());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KanEdgeFigure.create(mlp, "MLP"));
        assertTrue(e.getMessage().contains("MLP [2,5,1]"), e.getMessage());
        Kan kan1d = Kan.builder().widths(1, 2, 1).seed(1).build();
        e = assertThrows(IllegalArgumentException.class,
                () -> KanEdgeFigure.create(kan1d, problem.domain(), "t", "u"));
        assertTrue(e.getMessage().contains("1-D") && e.getMessage().contains("2-D"), e.getMessage());
    }

    /** The edge panels of a figure by their title's first words, e.g. "x → h3". */
    private static java.util.Map<String, Figure.Panel> panelsByEdge(Figure figure) {
        java.util.Map<String, Figure.Panel> out = new java.util.HashMap<>();
        for (Figure.Panel p : figure.panels()) {
            if (p.content() instanceof JFreeChart chart) {
                out.put(chart.getTitle().getText().split("   ")[0], p);
            }
        }
        return out;
    }

    @Test
    void panelsFollowTheNetworkOneColumnPerHiddenUnit() {
        Kan kan = Kan.builder().widths(2, 5, 1).gridSize(5).inputRange(-1, 1).seed(3).build();
        Figure figure = KanEdgeFigure.create(kan, Fixtures.poisson2d().domain(), "edges", "u");
        java.util.Map<String, Figure.Panel> edges = panelsByEdge(figure);
        assertEquals(15, edges.size());
        for (int k = 1; k <= 5; k++) {
            Figure.Panel x = edges.get("x → h" + k);
            Figure.Panel y = edges.get("y → h" + k);
            Figure.Panel out = edges.get("h" + k + " → u");
            assertEquals(x.x(), y.x(), 1e-12, "x → h" + k + " above y → h" + k);
            assertEquals(x.x(), out.x(), 1e-12, "h" + k + " → u below its unit's column");
            assertTrue(x.y() < y.y() && y.y() < out.y(), "x row, then y row, then the output layer");
        }
        assertEquals(5 * KanEdgeFigure.PANEL_WIDTH, figure.width(), "five columns");
    }

    @Test
    void panelsOfALayerShareOneYScale() {
        Kan kan = Kan.builder().widths(2, 3, 1).gridSize(5).inputRange(-1, 1).seed(5).build();
        Figure figure = KanEdgeFigure.create(kan, Fixtures.poisson2d().domain(), "edges", "u");
        java.util.Map<Integer, Double> spans = new java.util.HashMap<>();
        for (Figure.Panel p : panelsByEdge(figure).values()) {
            JFreeChart chart = (JFreeChart) p.content();
            int layer = chart.getTitle().getText().startsWith("h") ? 1 : 0;
            double span = chart.getXYPlot().getRangeAxis().getRange().getLength();
            Double first = spans.putIfAbsent(layer, span);
            if (first != null) {
                assertEquals(first, span, 1e-9 * first, "one y span in layer " + layer);
            }
        }
        assertEquals(2, spans.size());
    }

    @Test
    void theSubtitleMentionsGridEndsOnlyWhereTheyAreDrawn() {
        // a grid over [-1, 1] covers all first-layer inputs of the square: no end lies inside a panel
        Kan covering = Kan.builder().widths(2, 2, 1).gridSize(5).inputRange(-1, 1).seed(2).build();
        Figure plain = KanEdgeFigure.create(covering, Fixtures.poisson2d().domain(), "edges", "u");
        List<Double> ends = domainMarkers(plain, "x → h1");
        assertFalse(plain.subtitle().contains("dotted"), plain.subtitle());
        assertTrue(ends.isEmpty(), "no grid end drawn: " + ends);
        // a grid over [-0.5, 0.5] ends inside the inputs' range [-1, 1]
        Kan narrow = Kan.builder().widths(2, 2, 1).gridSize(5).inputRange(-0.5, 0.5).seed(2).build();
        Figure marked = KanEdgeFigure.create(narrow, Fixtures.poisson2d().domain(), "edges", "u");
        assertTrue(marked.subtitle().contains("dotted: end of spline grid"), marked.subtitle());
        assertEquals(2, domainMarkers(marked, "x → h1").size(), "both ends of the grid");
        assertTrue(marked.caption().contains("Dotted vertical lines"), marked.caption());
    }

    private static List<Double> domainMarkers(Figure figure, String edge) {
        JFreeChart chart = (JFreeChart) panelsByEdge(figure).get(edge).content();
        java.util.Collection<?> markers = chart.getXYPlot().getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND);
        List<Double> out = new java.util.ArrayList<>();
        if (markers != null) {
            for (Object m : markers) {
                out.add(((org.jfree.chart.plot.ValueMarker) m).getValue());
            }
        }
        return out;
    }

    @Test
    void namesNodesByLayer() {
        Kan deep = Kan.builder().widths(3, 4, 2, 1).seed(1).build();
        assertEquals("z", KanEdgeFigure.nodeName(deep, 0, 2, "u"));
        assertEquals("h1.4", KanEdgeFigure.nodeName(deep, 1, 3, "u"));
        assertEquals("h2.1", KanEdgeFigure.nodeName(deep, 2, 0, "u"));
        assertEquals("v", KanEdgeFigure.nodeName(deep, 3, 0, "v"));
        Kan shallow = Kan.builder().widths(2, 5, 1).seed(1).build();
        assertEquals("h5", KanEdgeFigure.nodeName(shallow, 1, 4, "u"));
    }
}
