package org.kanpde.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.kanpde.solver.problem.Problem;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComparisonFiguresTest {
    @TempDir
    Path dir;

    private Problem problem;
    private List<LabelledRun> runs;

    @BeforeAll
    void train() {
        problem = Fixtures.poisson2d();
        runs = Fixtures.kanAndMlp(problem);
    }

    @Test
    void writesEveryApplicableFigureAndAReportOverThem() throws Exception {
        Path out = dir.resolve("compare");
        List<FigureFiles> figures = new ComparisonFigures().withResolution(60).withThreads(2).write(problem, runs, out);
        List<String> names = new ArrayList<>();
        for (FigureFiles f : figures) {
            names.add(f.png().getFileName().toString());
            assertTrue(Files.isRegularFile(f.png()) && Files.isRegularFile(f.svg()), f.toString());
        }
        assertEquals(List.of("convergence-iteration.png", "convergence-time.png", "solution-kan-2-2-1.png",
                "solution-mlp-2-8-1.png", "kan-edges-kan-2-2-1.png"), names, "no edge figure for the MLP");
        assertEquals(10, ComparisonFigures.files(figures).size());
        Images.assertFigure(figures.get(0), ConvergenceFigure.WIDTH, ConvergenceFigure.HEIGHT);
        Images.assertPng(figures.get(2).png(), 2 * SolutionFigure.MAP_WIDTH,
                2 * SolutionFigure.MAP_HEIGHT + Figure.titleHeight(true));
        for (FigureFiles f : figures) {
            assertFalse(f.caption().isBlank(), "every figure says what it plots: " + f.title());
            // every SVG parses as XML and has the size of its PNG
            java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(f.png().toFile());
            Images.assertSvg(f.svg(), png.getWidth(), png.getHeight());
        }

        HtmlReport report = HtmlReport.builder("KAN vs MLP").problem(problem).runs(runs.stream().map(RunSummary::of).toList())
                .figures(figures).build();
        Path html = report.write(out);
        for (Path p : HtmlReportTest.links(html)) {
            assertTrue(Files.isRegularFile(p), "linked but missing: " + p);
        }
        String page = Files.readString(html);
        assertTrue(page.contains(HtmlReport.scientific(runs.get(0).result().metrics().relL2())), "KAN error in the table");
        assertTrue(page.contains(String.valueOf(runs.get(1).result().solution().parameterCount())), "MLP size in the table");
    }

    @Test
    void slugsAreFileNameSafe() {
        assertEquals("kan-2-5-1-g-5-10", ComparisonFigures.slug("KAN [2,5,1] G=5→10"));
        assertEquals("run", ComparisonFigures.slug("→"));
    }

    @Test
    void sameLabelTwiceWritesTwoSolutionFigures() throws Exception {
        List<LabelledRun> twice = List.of(new LabelledRun("KAN", runs.get(0).result()),
                new LabelledRun("KAN", runs.get(0).result()));
        List<FigureFiles> figures = new ComparisonFigures().withResolution(20).write(problem, twice, dir.resolve("twice"));
        assertTrue(Files.isRegularFile(dir.resolve("twice/solution-kan.png")));
        assertTrue(Files.isRegularFile(dir.resolve("twice/solution-kan-2.png")));
        assertEquals(6, figures.size());
    }

    @Test
    void rejectsBadInput() throws Exception {
        ComparisonFigures figures = new ComparisonFigures();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> figures.write(problem, List.of(), dir));
        assertTrue(e.getMessage().contains("no runs"), e.getMessage());
        Problem other = Fixtures.on(Fixtures.disk(), "disk-problem");
        e = assertThrows(IllegalArgumentException.class, () -> figures.write(other, runs, dir));
        assertTrue(e.getMessage().contains("poisson2d-test") && e.getMessage().contains("disk-problem"), e.getMessage());
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        e = assertThrows(IllegalArgumentException.class, () -> figures.write(problem, runs, file));
        assertTrue(e.getMessage().contains("not-a-dir"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> figures.withResolution(0));
        assertTrue(e.getMessage().contains("got 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> figures.withThreads(0));
        assertTrue(e.getMessage().contains("got 0"), e.getMessage());
    }
}
