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
        assertTrue(result.get("model").get("parameters").asInt() > 0);
        assertEquals("lm", result.get("optimizer").asText());
        assertEquals(80, result.get("iterations").asInt());
        assertTrue(result.get("relL2").asDouble() < 1e-4, result.get("relL2").toString());
        assertTrue(result.get("maxAbsError").isNumber());
        assertTrue(result.get("h1RelError").isNumber());
        assertTrue(result.get("wallSeconds").asDouble() > 0);
        JsonNode history = result.get("history");
        assertTrue(history.size() > 10);
        assertTrue(history.get(0).has("iteration") && history.get(0).has("loss") && history.get(0).has("wallSeconds")
                && history.get(0).has("relL2"));

        Path points = dir.resolve("points.csv");
        Files.writeString(points, "x\n-0.5\n0.0\n0.25\n0.9\n");
        CliTestSupport.Outcome eval = CliTestSupport.run("eval", "--model", model.toString(), "--points", points.toString(),
                "--gradient");
        assertEquals(0, eval.code(), eval.err());
        String[] lines = eval.out().trim().split("\\R");
        assertEquals("x,u,du/dx", lines[0]);
        assertEquals(5, lines.length);
        SavedModel saved = ModelFile.read(model);
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
        assertTrue(result.get("kan").get("relL2").asDouble() < 1e-3, result.get("kan").get("relL2").toString());
    }
}
