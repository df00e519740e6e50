package org.kanpde.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kanpde.net.kan.Kan;
import org.kanpde.net.mlp.Mlp;
import org.kanpde.solver.geometry.SamplingScheme;
import org.kanpde.solver.problem.Problem;
import org.kanpde.solver.residual.HardDirichletFunction;
import org.kanpde.solver.train.Solution;
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
