package org.kanpde.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FigureTest {
    @TempDir
    Path dir;

    private static JFreeChart chart(String title) {
        XYSeries s = new XYSeries("sine");
        for (int t = 0; t <= 100; t++) {
            s.add(t / 10.0, Math.sin(t / 10.0));
        }
        return Theme.apply(ChartFactory.createXYLineChart(title, "x", "y", new XYSeriesCollection(s)));
    }

    @Test
    void writesPngAndSvgOfTheRequestedSize() throws Exception {
        FigureFiles files = Figure.of(chart("A sine"), 640, 480).write(dir, "sine");
        assertEquals(dir.resolve("sine.png"), files.png());
        assertEquals(dir.resolve("sine.svg"), files.svg());
        assertEquals("A sine", files.title());
        Images.assertFigure(files, 640, 480);
        String svg = Files.readString(files.svg(), StandardCharsets.UTF_8);
        assertTrue(svg.contains("A sine"), "the SVG keeps the title as text");
        assertTrue(!svg.contains("<!DOCTYPE"), "no DOCTYPE pointing at a remote DTD");
    }

    @Test
    void createsTheDirectoryAndLeavesNoTemporaryFiles() throws Exception {
        Path nested = dir.resolve("a/b");
        Figure figure = Figure.of(chart("Twice"), 300, 200);
        figure.write(nested, "twice");
        figure.withSize(320, 240).write(nested, "twice");
        try (Stream<Path> files = Files.list(nested)) {
            assertEquals(List.of("twice.png", "twice.svg"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        Images.assertPng(nested.resolve("twice.png"), 320, 240);
    }

    @Test
    void gridPutsEveryPanelInItsCell() {
        Figure figure = Figure.grid("Two panels", "left and right", List.of(chart("left"), chart("right")), 2, 800, 400);
        assertEquals(2, figure.panelCount());
        BufferedImage image = figure.toImage();
        int top = Figure.titleHeight(true);
        assertTrue(Images.variance(image, 0, top, 400, 400 - top) > Images.BLANK_VARIANCE, "left panel drawn");
        assertTrue(Images.variance(image, 400, top, 400, 400 - top) > Images.BLANK_VARIANCE, "right panel drawn");
    }

    @Test
    void rejectsNonPositiveSizes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Figure.of(chart("t"), 0, 100));
        assertTrue(e.getMessage().contains("width") && e.getMessage().contains("got 0"), e.getMessage());
        Figure ok = Figure.of(chart("t"), 10, 10);
        e = assertThrows(IllegalArgumentException.class, () -> ok.withSize(100, -5));
        assertTrue(e.getMessage().contains("height") && e.getMessage().contains("got -5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ok.withSize(Figure.MAX_SIZE + 1, 10));
        assertTrue(e.getMessage().contains(String.valueOf(Figure.MAX_SIZE + 1)), e.getMessage());
    }

    @Test
    void rejectsADirectoryThatIsAFile() throws Exception {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Figure.of(chart("t"), 100, 100).write(file, "figure"));
        assertTrue(e.getMessage().contains("plain-file") && e.getMessage().contains("not a directory"), e.getMessage());
    }

    @Test
    void rejectsBadNamesAndUntitledFigures() {
        Figure figure = Figure.of(chart("t"), 100, 100);
        for (String bad : new String[] {"", " ", "../up", "a/b", ".hidden"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> figure.write(dir, bad));
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
        JFreeChart untitled = chart(null);
        assertThrows(IllegalArgumentException.class, () -> Figure.of(untitled, 100, 100));
        assertThrows(IllegalArgumentException.class, () -> Figure.grid(" ", null, List.of(chart("x")), 1, 100, 100));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Figure.grid("t", null, List.of(chart("x")), 0, 100, 100));
        assertTrue(e.getMessage().contains("got 0"), e.getMessage());
    }
}
