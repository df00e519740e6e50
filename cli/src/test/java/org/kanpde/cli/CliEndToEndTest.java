package org.kanpde.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kanpde.net.Derivatives;
import org.kanpde.net.Evaluator;
import org.kanpde.solver.io.ModelFile;
import org.kanpde.solver.io.SavedModel;

class CliEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void problemsListsTheCatalogue() {
        CliTestSupport.Outcome o = CliTestSupport.run("problems");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("poisson2d-paper"), o.out());
        assertTrue(o.out().contains("poisson1d"), o.out());
    }

    @Test
    void solveWritesResultJsonAndAModelThatEvalReadsBack() throws Exception {
        Path out = dir.resolve("run");
        Path model = dir.resolve("model.json");
        CliTestSupport.Outcome o = CliTestSupport.run("solve", "--problem", "poisson1d", "--grid", "5,10", "--iterations", "40",
                "--points", "200", "--sampling", "sobol", "--threads", "2", "--out", out.toString(), "--save", model.toString(), "-q");
        assertEquals(0, o.code(), o.out() + o.err());
        assertTrue(o.out().contains("relative L2"), o.out());
        JsonNode result = new ObjectMapper().readTree(out.resolve("result.json").toFile());
        assertEquals("poisson1d", result.get("problem").asText());
        assertEquals("kan", result.get("model").get("type").asText());
        assertEquals("[1,3,1]", result.get("model").get("width").toString());
        assertEquals("[5,10]", result.get("model").get("grid").toString());
        assertEquals("lm", result.get("optimizer").asText());
        assertEquals(80, result.get("iterations").asInt());
        // 1.1e-6, max 1.8e-6 and H1 2.3e-6 as of now
        double rel = result.get("relL2").asDouble();
        assertTrue(rel > 1e-7 && rel < 1e-5, result.get("relL2").toString());
        // u* = sin(pi x) on [-1, 1] has L2 norm 1 and the measure is 2, so the root mean square error is
        // rel / sqrt(2): no node error can be smaller than that
        double max = result.get("maxAbsError").asDouble();
        assertTrue(max >= rel / Math.sqrt(2) && max < 1e-5, result.get("maxAbsError").toString());
        double h1 = result.get("h1RelError").asDouble();
        assertTrue(h1 > 1e-7 && h1 < 1e-4, result.get("h1RelError").toString());
        JsonNode history = result.get("history");
        // the start, one entry per iteration, and the end of each of the two stages
        assertEquals(1 + 80 + 2, history.size());
        assertTrue(history.get(0).has("iteration") && history.get(0).has("loss") && history.get(0).has("wallSeconds")
                && history.get(0).has("relL2"));
        JsonNode last = history.get(history.size() - 1);
        assertEquals(80, last.get("iteration").asInt());
        assertEquals(rel, last.get("relL2").asDouble(), 0.0, "the last entry measures the final network");
        assertTrue(last.get("wallSeconds").asDouble() > 0
                && result.get("wallSeconds").asDouble() >= last.get("wallSeconds").asDouble(), result.toString());

        Path points = dir.resolve("points.csv");
        Files.writeString(points, "x\n-0.5\n0.0\n0.25\n0.9\n");
        CliTestSupport.Outcome eval = CliTestSupport.run("eval", "--model", model.toString(), "--points", points.toString(),
                "--gradient");
        assertEquals(0, eval.code(), eval.err());
        String[] lines = eval.out().trim().split("\\R");
        assertEquals("x,u,du/dx", lines[0]);
        assertEquals(5, lines.length);
        SavedModel saved = ModelFile.read(model);
        assertEquals(saved.network().parameterCount(), result.get("model").get("parameters").asInt());
        Evaluator ev = saved.network().evaluator(Derivatives.GRADIENT);
        String[] cells = lines[3].split(",");
        assertEquals(0.25, Double.parseDouble(cells[0]));
        assertEquals(ev.forward(new double[] {0.25}, 0).value(), Double.parseDouble(cells[1]), 0.0);
        assertEquals(Math.sin(Math.PI * 0.25), Double.parseDouble(cells[1]), 1e-3);
    }

    @Test
    void solveReadsAProblemFile() throws Exception {
        Path file = dir.resolve("p.json");
        Files.writeString(file, "{ \"name\": \"my-problem\", \"domain\": { \"type\": \"box\", \"min\": [-1, -1], \"max\": [1, 1] },"
                + " \"a\": \"1\", \"c\": \"0\", \"source\": \"2*pi^2*sin(pi*x)*sin(pi*y)\","
                + " \"boundary\": { \"type\": \"dirichlet\", \"value\": \"sin(pi*x)*sin(pi*y)\" },"
                + " \"exact\": \"sin(pi*x)*sin(pi*y)\" }");
        CliTestSupport.Outcome o = CliTestSupport.run("solve", "--problem", file.toString(), "--grid", "5", "--iterations", "30",
                "--points", "300", "--threads", "2", "-q");
        assertEquals(0, o.code(), o.out() + o.err());
        assertTrue(o.out().contains("my-problem"), o.out());
    }

    @Test
    void compareHelpSaysEachModelHasItsOwnPoints() {
        CliTestSupport.Outcome o = CliTestSupport.run("compare", "--help");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("6000 points") && o.out().contains("3000 points"), o.out());
        assertTrue(!o.out().contains("same problem and points"), o.out());
    }

    @Test
    void compareTrainsBothModelsAndWritesOneResult() throws Exception {
        Path out = dir.resolve("cmp");
        CliTestSupport.Outcome o = CliTestSupport.run("compare", "--problem", "poisson1d", "--points", "100", "--threads", "2",
                "--time-limit", "20", "--out", out.toString(), "-q");
        assertEquals(0, o.code(), o.out() + o.err());
        assertTrue(o.out().contains("KAN") && o.out().contains("MLP") && o.out().contains("rel. L2"), o.out());
        JsonNode result = new ObjectMapper().readTree(out.resolve("result.json").toFile());
        assertEquals("kan", result.get("kan").get("model").get("type").asText());
        assertEquals("mlp", result.get("mlp").get("model").get("type").asText());
        assertTrue(result.get("mlp").get("model").get("grid").isNull());
        // 1.5e-6 and 9.8e-7 as of now (a slow machine may stop them earlier, on the time limit)
        double kan = result.get("kan").get("relL2").asDouble();
        double mlp = result.get("mlp").get("relL2").asDouble();
        assertTrue(kan > 1e-8 && kan < 1e-3, result.get("kan").toString());
        assertTrue(mlp > 1e-8 && mlp < 1e-2, result.get("mlp").toString());
    }
}
