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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kanpde.net.Derivatives;
import org.kanpde.net.Evaluator;
import org.kanpde.net.TrialFunction;
import org.kanpde.net.basis.BasisType;
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

    /** A KAN of the given bases with random parameters and, after a grid update, node-specific ranges. */
    private static Kan adaptedKan(BasisType[] types, int[] sizes, long seed) {
        Kan kan = Kan.builder().widths(2, 3, 2, 1).basis(types).gridSize(sizes).degree(3).inputRange(-1, 1).noise(0.3)
                .seed(seed).build();
        SplittableRandom r = new SplittableRandom(seed);
        double[] p = kan.parameters();
        for (int i = 0; i < p.length; i++) {
            p[i] += 0.1 * r.nextGaussian();
        }
        double[] samples = r.doubles(600, -0.9, 0.8).toArray();
        return kan.updateGrid(samples, 0.1, new boolean[] {true, true, true});
    }

    @Test
    void everyEdgeBasisRoundTripsBitForBit() throws IOException {
        BasisType[][] cases = {
            {BasisType.BSPLINE}, {BasisType.CHEBYSHEV}, {BasisType.RBF}, {BasisType.FOURIER},
            {BasisType.CHEBYSHEV, BasisType.RBF, BasisType.FOURIER}, {BasisType.FOURIER, BasisType.BSPLINE, BasisType.RBF},
        };
        int[][] sizes = {{5}, {7}, {9}, {4}, {6, 8, 3}, {3, 6, 5}};
        for (int c = 0; c < cases.length; c++) {
            Kan kan = adaptedKan(cases[c], sizes[c], 10 + c);
            Path file = dir.resolve("kan" + c + ".json");
            ModelFile.write(file, kan, "p", Map.of());
            Kan back = (Kan) ModelFile.read(file).network();
            assertSameFunction(kan, back);
            assertArrayEquals(kan.parameters(), back.parameters(), 0.0);
            assertArrayEquals(kan.basisTypes(), back.basisTypes());
            // every edge, also beyond the ranges, and the document itself
            double[] a = new double[4];
            double[] b = new double[4];
            for (int l = 0; l < kan.layerCount(); l++) {
                for (int j = 0; j < kan.layer(l).outputs(); j++) {
                    for (int i = 0; i < kan.layer(l).inputs(); i++) {
                        for (double x = -2.5; x <= 2.5; x += 0.0625) {
                            kan.edge(l, j, i, x, a);
                            back.edge(l, j, i, x, b);
                            assertArrayEquals(a, b, 0.0, kan.describe() + " edge " + l + "," + j + "," + i + " at " + x);
                        }
                    }
                }
            }
            assertEquals(ModelFile.toJson(kan, "p", Map.of()), ModelFile.toJson(back, "p", Map.of()));
        }
    }

    @Test
    void bsplineLayersKeepTheFormatOfOlderFiles() throws IOException {
        Kan kan = Kan.builder().widths(1, 2, 1).gridSize(3).seed(1).build();
        String json = ModelFile.toJson(kan, "p", Map.of());
        assertTrue(!json.contains("basis") && json.contains("\"order\" : 3") && json.contains("\"knots\""), json);
        // the same layers written as basis objects read back to the same network
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = (ObjectNode) mapper.readTree(json);
        for (JsonNode layer : root.get("network").get("layers")) {
            ObjectNode basis = mapper.createObjectNode().put("type", "bspline");
            basis.set("order", layer.get("order"));
            basis.set("knots", layer.get("knots"));
            ((ObjectNode) layer).removeAll().set("basis", basis);
        }
        String wrapped = mapper.writeValueAsString(root);
        assertTrue(wrapped.contains("\"basis\":{\"type\":\"bspline\",\"order\":3,\"knots\""), wrapped);
        Kan back = (Kan) ModelFile.fromJson(wrapped, "wrapped.json").network();
        assertSameFunction(kan, back);
        assertEquals(json, ModelFile.toJson(back, "p", Map.of()));
    }

    @Test
    void badEdgeBasesFailWithAClearMessage() {
        String cheb = ModelFile.toJson(Kan.builder().widths(1, 1).basis(BasisType.CHEBYSHEV).gridSize(4).seed(1).build(), "p", Map.of());
        String rbf = ModelFile.toJson(Kan.builder().widths(1, 1).basis(BasisType.RBF).gridSize(3).seed(1).build(), "p", Map.of());
        String fourier = ModelFile.toJson(Kan.builder().widths(1, 1).basis(BasisType.FOURIER).gridSize(2).seed(1).build(), "p", Map.of());
        String[][] cases = {
            {cheb.replace("\"chebyshev\"", "\"wavelet\""), "unknown edge basis 'wavelet'"},
            {cheb.replace("\"degree\" : 4", "\"degree\" : 0"), "Chebyshev degree n must be >= 1, got 0"},
            {cheb.replace("\"degree\" : 4", "\"degree\" : 3"), "has 6 parameters, got 7"},
            {cheb.replace("\"affine\"", "\"tanh\""), "unknown Chebyshev input map \"tanh\""},
            {cheb.replace("[ [ -1.0, 1.0 ] ]", "[ [ 1.0, -1.0 ] ]"), "network.layers[0].basis.ranges[0]"},
            {cheb.replace("[ [ -1.0, 1.0 ] ]", "[ [ -1.0, 1.0, 2.0 ] ]"), "a range is [lower, upper], got 3 numbers"},
            {cheb.replace("\"basis\" : {", "\"order\" : 3, \"basis\" : {"), "network.layers[0].order"},
            {cheb.replace("\"map\"", "\"colour\""), "network.layers[0].basis.colour"},
            {rbf.replace("\"width\" : [ 1.5 ]", "\"width\" : [ 1.5, 1.5 ]"), "needs one width per input node (1), got 2"},
            {rbf.replace("\"width\" : [ 1.5 ]", "\"width\" : [ -1.0 ]"), "width must be finite and > 0, got -1.0"},
            {rbf.replace("\"extension\" : 4", "\"extension\" : 5"), "got 11 centres with 5 beyond each end"},
            {rbf.replace("-3.0, -2.0", "-3.0, -2.5"), "uniformly spaced"},
            {fourier.replace("\"omega\" : [ 1.5707963267948966 ]", "\"omega\" : [ -1.0 ]"), "omega must be finite and > 0, got -1.0"},
            {fourier.replace("\"frequencies\" : 2", "\"frequencies\" : \"two\""), "network.layers[0].basis.frequencies"},
            {fourier.replace("\"ranges\" : [ [ -1.0, 1.0 ] ]", "\"ranges\" : [ ]"), "needs one entry per input node (1)"},
        };
        for (String[] c : cases) {
            ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.fromJson(c[0], "m.json"),
                    "should reject: " + c[1]);
            assertTrue(e.getMessage().contains("m.json") && e.getMessage().contains(c[1]),
                    "message '" + e.getMessage() + "' should name the file and contain '" + c[1] + "'");
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
            {good.replace("\"order\" : 3", "\"order\" : 0"), "degree k must be >= 1, got 0"},
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
