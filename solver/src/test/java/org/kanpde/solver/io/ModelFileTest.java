package org.kanpde.solver.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kanpde.net.Derivatives;
import org.kanpde.net.Evaluator;
import org.kanpde.net.TrialFunction;
import org.kanpde.net.kan.Kan;
import org.kanpde.net.mlp.Mlp;
import org.kanpde.solver.TestProblems;
import org.kanpde.solver.problem.Problem;
import org.kanpde.solver.residual.HardDirichletFunction;

class ModelFileTest {
    @TempDir
    Path dir;

    private static void assertSameFunction(TrialFunction a, TrialFunction b) {
        Evaluator ea = a.evaluator(Derivatives.HESSIAN_DIAGONAL);
        Evaluator eb = b.evaluator(Derivatives.HESSIAN_DIAGONAL);
        SplittableRandom r = new SplittableRandom(5);
        int d = a.inputDimension();
        for (int t = 0; t < 50; t++) {
            double[] z = r.doubles(d, -1.2, 1.2).toArray();
            var ja = ea.forward(z, 0);
            double va = ja.value();
            double la = ja.laplacian();
            var jb = eb.forward(z, 0);
            assertEquals(va, jb.value(), 0.0, "bit-identical value");
            assertEquals(la, jb.laplacian(), 0.0, "bit-identical Laplacian");
        }
    }

    @Test
    void kanWithAdaptiveGridsRoundTripsBitForBit() throws IOException {
        Kan kan = Kan.builder().widths(2, 3, 1).gridSize(6, 9).degree(3, 5).inputRange(-1, 1).noise(0.3).seed(1).build();
        double[] samples = new SplittableRandom(2).doubles(400, -0.8, 0.9).toArray();
        Kan adaptive = kan.updateGrid(samples, 0.1, new boolean[] {true, true});
        Path file = dir.resolve("kan.json");
        ModelFile.write(file, adaptive, "poisson2d-paper", Map.of("relL2", 1.5e-8, "optimizer", "lm"));
        SavedModel saved = ModelFile.read(file);
        assertSameFunction(adaptive, saved.network());
        assertArrayEquals(adaptive.parameters(), saved.network().parameters(), 0.0);
        assertEquals("poisson2d-paper", saved.problem());
        assertEquals(1.5e-8, saved.metadata().get("relL2"));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary files left behind");
        }
    }

    @Test
    void mlpAndHardDirichletModelsRoundTrip() throws IOException {
        Mlp mlp = Mlp.tanh(3, 2, 7, 5, 1);
        Path file = dir.resolve("mlp.json");
        ModelFile.write(file, mlp, "x", Map.of());
        assertSameFunction(mlp, ModelFile.read(file).network());

        Problem problem = TestProblems.poisson2dSin();
        HardDirichletFunction hard = new HardDirichletFunction(mlp, problem.exactSolution(), problem.domain().distance());
        ModelFile.write(file, hard, "poisson2d-sin", Map.of());
        SavedModel saved = ModelFile.read(file);
        assertTrue(saved.hardDirichlet());
        assertSameFunction(hard, new HardDirichletFunction(saved.network(), problem.exactSolution(), problem.domain().distance()));
    }

    @Test
    void badFilesFailWithAClearMessage() throws IOException {
        Kan kan = Kan.builder().widths(1, 2, 1).gridSize(3).seed(1).build();
        String good = ModelFile.toJson(kan, "p", Map.of());
        String[][] cases = {
            {good.substring(0, good.length() / 2), "not valid JSON"},
            {"", "must be a JSON object"},
            {"[1,2]", "must be a JSON object"},
            {good.replace("\"version\" : 1", "\"version\" : 7"), "unsupported version 7"},
            {good.replace("kanpde-model", "other"), "format"},
            {good.replace("\"type\" : \"kan\"", "\"type\" : \"transformer\""), "unknown network type 'transformer'"},
            {good.replace("\"widths\" : [ 1, 2, 1 ]", "\"widths\" : [ 1, 3, 1 ]"), "network"},
            {good.replaceFirst("\"parameters\" : \\[ ", "\"parameters\" : [ 1.0, "), "parameters"},
            {good.replace("\"problem\" : \"p\"", "\"problem\" : \"p\", \"problem\" : \"q\""), "Duplicate field"},
            {good.replace("\"problem\" : \"p\"", "\"problem\" : \"p\", \"colour\" : \"red\""), "colour"},
            {good.replace("\"order\" : 3", "\"order\" : 0"), "order k must be >= 1, got 0"},
            {good.replace("\"order\" : 3", "\"order\" : \"three\""), "must be an integer"},
        };
        for (String[] c : cases) {
            ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.fromJson(c[0], "m.json"),
                    "should reject: " + c[1]);
            assertTrue(e.getMessage().contains("m.json") && e.getMessage().contains(c[1]),
                    "message '" + e.getMessage() + "' should name the file and contain '" + c[1] + "'");
        }
        // a non-finite parameter
        String nan = good.replaceFirst("(\"parameters\" : \\[ )[^,]+", "$1\"NaN\"");
        assertThrows(ModelFileException.class, () -> ModelFile.fromJson(nan, "m.json"));
        ModelFileException missing = assertThrows(ModelFileException.class, () -> ModelFile.read(dir.resolve("absent.json")));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
    }

    @Test
    void aFailedWriteLeavesTheExistingFileIntact() throws IOException {
        Path file = dir.resolve("model.json");
        Files.writeString(file, "previous content");
        Kan kan = Kan.builder().widths(1, 1).seed(1).build();
        assertThrows(IllegalArgumentException.class,
                () -> ModelFile.write(file, kan, "p", Map.of("bad", new Object())));
        assertEquals("previous content", Files.readString(file));
    }
}
