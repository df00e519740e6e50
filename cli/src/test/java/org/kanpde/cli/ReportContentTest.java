package org.kanpde.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of {@code kanpde compare} says what each run did: its own collocation points, schedule,
 * time budget and why it stopped; it marks no winner where there is none; it shows the problem's
 * formulas; and every file it links to exists and parses. One short comparison on a 1-D problem
 * file (formulas, so that the report has them to show) with the default point counts, which differ
 * between the KAN and the MLP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportContentTest {
    private static final Pattern LINK = Pattern.compile("(?:src|href)=\"([^\"]*)\"");

    @TempDir
    static Path dir;

    private Path out;
    private String page;
    private JsonNode result;

    @BeforeAll
    void compare() throws Exception {
        Path problem = Files.writeString(dir.resolve("sine1d.json"), "{ \"name\": \"sine1d\","
                + " \"description\": \"-u'' = f on [-1, 1], u = sin(pi x)\","
                + " \"domain\": { \"type\": \"box\", \"min\": [-1], \"max\": [1] },"
                + " \"source\": \"pi^2*sin(pi*x)\", \"boundary\": { \"type\": \"dirichlet\", \"value\": \"0\" },"
                + " \"exact\": \"sin(pi*x)\" }");
        out = dir.resolve("cmp");
        CliTestSupport.Outcome o = CliTestSupport.run("compare", "--problem", problem.toString(), "--time-limit", "2",
                "--threads", "1", "--out", out.toString(), "-q");
        assertEquals(0, o.code(), o.out() + o.err());
        page = Files.readString(out.resolve("report.html"));
        result = new ObjectMapper().readTree(out.resolve("result.json").toFile());
    }

    /** The first cells of the setup row (0) or results row (1) of a run. */
    private String row(String label, int n) {
        int at = -1;
        for (int k = 0; k <= n; k++) {
            at = page.indexOf("<tr><td>" + label + "</td>", at + 1);
            assertTrue(at >= 0, "no row " + n + " for " + label + " in\n" + page);
        }
        return page.substring(at, page.indexOf("</tr>", at));
    }

    private static String label(JsonNode run) {
        return run.get("model").get("description").asText();
    }

    @Test
    void eachRunStatesItsOwnPointsAndBudget() {
        int kanPoints = result.get("kan").get("interiorPoints").asInt();
        int mlpPoints = result.get("mlp").get("interiorPoints").asInt();
        assertTrue(kanPoints != mlpPoints, "the defaults differ (KAN " + kanPoints + ", MLP " + mlpPoints
                + "), which is what the report must not hide");
        for (String model : new String[] {"kan", "mlp"}) {
            JsonNode run = result.get(model);
            String setup = row(label(run), 0);
            String points = String.format(Locale.ROOT, "%,d + %,d", run.get("interiorPoints").asInt(),
                    run.get("boundaryPoints").asInt());
            assertTrue(setup.contains(points), model + " row should state " + points + ": " + setup);
            assertTrue(setup.contains(">2<"), "the 2 s time budget: " + setup);
        }
        String mlpSetup = row(label(result.get("mlp")), 0);
        assertFalse(mlpSetup.contains(String.format(Locale.ROOT, "%,d +", kanPoints)), "the MLP row claims the KAN's points");
        // the notes no longer claim one point count for all runs
        String notes = page.substring(page.indexOf("<h2>Notes</h2>"));
        assertFalse(notes.contains(String.format(Locale.ROOT, "%d interior", kanPoints)), notes);
    }

    @Test
    void saysWhyEachRunStoppedAndNeverCrownsABudgetLimitedTime() {
        assertTrue(page.contains("<th>stopped by</th>"), "a stop column");
        for (String model : new String[] {"kan", "mlp"}) {
            JsonNode run = result.get(model);
            JsonNode stages = run.get("stages");
            String last = stages.get(stages.size() - 1).get("stop").asText();
            String results = row(label(run), 1);
            if (last.equals("time")) {
                assertTrue(results.contains("time limit"), results);
                String wall = String.format(Locale.ROOT, run.get("wallSeconds").asDouble() >= 10 ? "%.1f" : "%.2f",
                        run.get("wallSeconds").asDouble());
                assertFalse(results.contains("<strong>" + wall + "</strong>"),
                        "a run the budget stopped is not the fastest: " + results);
                assertTrue(page.contains("stopped by the time budget"), "a note explains the budget");
            }
        }
    }

    @Test
    void showsTheProblemsFormulas() {
        assertTrue(page.contains("u* = sin(πx)"), "the exact solution's formula");
        assertTrue(page.contains("f = π² sin(πx)"), "the source's formula");
        assertTrue(page.contains("−u&#39;&#39; = f"), "the equation in 1-D (HTML-escaped)");
        assertTrue(page.contains("Dirichlet on both boundary parts: u = 0"), "the boundary data");
        assertFalse(page.contains("no formula given"), "the old placeholder");
    }

    @Test
    void everyLinkedFileExistsAndEverySvgParses() throws Exception {
        Matcher m = LINK.matcher(page);
        List<Path> linked = new ArrayList<>();
        while (m.find()) {
            URI uri = new URI(m.group(1).replace("&amp;", "&"));
            assertEquals(null, uri.getScheme(), "only relative links: " + uri);
            linked.add(out.resolve(uri.getPath()).normalize());
        }
        assertTrue(linked.size() >= 8, "figures linked: " + linked);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        for (Path p : linked) {
            assertTrue(Files.isRegularFile(p), "linked but missing: " + p);
            if (p.toString().endsWith(".svg")) {
                assertEquals("svg", factory.newDocumentBuilder().parse(p.toFile()).getDocumentElement().getNodeName(),
                        p.toString());
            }
        }
        Matcher captions = Pattern.compile("<figcaption><strong>[^<]*</strong> ([^<]+)<").matcher(page);
        int captioned = 0;
        while (captions.find()) {
            captioned++;
        }
        assertEquals(linked.size() / 4, captioned, "every figure has a caption beyond its title");
    }
}
