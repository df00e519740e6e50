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
        assertFalse(linked.isEmpty());
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

    @Test
    void formatsNumbers() {
        assertEquals("1.23e-04", HtmlReport.scientific(1.2345e-4));
        assertEquals("0.05", HtmlReport.seconds(0.0512));
        assertEquals("12.3", HtmlReport.seconds(12.34));
        assertEquals("1,235", HtmlReport.seconds(1234.6));
    }
}
