package org.kanpde.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** solve on inverse problems: the identified field in result.json, eval of it, and bad input. */
class CliInverseTest {
    @TempDir
    Path dir;

    /** -(a u')' = f on [0, 1] with u = sin(pi x), a = 1 + x, f = pi^2 (1 + x) sin(pi x) - pi cos(pi x). */
    private static final String FILE = "{ \"name\": \"inv1d\", \"domain\": { \"type\": \"box\", \"min\": [0], \"max\": [1] },"
            + " \"a\": { \"unknown\": true, \"positive\": true, \"boundary\": \"1+x\", \"exact\": \"1+x\" },"
            + " \"source\": \"pi^2*(1+x)*sin(pi*x) - pi*cos(pi*x)\", \"boundary\": { \"type\": \"dirichlet\", \"value\": \"0\" },"
            + " \"observations\": \"obs.csv\", \"exact\": \"sin(pi*x)\" }";

    private Path problem(String csv) throws Exception {
        Path sub = Files.createDirectories(dir.resolve("data"));
        Files.writeString(sub.resolve("obs.csv"), csv);
        return Files.writeString(sub.resolve("inv.json"), FILE);
    }

    private static String observations() {
        StringBuilder b = new StringBuilder("x,u\n");
        for (int i = 0; i <= 20; i++) {
            double x = i / 20.0;
            b.append(x).append(',').append(Math.sin(Math.PI * x)).append('\n');
        }
        return b.toString();
    }

    @Test
    void identifiesTheFieldAndEvalEvaluatesIt() throws Exception {
        Path file = problem(observations());
        Path out = dir.resolve("out");
        Path model = dir.resolve("m.json");
        CliTestSupport.Outcome o = CliTestSupport.run("solve", "--problem", file.toString(), "--grid", "5,10,20", "--iterations", "40,80,150",
                "--points", "400", "--threads", "1", "--out", out.toString(), "--save", model.toString(), "-q");
        assertEquals(0, o.code(), o.out() + o.err());
        assertTrue(o.out().contains("errors of u: relative L2"), o.out());
        assertTrue(o.out().contains("errors of a: relative L2"), o.out());
        JsonNode json = ResultJson.MAPPER.readTree(out.resolve("result.json").toFile());
        double relA = json.get("identified").get("a").get("relL2").asDouble();
        assertTrue(relA < 3e-3, "a relL2 " + relA);
        assertTrue(json.get("identified").get("a").get("maxAbsError").isNumber());
        assertTrue(json.get("relL2").asDouble() < 1e-4, json.get("relL2").toString());

        Path points = Files.writeString(dir.resolve("p.csv"), "x\n0.5\n");
        CliTestSupport.Outcome e = CliTestSupport.run("eval", "--model", InverseRun.fieldFile(model, "a").toString(), "--points",
                points.toString());
        assertEquals(0, e.code(), e.err());
        String[] lines = e.out().strip().split("\n");
        assertEquals("x,a", lines[0]);
        assertEquals(1.5, Double.parseDouble(lines[1].split(",")[1]), 1e-2);
    }

    @Test
    void writesTheReportWithTheIdentifiedFieldBesideTheExactOneAndItsErrors() throws Exception {
        Path out = dir.resolve("report");
        CliTestSupport.Outcome o = CliTestSupport.run("solve", "--problem", "pinv-clean", "--grid", "3", "--iterations", "3",
                "--points", "100", "--boundary-points", "40", "--threads", "1", "--out", out.toString(), "-q");
        assertEquals(0, o.code(), o.out() + o.err());
        for (String f : new String[] {"result.json", "report.html", "identified-a.png", "identified-a.svg", "solution.png",
            "convergence-iteration.png"}) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f + " missing; wrote " + o.out());
        }
        JsonNode a = ResultJson.MAPPER.readTree(out.resolve("result.json").toFile()).get("identified").get("a");
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("Errors of u and the identified unknowns"), html);
        // the row of a carries the same errors as result.json
        String row = String.format(java.util.Locale.ROOT, "<td>a</td><td>field</td><td class=\"num\">%.3e</td><td class=\"num\">%.3e</td>",
                a.get("relL2").asDouble(), a.get("maxAbsError").asDouble());
        assertTrue(html.contains(row), row + " not in " + html);
        assertTrue(html.contains("src=\"identified-a.png\""), html);
    }

    private void badInput(String csv, String expected) throws Exception {
        Path file = problem(csv);
        CliTestSupport.Outcome o = CliTestSupport.run("solve", "--problem", file.toString(), "-q");
        assertEquals(2, o.code(), o.out() + o.err());
        assertEquals(1, o.err().strip().split("\n").length, o.err());
        assertTrue(o.err().contains(expected), o.err());
    }

    @Test
    void badObservationsExitWithCodeTwoAndOneLine() throws Exception {
        badInput("x,u\n0.5,1\n1.5,0\n", "observation 2 at (1.5) lies outside the domain");
        badInput("x,u\n0.5,NaN\n", "line 2: column 2 is NaN, not a finite number");
        badInput("x,u\n0.5,1,2\n", "line 2: has 3 columns, expected 2");
    }

    @Test
    void anUnknownWithoutObservationsExitsWithCodeTwo() throws Exception {
        Path file = Files.writeString(dir.resolve("none.json"), FILE.replace(" \"observations\": \"obs.csv\",", ""));
        CliTestSupport.Outcome o = CliTestSupport.run("solve", "--problem", file.toString(), "-q");
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("'a' is unknown but the file has no \"observations\" of u to fix it"), o.err());
        CliTestSupport.Outcome c = CliTestSupport.run("compare", "--problem", "pinv");
        assertEquals(2, c.code(), c.err());
        assertTrue(c.err().contains("is an inverse problem"), c.err());
    }

    @Test
    void aStatedNoiseLevelSelectsTheModelAndBadNoiseLevelsExitWithCodeTwo() throws Exception {
        StringBuilder csv = new StringBuilder("x,u\n");
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i <= 40; i++) {
            double x = i / 40.0;
            csv.append(x).append(',').append(Math.sin(Math.PI * x) + 0.05 * random.nextGaussian()).append('\n');
        }
        Path sub = Files.createDirectories(dir.resolve("noisy"));
        Files.writeString(sub.resolve("obs.csv"), csv);
        Path file = Files.writeString(sub.resolve("inv.json"), FILE.replace("\"observations\": \"obs.csv\",",
                "\"observations\": \"obs.csv\", \"noise\": 0.05,"));
        Path out = dir.resolve("noisy-out");
        CliTestSupport.Outcome o = CliTestSupport.run("solve", "--problem", file.toString(), "--points", "400", "--threads", "1",
                "--out", out.toString(), "-q");
        assertEquals(0, o.code(), o.out() + o.err());
        assertTrue(o.out().contains("model selected for the noise"), o.out());
        assertTrue(o.out().contains("noise: sigma 5.000e-02 (given); kept model "), o.out());
        JsonNode noise = ResultJson.MAPPER.readTree(out.resolve("result.json").toFile()).get("noise");
        assertEquals(0.05, noise.get("sigma").asDouble(), 0);
        assertEquals(false, noise.get("estimated").asBoolean());
        JsonNode kept = noise.get("candidates").get(noise.get("kept").asInt());
        assertTrue(kept.get("dataRms").asDouble() <= 1.05 * 0.05, noise.toString());
        assertTrue(Files.isRegularFile(out.resolve("identified-a.png")), "the 1-D field figure");
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("Model selection for the noise") && html.contains("<td>kept</td>"), html);

        CliTestSupport.Outcome negative = CliTestSupport.run("solve", "--problem", file.toString(), "--noise", "-1", "-q");
        assertEquals(2, negative.code(), negative.err());
        assertEquals("kanpde: --noise must be finite and >= 0, got -1.0", negative.err().strip());
        Path bad = Files.writeString(sub.resolve("bad.json"), Files.readString(file).replace("\"noise\": 0.05", "\"noise\": -0.1"));
        CliTestSupport.Outcome inFile = CliTestSupport.run("solve", "--problem", bad.toString(), "-q");
        assertEquals(2, inFile.code(), inFile.err());
        assertEquals(1, inFile.err().strip().split("\n").length, inFile.err());
        assertTrue(inFile.err().contains("noise") && inFile.err().contains("must be >= 0"), inFile.err());
        CliTestSupport.Outcome forward = CliTestSupport.run("solve", "--problem", "poisson1d", "--noise", "0.1", "-q");
        assertEquals(2, forward.code(), forward.err());
        assertTrue(forward.err().contains("--noise applies to inverse problems only"), forward.err());
    }
}
