package org.kanpde.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.kanpde.solver.train.HistoryEntry;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConvergenceFigureTest {
    @TempDir
    Path dir;

    private List<LabelledRun> runs;

    @BeforeAll
    void train() {
        runs = Fixtures.kanAndMlp(Fixtures.poisson2d());
    }

    @Test
    void writesOneFigureAgainstIterationAndOneAgainstTime() throws Exception {
        List<FigureFiles> files = ConvergenceFigure.ofRuns(runs).write(dir, "conv", 900, 700);
        assertEquals(2, files.size());
        assertEquals(dir.resolve("conv-iteration.png"), files.get(0).png());
        assertEquals(dir.resolve("conv-time.svg"), files.get(1).svg());
        assertTrue(files.get(0).title().contains("iteration"), files.get(0).title());
        assertTrue(files.get(1).title().contains("wall time"), files.get(1).title());
        for (FigureFiles f : files) {
            Images.assertFigure(f, 900, 700);
        }
    }

    @Test
    void legendGivesEachRunWithItsParameterCount() {
        JFreeChart chart = ConvergenceFigure.ofRuns(runs).chart(ConvergenceFigure.Against.ITERATION);
        LegendItemCollection items = chart.getPlot().getLegendItems();
        List<String> labels = new ArrayList<>();
        for (int t = 0; t < items.getItemCount(); t++) {
            labels.add(items.get(t).getLabel());
        }
        int kanStart = runs.get(0).result().history().get(0).parameters();
        int kanEnd = runs.get(0).result().solution().parameterCount();
        int mlp = runs.get(1).result().solution().parameterCount();
        assertEquals(List.of("KAN [2,2,1] (" + kanStart + "→" + kanEnd + " parameters)",
                "MLP [2,8,1] (" + mlp + " parameters)", "grid extension"), labels);
        assertTrue(kanEnd > kanStart, "the KAN grew at its grid extension");
    }

    @Test
    void marksTheGridExtensionOnTheKanCurvesOnly() {
        ConvergenceFigure figure = ConvergenceFigure.ofRuns(runs);
        JFreeChart chart = figure.chart(ConvergenceFigure.Against.WALL_TIME);
        CombinedDomainXYPlot plot = (CombinedDomainXYPlot) chart.getPlot();
        assertEquals(2, plot.getSubplots().size(), "loss and error panels");
        int lastOfStage0 = -1;
        List<HistoryEntry> kan = runs.get(0).result().history();
        for (int t = 0; t < kan.size(); t++) {
            if (kan.get(t).stage() == 0) {
                lastOfStage0 = t;
            }
        }
        assertEquals(List.of(kan.get(lastOfStage0).seconds()), figure.stageBoundaries(0, ConvergenceFigure.Against.WALL_TIME, true));
        assertEquals(List.of(), figure.stageBoundaries(0, ConvergenceFigure.Against.WALL_TIME, false));
        assertEquals(List.of(), figure.stageBoundaries(1, ConvergenceFigure.Against.WALL_TIME, true), "the MLP never grew");
        for (XYPlot panel : plot.getSubplots()) {
            // one vertical line across each panel, at the KAN's extension, and none for the MLP
            Collection<?> lines = panel.getDomainMarkers(Layer.FOREGROUND);
            assertEquals(1, lines.size(), "one line per panel");
            ValueMarker line = (ValueMarker) lines.iterator().next();
            assertEquals(kan.get(lastOfStage0).seconds(), line.getValue(), 1e-12);
            assertTrue(((BasicStroke) line.getStroke()).getDashArray() != null, "dashed, unlike the curves' solid KAN line");
        }
        // no mark sits on the curves any more: dataset 0 holds only the runs' markers, one series per run
        assertEquals(2, plot.getSubplots().get(0).getDataset(0).getSeriesCount());
    }

    @Test
    void leavesOutTheErrorPanelWhenNoErrorWasMeasured() throws Exception {
        List<HistoryEntry> h = List.of(new HistoryEntry(0, 0, 0.0, 10, Double.NaN, 20),
                new HistoryEntry(0, 1, 0.1, 1, Double.NaN, 20), new HistoryEntry(0, 2, 0.2, 0.0, Double.NaN, 20),
                new HistoryEntry(1, 3, 0.3, 0.1, Double.NaN, 20));
        ConvergenceFigure figure = ConvergenceFigure.ofHistories(List.of("no exact"), List.of(h));
        assertFalse(figure.hasErrors());
        JFreeChart chart = figure.chart(ConvergenceFigure.Against.ITERATION);
        CombinedDomainXYPlot plot = (CombinedDomainXYPlot) chart.getPlot();
        assertEquals(1, plot.getSubplots().size());
        XYPlot loss = plot.getSubplots().get(0);
        assertEquals(3, loss.getDataset(1).getItemCount(0), "the zero loss cannot be drawn on a log axis");
        assertEquals(List.of(2.0), figure.stageBoundaries(0, ConvergenceFigure.Against.ITERATION, false),
                "one stage change without new parameters");
        assertEquals(1, loss.getDomainMarkers(Layer.FOREGROUND).size(), "drawn as one vertical line");
        assertTrue(figure.caption().contains("no exact solution") && figure.caption().contains("Dotted"), figure.caption());
        Images.assertPng(writePng(figure), 800, 600);
    }

    private Path writePng(ConvergenceFigure figure) throws Exception {
        return figure.figure(ConvergenceFigure.Against.ITERATION, 800, 600).writePng(dir.resolve("one.png"));
    }

    @Test
    void rejectsEmptyAndMismatchedInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConvergenceFigure.ofRuns(List.of()));
        assertTrue(e.getMessage().contains("at least one run"), e.getMessage());
        List<HistoryEntry> h = runs.get(0).result().history();
        e = assertThrows(IllegalArgumentException.class,
                () -> ConvergenceFigure.ofHistories(List.of("a", "b"), List.of(h)));
        assertTrue(e.getMessage().contains("2 labels for 1 histories"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ConvergenceFigure.ofHistories(List.of("empty run"), List.of(List.of())));
        assertTrue(e.getMessage().contains("'empty run'") && e.getMessage().contains("empty"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ConvergenceFigure.ofHistories(List.of(" "), List.of(h)));
        assertTrue(e.getMessage().contains("label 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ConvergenceFigure.ofRuns(runs).write(dir, "bad", -1, 100));
        assertTrue(e.getMessage().contains("got -1"), e.getMessage());
    }
}
