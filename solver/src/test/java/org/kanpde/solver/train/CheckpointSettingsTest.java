package org.kanpde.solver.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kanpde.net.kan.Kan;
import org.kanpde.solver.TestProblems;
import org.kanpde.solver.geometry.SamplingScheme;
import org.kanpde.solver.io.ModelFileException;
import org.kanpde.solver.problem.Problem;
import org.kanpde.solver.optim.LevenbergMarquardt;
import org.kanpde.solver.optim.Adam;
import org.kanpde.solver.optim.Lbfgs;
import org.kanpde.solver.Runs;
import org.kanpde.solver.collocation.Collocation;

/** A checkpoint records the settings and initial network of its run, and resuming checks them. */
class CheckpointSettingsTest {
    @TempDir
    Path dir;

    private static final Problem PROBLEM = TestProblems.poisson2dSin();

    private static final Collocation POINTS = Collocation.of(120).withBoundaryPoints(30);
    private static final Execution ONE_THREAD = Execution.defaults().withThreads(1);

    private static Training.Builder settings() {
        return Training.builder().collocation(POINTS).seed(3)
                .stage(Stage.of(new LevenbergMarquardt()).withIterations(4))
                .stage(Stage.of(new Adam().withLearningRate(1e-3)).withGrid(6).withIterations(4));
    }

    private static Kan kan(long seed) {
        return Kan.builder().widths(2, 2, 1).gridSize(4).degree(3).inputRange(-1, 1).seed(seed).build();
    }

    /** A checkpoint after {@code steps} iterations. */
    private Checkpoint checkpoint(int steps) throws Exception {
        Path file = dir.resolve("c" + steps + ".json");
        try (TrainingSession session = TrainingSession.start(PROBLEM, kan(5), settings().build(), ONE_THREAD, null)) {
            for (int i = 0; i < steps; i++) {
                assertTrue(session.step());
            }
            session.writeCheckpoint(file);
        }
        return CheckpointFile.read(file);
    }

    static Stream<Arguments> changes() {
        return Stream.of(
                Arguments.of("interiorPoints", "120", "121", (UnaryOperator<Training.Builder>) b -> b.collocation(POINTS.withInteriorPoints(121))),
                Arguments.of("boundaryPoints", "30", "31", (UnaryOperator<Training.Builder>) b -> b.collocation(POINTS.withBoundaryPoints(31))),
                Arguments.of("boundaryWeight", "1000.0", "10.0", (UnaryOperator<Training.Builder>) b -> b.boundaryWeight(10)),
                Arguments.of("interiorSampling", "random", "sobol",
                        (UnaryOperator<Training.Builder>) b -> b.collocation(POINTS.withInteriorSampling(SamplingScheme.SOBOL))),
                Arguments.of("hardDirichlet", "false", "true", (UnaryOperator<Training.Builder>) b -> b.hardDirichlet(true)),
                Arguments.of("stage 1 iterations", "4", "5", (UnaryOperator<Training.Builder>) b -> b.stages(
                        java.util.List.of(Stage.of(new LevenbergMarquardt()).withIterations(5),
                                Stage.of(new Adam().withLearningRate(1e-3)).withGrid(6).withIterations(4)))),
                Arguments.of("stage 2 optimizer", "adam", "lbfgs", (UnaryOperator<Training.Builder>) b -> b.stages(
                        java.util.List.of(Stage.of(new LevenbergMarquardt()).withIterations(4),
                                Stage.of(new Lbfgs()).withGrid(6).withIterations(4)))),
                Arguments.of("stage 2 grid", "[6]", "[7]", (UnaryOperator<Training.Builder>) b -> b.stages(
                        java.util.List.of(Stage.of(new LevenbergMarquardt()).withIterations(4),
                                Stage.of(new Adam().withLearningRate(1e-3)).withGrid(7).withIterations(4)))),
                Arguments.of("stage 2 learningRate", "0.001", "0.01", (UnaryOperator<Training.Builder>) b -> b.stages(
                        java.util.List.of(Stage.of(new LevenbergMarquardt()).withIterations(4),
                                Stage.of(new Adam().withLearningRate(1e-2)).withGrid(6).withIterations(4)))),
                Arguments.of("stages", "2", "1", (UnaryOperator<Training.Builder>) b -> b.stages(
                        java.util.List.of(Stage.of(new LevenbergMarquardt()).withIterations(4)))),
                Arguments.of("resampling", "false", "true",
                        (UnaryOperator<Training.Builder>) b -> b.collocation(POINTS.withResampling(true))),
                Arguments.of("stage 1 initialDamping", "0.001", "0.01", (UnaryOperator<Training.Builder>) b -> b.stages(
                        java.util.List.of(Stage.of(new LevenbergMarquardt().withInitialDamping(1e-2)).withIterations(4),
                                Stage.of(new Adam().withLearningRate(1e-3)).withGrid(6).withIterations(4)))),
                Arguments.of("seed", "3", "4", (UnaryOperator<Training.Builder>) b -> b.seed(4)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void a_changed_setting_is_rejected_by_name(String setting, String recorded, String current,
                                               UnaryOperator<Training.Builder> change) throws Exception {
        Checkpoint c = checkpoint(2);
        Training changed = change.apply(settings()).build();
        CheckpointMismatchException e = assertThrows(CheckpointMismatchException.class,
                () -> TrainingSession.resume(PROBLEM, kan(5), changed, ONE_THREAD, c, null));
        assertEquals(setting, e.setting(), e.getMessage());
        assertEquals(recorded, e.recorded());
        assertEquals(current, e.current());
        assertTrue(e.getMessage().contains(setting + " " + recorded), e.getMessage());
    }

    @Test
    void another_execution_may_resume_the_run() throws Exception {
        Checkpoint c = checkpoint(2);
        Execution other = Execution.defaults().withThreads(2).withTimeLimit(500).withCheckpoint(dir.resolve("x.json"), 3);
        try (TrainingSession s = TrainingSession.resume(PROBLEM, kan(5), settings().build(), other, c, null)) {
            assertFalse(s.run().stopped());
        }
    }

    @Test
    void another_initial_network_is_rejected() throws Exception {
        Checkpoint c = checkpoint(2);
        Kan wider = Kan.builder().widths(2, 3, 1).gridSize(4).degree(3).inputRange(-1, 1).seed(5).build();
        CheckpointMismatchException e = assertThrows(CheckpointMismatchException.class,
                () -> TrainingSession.resume(PROBLEM, wider, settings().build(), ONE_THREAD, c, null));
        assertEquals(Checkpoint.MODEL, e.setting());
        assertEquals("KAN [2,2,1] G=4 k=3", e.recorded());
        assertEquals("KAN [2,3,1] G=4 k=3", e.current());
        e = assertThrows(CheckpointMismatchException.class,
                () -> TrainingSession.resume(PROBLEM, kan(6), settings().build(), ONE_THREAD, c, null));
        assertEquals(Checkpoint.INITIAL_PARAMETERS, e.setting());
        // without an initial network only the settings are checked
        TrainingSession.resume(PROBLEM, settings().build(), ONE_THREAD, c, null).close();
    }

    @Test
    void a_resumed_run_records_the_same_settings_for_the_next_resume() throws Exception {
        Checkpoint c = checkpoint(2);
        Path again = dir.resolve("again.json");
        try (TrainingSession s = TrainingSession.resume(PROBLEM, kan(5), settings().build(), ONE_THREAD, c, null)) {
            s.step();
            s.writeCheckpoint(again);
        }
        assertEquals(c.settings(), CheckpointFile.read(again).settings());
        assertEquals(CheckpointFile.VERSION, new ObjectMapper().readTree(again.toFile()).get("version").asInt());
    }

    @ParameterizedTest(name = "version {0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2})
    void older_checkpoints_still_resume_bit_identically_with_a_warning(int version) throws Exception {
        TrainingResult reference = Runs.train(PROBLEM, kan(5), settings().build(), ONE_THREAD, null);
        Path file = dir.resolve("now.json");
        try (TrainingSession session = TrainingSession.start(PROBLEM, kan(5), settings().build(), ONE_THREAD, null)) {
            for (int i = 0; i < 5; i++) {
                session.step();
            }
            session.writeCheckpoint(file);
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(file.toFile());
        root.put("version", version);
        if (version == 1) {
            root.remove("settings");
        } else {
            // version 2 named the settings as an older build did
            ((ObjectNode) root.get("settings")).put("stage 1 resample", "false");
        }
        Path v1 = dir.resolve("v" + version + ".json");
        Files.writeString(v1, json.writeValueAsString(root));
        Checkpoint old = CheckpointFile.read(v1);
        assertTrue(old.settings().isEmpty());
        TrainingResult resumed;
        try (TrainingSession s = TrainingSession.resume(PROBLEM, kan(5), settings().build(), ONE_THREAD, old, null)) {
            resumed = s.run();
        }
        assertArrayEquals(reference.solution().function().parameters(), resumed.solution().function().parameters(), 0.0);
        assertTrue(resumed.messages().stream().anyMatch(m -> m.contains("file version 1")), resumed.messages().toString());
    }

    @Test
    void tampered_checkpoints_give_clear_errors() throws Exception {
        Checkpoint c = checkpoint(6);
        assertEquals(1, c.reports().size());
        Path file = dir.resolve("c6.json");
        ObjectMapper json = new ObjectMapper();

        ObjectNode root = (ObjectNode) json.readTree(file.toFile());
        ((ArrayNode) root.get("history")).set(0, json.createArrayNode().add("x"));
        Files.writeString(file, json.writeValueAsString(root));
        ModelFileException bad = assertThrows(ModelFileException.class, () -> CheckpointFile.read(file));
        assertTrue(bad.getMessage().contains("history[0]"), bad.getMessage());

        checkpoint(6);
        root = (ObjectNode) json.readTree(file.toFile());
        ((ObjectNode) root.get("reports").get(0)).put("index", 9);
        Files.writeString(file, json.writeValueAsString(root));
        Checkpoint wrong = CheckpointFile.read(file);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingSession.resume(PROBLEM, kan(5), settings().build(), ONE_THREAD, wrong, null));
        assertTrue(e.getMessage().contains("stage index 9"), e.getMessage());

        checkpoint(6);
        root = (ObjectNode) json.readTree(file.toFile());
        root.put("version", CheckpointFile.VERSION + 1);
        Files.writeString(file, json.writeValueAsString(root));
        bad = assertThrows(ModelFileException.class, () -> CheckpointFile.read(file));
        assertTrue(bad.getMessage().contains("unsupported version " + (CheckpointFile.VERSION + 1)), bad.getMessage());
    }

    @Test
    void no_checkpoint_undoes_a_checkpoint_setting() {
        Execution e = ONE_THREAD.withCheckpoint(dir.resolve("k.json"), 5).withoutCheckpoint();
        assertNull(e.checkpointFile());
        assertEquals(0, e.checkpointEvery());
    }
}
