package org.kanpde.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kanpde.problems.ProblemCatalog;
import org.kanpde.solver.PdeSolver;
import org.kanpde.solver.geometry.SamplingScheme;
import org.kanpde.solver.io.ModelFile;
import org.kanpde.solver.solution.Solution;

/** A saved model evaluated by {@code kanpde eval} in a new JVM gives the trainer's values to the bit. */
class FreshProcessTest {
    @TempDir
    Path dir;

    @Test
    void evalInANewJvmReproducesTheTrainedValuesExactly() throws Exception {
        Solution u = PdeSolver.kan().grids(4).iterations(5).points(200).sampling(SamplingScheme.SOBOL).threads(1).build()
                .solve(ProblemCatalog.get("poisson2d-paper")).solution();
        Path model = dir.resolve("model.json");
        ModelFile.write(model, u.function(), "poisson2d-paper", Map.of());
        Path points = dir.resolve("points.csv");
        StringBuilder csv = new StringBuilder("x,y\n");
        List<double[]> zs = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            double[] z = {-0.93 + 0.077 * i, 0.8 - 0.061 * i};
            zs.add(z);
            csv.append(z[0]).append(',').append(z[1]).append('\n');
        }
        Files.writeString(points, csv);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), KanPde.class.getName(),
                "eval", "--model", model.toString(), "--points", points.toString(), "--laplacian")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), output);
        String[] lines = output.trim().split("\\R");
        assertEquals("x,y,u,laplacian", lines[0]);
        for (int i = 0; i < zs.size(); i++) {
            String[] cells = lines[i + 1].split(",");
            assertEquals(u.value(zs.get(i)), Double.parseDouble(cells[2]), 0.0, "u at line " + (i + 2));
            assertEquals(u.laplacian(zs.get(i)), Double.parseDouble(cells[3]), 0.0, "Laplacian at line " + (i + 2));
        }
    }
}
