package org.kanpde.cli.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kanpde.cli.KanPde;

/**
 * {@code kanpde bench}: the quick suite end to end (files exist and parse, numbers agree with
 * {@code solve}), and bad arguments.
 */
class BenchCommandTest {
    @TempDir
    static Path dir;

    private static Path out;
    private static Outcome quick;

    /** The outcome of one in-process invocation. */
    record Outcome(int code, String out, String err) {
    }

    static Outcome run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = KanPde.execute(args, new PrintWriter(o, true), new PrintWriter(e, true));
        return new Outcome(code, o.toString(), e.toString());
    }

    @BeforeAll
    static void runQuickSuite() {
        out = dir.resolve("bench");
        quick = run("bench", "--suite", "quick", "--seeds", "1", "--threads", "2", "--time-limit", "1", "--out", out.toString(),
                "-q");
    }

    @Test
    void quickSuiteWritesParsableTablesAndFigures() throws Exception {
        assertEquals(0, quick.code(), quick.out() + quick.err());
        List<Map<String, String>> rows = csv(out.resolve("bench.csv"), BenchReport.RUN_COLUMNS);
        Suite suite = Suite.quick();
        int sweep = (suite.runs(2).size() + suite.runs(3).size());
        assertEquals(sweep, rows.stream().filter(r -> r.get("section").equals("sweep")).count());
        assertEquals(2 * suite.speedupRuns().size(), rows.stream().filter(r -> r.get("section").equals("threads")).count());
        // the stage table, written from the stage reports, is the independent account of every run
        Map<String, Integer> stageIterations = new HashMap<>();
        Map<String, String> lastStageParameters = new HashMap<>();
        for (Map<String, String> s : csv(out.resolve("bench-stages.csv"), null)) {
            stageIterations.merge(runKey(s), Integer.parseInt(s.get("iterations")), Integer::sum);
            lastStageParameters.put(runKey(s), s.get("parameters"));
        }
        for (Map<String, String> r : rows) {
            assertTrue(List.of("poisson2d-paper", "poisson3d").contains(r.get("problem")), r.toString());
            assertEquals(lastStageParameters.get(runKey(r)), r.get("parameters"), r.toString());
            // a budgeted run on a loaded machine may spend its whole (tiny) budget before its first
            // iteration; whatever it did, its stages account for every iteration
            int iterations = Integer.parseInt(r.get("iterations"));
            assertEquals(stageIterations.get(runKey(r)), iterations, r.toString());
            if (r.get("budgeted").equals("false")) {
                assertTrue(iterations > 0, r.toString());
            }
            assertTrue(Double.parseDouble(r.get("wall_seconds")) > 0, r.toString());
            double rel = Double.parseDouble(r.get("rel_l2"));
            assertTrue(rel > 0 && rel < 10, r.toString());
            assertTrue(Double.parseDouble(r.get("max_error")) > 0, r.toString());
            assertTrue(Double.parseDouble(r.get("h1_rel_error")) > 0, r.toString());
            assertEquals("1", r.get("seed"));
            assertTrue(r.get("command").startsWith("./kanpde solve --problem " + r.get("problem")), r.get("command"));
            assertTrue(r.get("type").equals("kan") || r.get("type").equals("mlp"), r.toString());
            if (r.get("type").equals("kan")) {
                assertTrue(List.of("bspline", "chebyshev", "rbf", "fourier").contains(r.get("basis")), r.toString());
                assertTrue(r.get("command").contains(" --basis " + r.get("basis") + " "), r.get("command"));
                assertEquals(r.get("basis").equals("bspline"), !r.get("k").isEmpty(), r.toString());
            } else {
                assertEquals("", r.get("basis"), r.toString());
            }
        }
        assertTrue(rows.stream().anyMatch(r -> r.get("basis").equals("chebyshev")
                && r.get("model").equals("KAN [2,5,1] chebyshev n 5-10")), "the quick suite has a Chebyshev KAN");
        assertTrue(rows.stream().anyMatch(r -> r.get("budgeted").equals("true") && r.get("stop").contains("time")),
                "budgeted runs end on the time budget");
        List<Map<String, String>> stages = csv(out.resolve("bench-stages.csv"), null);
        assertTrue(stages.stream().anyMatch(s -> s.get("grid").equals("10")), stages.toString());
        List<Map<String, String>> cost = csv(out.resolve("bench-cost.csv"), null);
        assertTrue(cost.stream().map(c -> c.get("study")).distinct().toList().containsAll(List.of("points", "parameters",
                "threads")), cost.toString());
        for (Map<String, String> c : cost) {
            assertTrue(Double.parseDouble(c.get("gradient_ms")) > 0, c.toString());
        }
        String md = Files.readString(out.resolve("bench.md"));
        for (String heading : List.of("# kanpde bench: suite quick", "## poisson2d-paper", "## poisson3d",
                "### The KAN paper's claim at equal wall time", "### Edge bases", "| KAN [2,5,1] chebyshev n 5-10 |",
                "## Cost per iteration", "### Against collocation points",
                "### Against parameters", "## Threads", "scaling-poisson2d-paper.png")) {
            assertTrue(md.contains(heading), "bench.md lacks '" + heading + "'");
        }
        assertTrue(md.contains("| yes (rel. L2"), "same seed, 1 and 2 threads: identical results\n" + md);
        for (String problem : List.of("poisson2d-paper", "poisson3d")) {
            byte[] png = Files.readAllBytes(out.resolve("scaling-" + problem + ".png"));
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
            String svg = Files.readString(out.resolve("scaling-" + problem + ".svg"));
            assertTrue(svg.contains("<svg"), svg.substring(0, Math.min(200, svg.length())));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"bspline", "chebyshev"})
    void aRunGivesTheNumbersOfItsSolveCommand(String basis) throws Exception {
        assertEquals(0, quick.code(), quick.err());
        Map<String, String> kan = csv(out.resolve("bench.csv"), BenchReport.RUN_COLUMNS).stream()
                .filter(r -> r.get("type").equals("kan") && r.get("basis").equals(basis) && r.get("section").equals("sweep")
                        && r.get("problem").equals("poisson2d-paper") && !r.get("stop").contains("time"))
                .findFirst().orElseThrow();
        List<String> args = new ArrayList<>(Arrays.asList(kan.get("command").substring("./kanpde ".length()).split(" ")));
        Path solveOut = dir.resolve("solve-" + basis);
        args.addAll(List.of("--out", solveOut.toString(), "-q"));
        Outcome solve = run(args.toArray(String[]::new));
        assertEquals(0, solve.code(), solve.out() + solve.err());
        JsonNode result = new ObjectMapper().readTree(solveOut.resolve("result.json").toFile());
        assertEquals(Integer.parseInt(kan.get("iterations")), result.get("iterations").asInt());
        assertEquals(Integer.parseInt(kan.get("parameters")), result.get("model").get("parameters").asInt());
        assertEquals(basis, result.get("model").get("basis").get(0).asText(), result.get("model").toString());
        assertEquals(Double.parseDouble(kan.get("rel_l2")), result.get("relL2").asDouble(), 0.0,
                "same seed, same schedule: bit-identical error");
    }

    static Stream<Arguments> badArguments() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-dir.txt"), "x");
        Path noExact = Files.writeString(dir.resolve("no-exact.json"), "{ \"name\": \"no-exact\", \"domain\": { \"type\": \"box\","
                + " \"min\": [0, 0], \"max\": [1, 1] }, \"source\": \"1\", \"boundary\": { \"type\": \"dirichlet\", \"value\": \"0\" } }");
        return Stream.of(
                Arguments.of(new String[] {"bench", "--suite", "huge"}, "huge"),
                Arguments.of(new String[] {"bench", "--seeds", "1,,2"}, "1,,2"),
                Arguments.of(new String[] {"bench", "--seeds", "one"}, "one"),
                Arguments.of(new String[] {"bench", "--seeds", "3,3"}, "3,3"),
                Arguments.of(new String[] {"bench", "--time-limit", "-1"}, "-1"),
                Arguments.of(new String[] {"bench", "--time-limit", "soon"}, "soon"),
                Arguments.of(new String[] {"bench", "--threads", "0"}, "0"),
                Arguments.of(new String[] {"bench", "--threads", "many"}, "many"),
                Arguments.of(new String[] {"bench", "--problem", "no-such-problem"}, "no-such-problem"),
                Arguments.of(new String[] {"bench", "--problem", "missing.json"}, "missing.json"),
                Arguments.of(new String[] {"bench", "--problem", noExact.toString()}, noExact.toString()),
                Arguments.of(new String[] {"bench", "--out", file.toString()}, file.toString()),
                Arguments.of(new String[] {"bench", "--colour", "red"}, "--colour"));
    }

    @ParameterizedTest
    @MethodSource("badArguments")
    void badArgumentsExitWithCode2AndOneLineNamingTheValue(String[] args, String named) {
        Outcome o = run(args);
        assertEquals(2, o.code(), "exit code for " + String.join(" ", args) + "; stderr: " + o.err());
        String first = o.err().lines().findFirst().orElse("");
        assertTrue(first.contains(named), "first line '" + first + "' should name '" + named + "'");
        assertFalse(o.err().contains("\tat "), "no stack trace: " + o.err());
        assertFalse(o.err().contains("Exception"), "no exception class names: " + o.err());
        assertTrue(o.out().isEmpty() || !o.out().contains("[1/"), "no training before validation: " + o.out());
    }

    /** Parses an RFC 4180 CSV file with a header into one map per row, checking the header if given. */
    /** What names one run in both bench.csv and bench-stages.csv. */
    private static String runKey(Map<String, String> row) {
        return String.join("|", row.get("section"), row.get("problem"), row.get("model"), row.get("seed"), row.get("threads"));
    }

    static List<Map<String, String>> csv(Path file, List<String> expectedHeader) throws Exception {
        List<List<String>> records = parseCsv(Files.readString(file));
        List<String> header = records.get(0);
        if (expectedHeader != null) {
            assertEquals(expectedHeader, header);
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> rec : records.subList(1, records.size())) {
            assertEquals(header.size(), rec.size(), "cells in " + rec);
            Map<String, String> m = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                m.put(header.get(i), rec.get(i));
            }
            rows.add(m);
        }
        assertFalse(rows.isEmpty(), file + " has no rows");
        return rows;
    }

    private static List<List<String>> parseCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n') {
                cells.add(cell.toString());
                cell.setLength(0);
                records.add(cells);
                cells = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        assertFalse(quoted, "unterminated quote");
        assertTrue(cell.length() == 0 && cells.isEmpty(), "the last line ends with a line break");
        return records;
    }
}
