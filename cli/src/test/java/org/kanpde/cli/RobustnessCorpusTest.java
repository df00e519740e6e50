package org.kanpde.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kanpde.net.kan.Kan;
import org.kanpde.net.mlp.Mlp;
import org.kanpde.net.basis.BSplineBasis;
import org.kanpde.problems.ProblemCatalog;
import org.kanpde.problems.files.ProblemFiles;
import org.kanpde.solver.PdeSolver;
import org.kanpde.solver.geometry.Box;
import org.kanpde.solver.geometry.Disk;
import org.kanpde.solver.geometry.Polygon;
import org.kanpde.solver.geometry.SamplingScheme;
import org.kanpde.solver.io.ModelFile;
import org.kanpde.solver.problem.BoundaryCondition;
import org.kanpde.solver.problem.Field;
import org.kanpde.solver.problem.Nonlinearity;
import org.kanpde.solver.problem.Problem;
import org.kanpde.solver.optim.Adam;
import org.kanpde.solver.optim.Lbfgs;
import org.kanpde.solver.optim.LevenbergMarquardt;
import org.kanpde.solver.train.Stage;
import org.kanpde.solver.train.Training;
import org.kanpde.solver.Runs;
import org.kanpde.solver.train.Execution;
import org.kanpde.solver.collocation.Collocation;

/**
 * A corpus of bad inputs across the Java API, problem files and model files. Each must end, within
 * seconds, in an IllegalArgumentException (or a subclass) whose message names the bad value: never
 * a NullPointerException, an ArrayIndexOutOfBoundsException, a silent NaN, a crash or a hang.
 */
class RobustnessCorpusTest {

    private static final String GOOD_PROBLEM = "{ \"name\": \"p\", \"domain\": { \"type\": \"box\", \"min\": [-1, -1], "
            + "\"max\": [1, 1] }, \"source\": \"1\", \"boundary\": { \"type\": \"dirichlet\", \"value\": \"0\" } }";

    private static String goodModel() {
        return ModelFile.toJson(Kan.builder().widths(2, 2, 1).gridSize(3).seed(1).build(), "p", Map.of());
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private static Arguments bad(String name, String fragment, Executable action) {
        return Arguments.of(name, fragment, action);
    }

    static Stream<Arguments> corpus() {
        Problem paper = ProblemCatalog.get("poisson2d-paper");
        Training one = Training.builder().collocation(Collocation.of(20).withBoundaryPoints(4))
                .stage(Stage.of(new LevenbergMarquardt()).withIterations(1)).build();
        List<Arguments> cases = new ArrayList<>(List.of(
                // Java API
                bad("empty widths", "[]", () -> Kan.builder().widths()),
                bad("zero width", "got 0", () -> Kan.builder().widths(2, 0, 1)),
                bad("vector output", "output width must be 1", () -> Kan.builder().widths(2, 3, 2)),
                bad("grid size 0", "got 0", () -> Kan.builder().gridSize(0)),
                bad("negative order", "got -1", () -> Kan.builder().degree(-1)),
                bad("NaN range", "NaN", () -> Kan.builder().inputRange(Double.NaN, 1)),
                bad("empty range", "[1.0, 1.0]", () -> Kan.builder().inputRange(1, 1)),
                bad("MLP single width", "[2]", () -> Mlp.tanh(0, 2)),
                bad("MLP parameters mismatch", "got 3", () -> Mlp.of(new int[] {1, 2, 1},
                        org.kanpde.net.mlp.Activation.TANH, new double[3])),
                bad("repeated knots", "0.5", () -> BSplineBasis.onGrid(new double[] {0, 0.5, 0.5, 1}, 3)),
                bad("NaN constant", "NaN", () -> Field.constant(Double.NaN)),
                bad("infinite constant", "Infinity", () -> Field.constant(Double.POSITIVE_INFINITY)),
                bad("box min = max", "1", () -> new Box(new double[] {1, 0}, new double[] {1, 1})),
                bad("box NaN", "NaN", () -> new Box(new double[] {Double.NaN}, new double[] {1})),
                bad("disk radius 0", "0", () -> new Disk(0, 0, 0)),
                bad("bow-tie polygon", "intersect", () -> new Polygon(new double[] {0, 0, 1, 1, 1, 0, 0, 1})),
                bad("sliver polygon", "too thin", () -> new Polygon(new double[] {0, 0, 1, 0, 0.5, 1e-11})),
                bad("sliver box", "too thin", () -> new Box(new double[] {0, 0}, new double[] {1, 1e-11})),
                bad("needle polygon", "fills too little of its bounding box", () -> new Polygon(
                        new double[] {0, 0, 1, 1, 1, 1 + 1e-6, 0, 1e-6}).sampleInterior(100, SamplingScheme.RANDOM, 1)),
                bad("problem without source", "no source", () -> Problem.builder().domain(Box.interval(0, 1))
                        .boundary(BoundaryCondition.dirichlet(Field.constant(0))).build()),
                bad("problem without domain", "no domain", () -> Problem.builder().source(Field.constant(1)).build()),
                bad("unknown boundary part", "left", () -> Problem.builder().domain(Box.cube(2, 0, 1))
                        .boundary("left", BoundaryCondition.neumann(Field.constant(0)))),
                bad("no interior points", "got 0", () -> Collocation.of(0)),
                bad("negative boundary weight", "-1.0", () -> Training.builder().boundaryWeight(-1)),
                bad("negative iterations", "got -1", () -> Stage.of(new LevenbergMarquardt()).withIterations(-1)),
                bad("zero time budget", "0.0", () -> Stage.of(new LevenbergMarquardt()).withSeconds(0)),
                bad("zero threads", "got 0", () -> Execution.defaults().withThreads(0)),
                bad("NaN learning rate", "NaN", () -> new Adam().withLearningRate(Double.NaN)),
                bad("grids for an MLP", "KANs only", () -> PdeSolver.mlp().grids(5)),
                bad("power 1 nonlinearity", "got 1", () -> Nonlinearity.power(1, 1)),
                bad("Robin 0, 0", "alpha = 0.0", () -> BoundaryCondition.robin(0, 0, Field.constant(0))),
                bad("3-D network on a 2-D problem", "3-D", () -> Runs.train(paper,
                        Kan.builder().widths(3, 2, 1).build(), one, null)),
                bad("hard Dirichlet on Neumann sides", "Dirichlet", () -> Runs.train(
                        ProblemCatalog.get("reaction2d-neumann"), Kan.builder().widths(2, 2, 1).build(),
                        one.toBuilder().hardDirichlet(true).build(), null)),
                bad("unknown catalogue id", "no-such", () -> ProblemCatalog.get("no-such")),
                // problem files
                bad("empty problem file", "bad.json", () -> ProblemFiles.parse("", "bad.json")),
                bad("empty object", "domain", () -> ProblemFiles.parse("{}", "bad.json")),
                bad("truncated problem", "bad.json", () -> ProblemFiles.parse(GOOD_PROBLEM.substring(0, 40), "bad.json")),
                bad("unknown domain type", "sphere", () -> ProblemFiles.parse(GOOD_PROBLEM.replace("\"box\"", "\"sphere\""),
                        "bad.json")),
                bad("duplicate key", "source", () -> ProblemFiles.parse(GOOD_PROBLEM.replace("\"source\": \"1\"",
                        "\"source\": \"1\", \"source\": \"2\""), "bad.json")),
                bad("deep nesting", "bad.json", () -> ProblemFiles.parse("{ \"name\": " + nested(5000) + " }", "bad.json")),
                bad("overflowing number", "min", () -> ProblemFiles.parse(GOOD_PROBLEM.replace("[-1, -1]", "[-1e400, -1]"),
                        "bad.json")),
                bad("formula syntax", "sin(pi*x", () -> ProblemFiles.parse(GOOD_PROBLEM.replace("\"source\": \"1\"",
                        "\"source\": \"sin(pi*x\""), "bad.json")),
                bad("unknown function", "sinc", () -> ProblemFiles.parse(GOOD_PROBLEM.replace("\"source\": \"1\"",
                        "\"source\": \"sinc(x)\""), "bad.json")),
                bad("division by zero", "1/0", () -> ProblemFiles.parse(GOOD_PROBLEM.replace("\"source\": \"1\"",
                        "\"source\": \"1/0\""), "bad.json")),
                bad("z in a 2-D problem", "z", () -> ProblemFiles.parse(GOOD_PROBLEM.replace("\"source\": \"1\"",
                        "\"source\": \"z\""), "bad.json")),
                bad("min and max differ in length", "max", () -> ProblemFiles.parse(GOOD_PROBLEM.replace("\"max\": [1, 1]",
                        "\"max\": [1, 1, 1]"), "bad.json")),
                bad("huge grid", "bad.json", () -> ProblemFiles.parse(GOOD_PROBLEM.replace("[-1, -1]",
                        "[" + "0, ".repeat(100_000) + "0]"), "bad.json")),
                // model files
                bad("empty model", "m.json", () -> ModelFile.fromJson("", "m.json")),
                bad("truncated model", "not valid JSON", () -> ModelFile.fromJson(goodModel().substring(0, 100), "m.json")),
                bad("future version", "version 99", () -> ModelFile.fromJson(goodModel().replace("\"version\" : " + ModelFile.VERSION,
                        "\"version\" : 99"), "m.json")),
                bad("NaN parameter", "parameters", () -> ModelFile.fromJson(goodModel().replaceFirst(
                        "(\"parameters\" : \\[ )[^,]+", "$1\"NaN\""), "m.json")),
                bad("parameter count", "parameters", () -> ModelFile.fromJson(goodModel().replaceFirst(
                        "\"parameters\" : \\[ ", "\"parameters\" : [ 1.0, 2.0, "), "m.json")),
                bad("unknown network", "unknown network type", () -> ModelFile.fromJson(goodModel().replace("\"kan\"",
                        "\"rnn\""), "m.json")),
                bad("absurd width", "m.json", () -> ModelFile.fromJson(goodModel().replace("\"widths\" : [ 2, 2, 1 ]",
                        "\"widths\" : [ 2, 2147483647, 1 ]"), "m.json")),
                bad("deeply nested model", "m.json", () -> ModelFile.fromJson(nested(5000), "m.json"))));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void badInputGivesAClearErrorQuickly(String name, String fragment, Executable action) {
        IllegalArgumentException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(IllegalArgumentException.class, action, name));
        assertNotNull(e.getMessage(), name + ": no message");
        assertTrue(e.getMessage().contains(fragment), name + ": message '" + e.getMessage() + "' should contain '" + fragment + "'");
        assertFalse(e.getMessage().contains("null") && !fragment.contains("null"), name + ": message mentions null: " + e.getMessage());
        assertTrue(e.getMessage().lines().count() <= 2, name + ": message should be short: " + e.getMessage());
    }
}
