package org.kanpde.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kanpde.net.kan.Kan;
import org.kanpde.solver.geometry.Polygon;
import org.kanpde.solver.io.ModelFile;
import org.kanpde.solver.problem.Field;
import org.kanpde.solver.residual.HardDirichletFunction;

/** eval of a --hard-bc model: independent of the current directory and of later edits of the problem file. */
class CliHardBcEvalTest {
    @TempDir
    Path dir;

    private static final String TRIANGLE = "{ \"name\": \"tri\", \"domain\": { \"type\": \"polygon\", "
            + "\"vertices\": [[0, 0], [1, 0], [0, 1]] }, \"source\": \"0\", "
            + "\"boundary\": { \"type\": \"dirichlet\", \"value\": \"x\" } }";

    @Test
    void aHardBcModelKeepsItsProblemFile() throws Exception {
        // a path relative to the current directory, as a user types it
        Path relative = Path.of("target", "hard-bc-" + UUID.randomUUID() + ".json");
        Files.createDirectories(relative.getParent());
        Files.writeString(relative, TRIANGLE);
        Path model = dir.resolve("m.json");
        Path points = Files.writeString(dir.resolve("p.csv"), "x,y\n0.25,0.25\n0.5,0\n");
        try {
            CliTestSupport.Outcome o = CliTestSupport.run("solve", "--problem", relative.toString(), "--hard-bc", "--grid", "3",
                    "--iterations", "3", "--points", "40", "--threads", "1", "--save", model.toString(), "-q");
            assertEquals(0, o.code(), o.out() + o.err());
            CliTestSupport.Outcome before = CliTestSupport.run("eval", "--model", model.toString(), "--points", points.toString(),
                    "--gradient", "--laplacian");
            assertEquals(0, before.code(), before.err());
            // edited, then gone: eval keeps using the g and D the model was trained with
            Files.writeString(relative, TRIANGLE.replace("\"value\": \"x\"", "\"value\": \"x + 1\""));
            CliTestSupport.Outcome edited = CliTestSupport.run("eval", "--model", model.toString(), "--points", points.toString(),
                    "--gradient", "--laplacian");
            assertEquals(before.out(), edited.out());
            Files.delete(relative);
            CliTestSupport.Outcome gone = CliTestSupport.run("eval", "--model", model.toString(), "--points", points.toString(),
                    "--gradient", "--laplacian");
            assertEquals(0, gone.code(), gone.err());
            assertEquals(before.out(), gone.out());
            // (0.5, 0) is on an edge: u = g = x there, and the derivatives are the limits from inside
            String[] onEdge = before.out().trim().split("\\R")[2].split(",");
            assertEquals(0.5, Double.parseDouble(onEdge[2]), 0.0);
            for (int k = 3; k < 6; k++) {
                assertTrue(Double.isFinite(Double.parseDouble(onEdge[k])), before.out());
            }
        } finally {
            Files.deleteIfExists(relative);
        }
    }

    @Test
    void anOlderModelWithoutACopyNamesTheProblemItCannotFind() throws Exception {
        Polygon triangle = new Polygon(new double[] {0, 0, 1, 0, 0, 1});
        Kan v = Kan.builder().widths(2, 2, 1).gridSize(3).seed(1).build();
        Path model = dir.resolve("old.json");
        ModelFile.write(model, new HardDirichletFunction(v, Field.constant(0), triangle.distance()), "no-such-dir/tri.json",
                Map.of());
        Path points = Files.writeString(dir.resolve("p.csv"), "0.25,0.25\n");
        CliTestSupport.Outcome o = CliTestSupport.run("eval", "--model", model.toString(), "--points", points.toString());
        assertEquals(2, o.code(), o.out() + o.err());
        String first = o.err().lines().findFirst().orElse("");
        assertTrue(first.contains("no-such-dir/tri.json") && first.contains("current directory"), first);
        assertFalse(o.err().contains("Exception"), o.err());
    }
}
