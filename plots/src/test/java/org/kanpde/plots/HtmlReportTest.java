package org.kanpde.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jfree.chart.ChartFactory;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kanpde.solver.geometry.Box;
import org.kanpde.solver.problem.BoundaryCondition;
import org.kanpde.solver.problem.Field;
import org.kanpde.solver.problem.Problem;
import org.kanpde.solver.optim.Adam;
import org.kanpde.solver.optim.Lbfgs;
import org.kanpde.solver.optim.LevenbergMarquardt;
import org.kanpde.solver.train.Stage;
import org.kanpde.solver.train.StageReport;
import org.kanpde.solver.train.StopReason;
import org.kanpde.solver.train.Training;
import org.kanpde.solver.collocation.Collocation;

class HtmlReportTest {
    private static final Pattern LINK = Pattern.compile("(?:src|href)=\"([^\"]*)\"");

    @TempDir
    Path dir;

    private FigureFiles figure(Path where, String name) throws Exception {
        XYSeries s = new XYSeries("s");
        for (int t = 0; t < 20; t++) {
            s.add(t, t * t);
        }
        return Figure.of(Theme.apply(ChartFactory.createXYLineChart("Figure " + name, "x", "y",
                new XYSeriesCollection(s))), 400, 300).write(where, name);
    }

    private HtmlReport report(List<FigureFiles> figures) {
        return HtmlReport.builder("KAN & MLP on <poisson>").problem(Fixtures.poisson2d())
                .equation("-Δu = f in Ω, u = g on ∂Ω").exactSolution("u = sin(πx) sin(πy)")
                .run(new RunSummary("KAN [2,5,1]", 855, 1200, 120.4, 3.2e-8, 1.1e-7, 4.4e-6))
                .run(new RunSummary("MLP <b>[2,20,20,1]</b>", 501, 300, 95.0, 7.4e-7, null, null))
                .figures(figures).note("seed 1; \"quoted\" & <tagged> text").build();
    }

    /** The links of a page, resolved against its directory. */
    static List<Path> links(Path html) throws Exception {
        String page = Files.readString(html, StandardCharsets.UTF_8);
        Matcher m = LINK.matcher(page);
        List<Path> out = new ArrayList<>();
        while (m.find()) {
            String href = m.group(1).replace("&amp;", "&");
            URI uri = new URI(href);
            assertEquals(null, uri.getScheme(), "only relative links: " + href);
            out.add(html.getParent().resolve(uri.getPath()).toAbsolutePath().normalize());
        }
        return out;
    }

    @Test
    void linksOnlyToFilesThatExist() throws Exception {
        Path figures = dir.resolve("fig s");
        List<FigureFiles> files = List.of(figure(figures, "one"), figure(figures, "two#2"));
        HtmlReport report = report(files);
        Path html = report.write(dir);
        assertEquals(dir.resolve(HtmlReport.FILE_NAME), html);
        List<Path> linked = links(html);
        // each figure as an image and as the SVG behind it, and nothing else
        assertEquals(Set.of(figures.resolve("one.png"), figures.resolve("one.svg"), figures.resolve("two#2.png"),
                figures.resolve("two#2.svg")), new HashSet<>(linked));
        for (Path p : linked) {
            assertTrue(Files.isRegularFile(p), "the page links to " + p + ", which does not exist");
        }
        Set<Path> referenced = new HashSet<>(report.referencedFiles(dir));
        assertEquals(4, referenced.size());
        assertEquals(referenced, new HashSet<>(linked), "referencedFiles lists exactly what the page links to");
        String page = Files.readString(html);
        assertTrue(page.contains("fig%20s/two%232.png"), "names are percent-encoded");
        assertTrue(page.contains("width=\"400\" height=\"300\""), "images carry their size");
    }

    @Test
    void showsTheProblemAndTheTableValues() throws Exception {
        String page = Files.readString(report(List.of(figure(dir, "f"))).write(dir));
        for (String expected : new String[] {"poisson2d-test", "manufactured sine solution in 2-D",
                "-Δu = f in Ω, u = g on ∂Ω", "u = sin(πx) sin(πy)", "[-1, 1] × [-1, 1]", "Dirichlet on all 4 boundary parts",
                "855", "1,200", "120", "3.20e-08", "1.10e-07", "4.40e-06", "501", "300", "95.0", "7.40e-07"}) {
            assertTrue(page.contains(expected), "missing " + expected);
        }
        assertTrue(page.contains("<strong>3.20e-08</strong>"), "the lowest error is bold");
        assertTrue(page.contains("<strong>95.0</strong>"), "the shortest time is bold");
        assertTrue(page.contains("—"), "unknown values are shown as a dash");
    }

    @Test
    void escapesEveryText() throws Exception {
        String page = report(List.of()).html(dir);
        assertTrue(page.contains("<title>KAN &amp; MLP on &lt;poisson&gt;</title>"), page);
        assertTrue(page.contains("MLP &lt;b&gt;[2,20,20,1]&lt;/b&gt;"));
        assertTrue(page.contains("seed 1; &quot;quoted&quot; &amp; &lt;tagged&gt; text"));
        assertFalse(page.contains("<b>"));
        assertFalse(page.contains("<tagged>"));
    }

    @Test
    void isSelfContained() throws Exception {
        String page = report(List.of(figure(dir, "f"))).html(dir);
        assertFalse(page.contains("http://") || page.contains("https://") || page.contains("//cdn"), "no network links");
        assertFalse(page.contains("<script") || page.contains("<link"), "no scripts or external style sheets");
        assertTrue(page.contains("<style>"), "inline CSS");
    }

    @Test
    void rejectsMissingFiguresAndADirectoryThatIsAFile() throws Exception {
        FigureFiles f = figure(dir, "gone");
        Files.delete(f.svg());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> report(List.of(f)).write(dir));
        assertTrue(e.getMessage().contains("gone.svg") && e.getMessage().contains("does not exist"), e.getMessage());
        Path file = Files.writeString(dir.resolve("report-as-file"), "x");
        e = assertThrows(IllegalArgumentException.class, () -> report(List.of()).write(file));
        assertTrue(e.getMessage().contains("report-as-file"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> HtmlReport.builder(""));
        assertTrue(e.getMessage().contains("''"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RunSummary(" ", 1, 1, 1.0, 1.0, 1.0, 1.0));
    }

    /** A stage report of an LM stage with an iteration limit. */
    private static StageReport stage(int index, int grid, int done, int limit, double seconds, StopReason reason) {
        Stage stage = Stage.of(new LevenbergMarquardt()).withIterations(limit);
        return new StageReport(index, grid > 0 ? stage.withGrid(grid) : stage, done, seconds, 1e-9, 1e-8, reason, 100);
    }

    private static RunSetup setup(int interior, int boundary, List<Stage> schedule) {
        Training training = Training.builder().collocation(Collocation.of(interior).withBoundaryPoints(boundary))
                .stages(schedule).build();
        return new RunSetup(training, 90, interior, boundary);
    }

    private static List<Stage> kanSchedule() {
        List<Stage> out = new ArrayList<>();
        int[] grids = {5, 10, 20, 50};
        int[] iterations = {150, 150, 300, 400};
        for (int t = 0; t < 4; t++) {
            out.add(Stage.of(new LevenbergMarquardt()).withGrid(grids[t]).withIterations(iterations[t]));
        }
        return out;
    }

    /** The KAN vs MLP comparison of the review: both runs stopped by a 90 s budget, 90.143 s against 90.145 s. */
    private static List<RunSummary> timedOutRuns() {
        List<StageReport> kan = List.of(stage(0, 5, 150, 150, 8, StopReason.ITERATIONS),
                stage(1, 10, 150, 150, 9, StopReason.ITERATIONS), stage(2, 20, 300, 300, 20, StopReason.ITERATIONS),
                stage(3, 50, 330, 400, 53.143, StopReason.TIME));
        List<StageReport> mlp = List.of(stage(0, 0, 509, 600, 90.145, StopReason.TIME));
        return List.of(
                new RunSummary("KAN [2,5,1] G=50 k=5", 855, 930, 90.143, 7.24e-9, 1.01e-8, 1.26e-8,
                        setup(6000, 600, kanSchedule()), kan),
                new RunSummary("MLP [2,20,20,1] tanh", 501, 509, 90.145, 2.21e-5, 4.40e-5, 5.44e-5,
                        setup(3000, 300, List.of(Stage.of(new LevenbergMarquardt()).withIterations(600))), mlp));
    }

    @Test
    void statesEachRunsOwnPointsScheduleBudgetAndStop() {
        String page = HtmlReport.builder("t").runs(timedOutRuns()).build().html(dir);
        String kanRow = row(page, "KAN [2,5,1] G=50 k=5", 0);
        String mlpRow = row(page, "MLP [2,20,20,1] tanh", 0);
        assertTrue(kanRow.contains("6,000 + 600") && kanRow.contains("LM · G=5/10/20/50 · 150/150/300/400 it."), kanRow);
        assertTrue(mlpRow.contains("3,000 + 300") && mlpRow.contains("LM · 600 it."), mlpRow);
        assertFalse(mlpRow.contains("6,000"), "the MLP row must not claim the KAN's points: " + mlpRow);
        assertTrue(kanRow.contains(">90<") && mlpRow.contains(">90<"), "the time budget is shown");
        assertTrue(page.contains("<th>stopped by</th>"), "a stop column");
        assertTrue(row(page, "KAN [2,5,1] G=50 k=5", 1).contains("time limit"), "the results row says why it stopped");
        assertTrue(page.contains("4. LM G=50: 330 of 400 it., 53.1 s, time limit"), "the stage that hit the budget");
        assertTrue(page.contains("1. LM G=5: 150 of 150 it., 8.00 s, iterations"));
    }

    /** The n-th table row (0: setup, 1: results) whose first cell is {@code label}. */
    private static String row(String page, String label, int n) {
        int at = -1;
        for (int k = 0; k <= n; k++) {
            at = page.indexOf("<tr><td>" + Html.escape(label) + "</td>", at + 1);
            assertTrue(at >= 0, "no row " + n + " for " + label);
        }
        return page.substring(at, page.indexOf("</tr>", at));
    }

    @Test
    void noBoldWhereValuesTieOrTheBudgetStoppedTheRun() {
        String page = HtmlReport.builder("t").runs(timedOutRuns()).build().html(dir);
        assertFalse(page.contains("<strong>90.1</strong>"), "90.143 and 90.145 tie, and both hit the budget");
        assertTrue(page.contains("<strong>7.24e-09</strong>"), "a real difference stays bold");
        // a tie after rounding, and a difference within 1 %, are no wins either
        String ties = HtmlReport.builder("t")
                .run(new RunSummary("a", 10, 10, 12.31, 3.201e-8, 1.000e-7, null))
                .run(new RunSummary("b", 10, 10, 12.34, 3.204e-8, 1.009e-7, null)).build().html(dir);
        assertFalse(ties.contains("<strong>"), "no winner among ties: " + ties);
        // a run that finished its schedule can be the fastest against one the budget stopped
        List<RunSummary> runs = timedOutRuns();
        RunSummary done = new RunSummary("done", 10, 10, 60.0, 1.0, 1.0, 1.0, null,
                List.of(stage(0, 0, 10, 10, 60, StopReason.ITERATIONS)));
        String mixed = HtmlReport.builder("t").run(runs.get(1)).run(done).build().html(dir);
        assertTrue(mixed.contains("<strong>60.0</strong>"), "the finished run is faster");
        assertTrue(row(mixed, "done", 1).contains("schedule done"), row(mixed, "done", 1));
    }

    @Test
    void numbersNeverBreakAcrossLines() {
        String page = HtmlReport.builder("t").runs(timedOutRuns()).build().html(dir);
        assertTrue(Pattern.compile("td\\.num \\{[^}]*white-space: nowrap").matcher(page).find(), "numeric cells do not wrap");
        assertTrue(Pattern.compile("\\.table-wrap \\{[^}]*overflow-x: auto").matcher(page).find(), "wide tables scroll");
        Matcher cells = Pattern.compile("<td([^>]*)>(?:<strong>)?[-+0-9.e,]+(?:</strong>)?</td>").matcher(page);
        int numbers = 0;
        while (cells.find()) {
            numbers++;
            assertTrue(cells.group(1).contains("num"), "a number outside a num cell: " + cells.group());
        }
        assertTrue(numbers >= 12, "found " + numbers + " numeric cells");
        int tables = page.split("<table", -1).length - 1;
        assertEquals(tables, page.split("<div class=\"table-wrap\"><table", -1).length - 1, "every table is wrapped");
    }

    @Test
    void showsTheFormulasThatTheProblemsFieldsCarry() {
        Field u = Field.of(z -> Math.sin(Math.PI * z[0]) * Math.sin(Math.PI * z[1]), "sin(pi*x)*sin(pi*y)");
        Problem p = Problem.builder().name("formulas").description("-Laplace u = f on [-1, 1]^2, u = sin(pi x) sin(pi y)")
                .domain(new Box(new double[] {-1, -1}, new double[] {1, 1}))
                .source(Field.of(z -> 2 * Math.PI * Math.PI * u.value(z), "2*pi^2*sin(pi*x)*sin(pi*y)"))
                .boundary(BoundaryCondition.dirichlet(Field.constant(0)))
                .boundary("xmax", BoundaryCondition.neumann(Field.of(z -> -Math.PI * Math.sin(Math.PI * z[1]),
                        "-pi*sin(pi*y)")))
                .exact(u).build();
        String page = HtmlReport.builder("t").problem(p).build().html(dir);
        assertTrue(page.contains("u* = sin(πx) sin(πy)"), "exact formula");
        assertTrue(page.contains("f = 2π² sin(πx) sin(πy)"), "source formula");
        assertTrue(page.contains("−Δu = f"), "equation derived from the problem");
        assertTrue(page.contains("−Δu = f on [−1, 1]²"), "the description in the same notation");
        assertTrue(page.contains("Dirichlet on xmin, ymin, ymax: u = 0"), page);
        assertTrue(page.contains("Neumann on xmax: ∂u/∂n = −π sin(πy)"), page);
    }

    @Test
    void neverCallsAKnownExactSolutionUnknownOrAValuesOnlyFieldAFormula() {
        String page = report(List.of()).html(dir);
        Problem lambdas = Fixtures.poisson2d();
        String plain = HtmlReport.builder("t").problem(lambdas).build().html(dir);
        assertTrue(plain.contains("known, given as code"), "the fixture's exact solution is a lambda");
        assertFalse(plain.contains("no formula given") || plain.contains(">unknown"), plain);
        assertFalse(plain.contains("field given by values") || plain.contains("Lambda") || plain.contains("SmoothField"),
                "no class names or placeholders shown as formulas");
        assertTrue(plain.contains("Dirichlet on all 4 boundary parts: u = g (g given as code)"), plain);
        assertTrue(page.contains("u = sin(πx) sin(πy)"), "an explicit formula wins");
        String none = HtmlReport.builder("t").problem(Fixtures.withoutExact()).build().html(dir);
        assertTrue(none.contains("unknown (errors cannot be measured)"), none);
        assertTrue(none.contains("u = 0") && none.contains("f = 1"), "constants are formulas");
    }

    @Test
    void captionsSayWhatIsPlotted() throws Exception {
        FigureFiles f = figure(dir, "c");
        FigureFiles captioned = new FigureFiles(f.title(), f.png(), f.svg(), "Loss <above>, error below.");
        String page = HtmlReport.builder("t").figure(captioned).build().html(dir);
        assertTrue(page.contains("<figcaption><strong>Figure c.</strong> Loss &lt;above&gt;, error below."), page);
    }

    @Test
    void formatsNumbers() {
        assertEquals("1.23e-04", HtmlReport.scientific(1.2345e-4));
        assertEquals("0.05", HtmlReport.seconds(0.0512));
        assertEquals("12.3", HtmlReport.seconds(12.34));
        assertEquals("1,235", HtmlReport.seconds(1234.6));
    }
}
