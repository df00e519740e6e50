package org.kanpde.solver.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kanpde.net.kan.Kan;
import org.kanpde.net.parallel.ParallelRunner;
import org.kanpde.solver.TestProblems;
import org.kanpde.solver.io.ModelFileException;
import org.kanpde.solver.problem.Problem;
import org.kanpde.solver.optim.LevenbergMarquardt;
import org.kanpde.solver.optim.Adam;
import org.kanpde.solver.optim.Lbfgs;
import org.kanpde.solver.Runs;
import org.kanpde.solver.collocation.Collocation;
import org.kanpde.solver.quadrature.QuadratureRule;
import org.kanpde.solver.solution.ErrorMeasure;
import org.kanpde.solver.solution.ErrorMetrics;

class TrainingSessionTest {
    @TempDir
    Path dir;

    private static final Problem PROBLEM = TestProblems.poisson2dSin();

    /** Every optimizer, a grid extension and a resampled stage: all the state a checkpoint must carry. */
    private static final Training TRAINING = Training.builder()
            .collocation(Collocation.of(150).withBoundaryPoints(40).withResampling(true)).seed(3)
            .stage(Stage.of(new LevenbergMarquardt()).withIterations(6))
            .stage(Stage.of(new LevenbergMarquardt()).withGrid(6).withIterations(5))
            .stage(Stage.of(new Adam().withLearningRate(1e-3)).withIterations(5))
            .stage(Stage.of(new Lbfgs()).withIterations(5)).build();

    private static Execution threads(int n) {
        return Execution.defaults().withThreads(n);
    }

    private static Kan kan() {
        return Kan.builder().widths(2, 2, 1).gridSize(4).degree(3).inputRange(-1, 1).seed(5).build();
    }

    private static double[] losses(TrainingResult r) {
        return r.history().stream().mapToDouble(HistoryEntry::loss).toArray();
    }

    private static TrainingResult uninterrupted() {
        return Runs.train(PROBLEM, kan(), TRAINING, threads(2), null);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 6, 7, 13, 17, 20, 21})
    void aCheckpointResumesBitIdentically(int stepsBefore) throws Exception {
        TrainingResult reference = uninterrupted();
        Path file = dir.resolve("checkpoint.json");
        try (TrainingSession session = TrainingSession.start(PROBLEM, kan(), TRAINING, threads(2), null)) {
            for (int i = 0; i < stepsBefore; i++) {
                assertTrue(session.step());
            }
            session.writeCheckpoint(file);
        }
        Checkpoint checkpoint = CheckpointFile.read(file);
        TrainingResult resumed;
        // a different thread count: results must not depend on it
        try (TrainingSession session = TrainingSession.resume(PROBLEM, TRAINING, threads(1), checkpoint, null)) {
            resumed = session.run();
        }
        assertFalse(resumed.stopped());
        assertEquals(reference.iterations(), resumed.iterations());
        assertArrayEquals(reference.solution().function().parameters(), resumed.solution().function().parameters(), 0.0);
        assertEquals(reference.loss(), resumed.loss(), 0.0);
        assertArrayEquals(losses(reference), losses(resumed), 0.0);
        assertEquals(reference.stages().size(), resumed.stages().size());
        for (int s = 0; s < reference.stages().size(); s++) {
            assertEquals(reference.stages().get(s).loss(), resumed.stages().get(s).loss(), 0.0);
            assertEquals(reference.stages().get(s).reason(), resumed.stages().get(s).reason());
        }
    }

    @Test
    void aStopRequestFromAnotherThreadPausesAndRunResumes() throws Exception {
        TrainingResult reference = uninterrupted();
        CountDownLatch third = new CountDownLatch(1);
        CountDownLatch stopRequested = new CountDownLatch(1);
        AtomicReference<TrainingResult> paused = new AtomicReference<>();
        try (TrainingSession session = TrainingSession.start(PROBLEM, kan(), TRAINING, threads(2), new TrainingListener() {
            @Override
            public boolean iteration(HistoryEntry entry) {
                if (entry.iteration() == 3) {
                    // hold the training thread until the stop request is in: no timing involved
                    third.countDown();
                    try {
                        stopRequested.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return true;
            }
        })) {
            Thread worker = new Thread(() -> paused.set(session.run()));
            worker.start();
            third.await();
            session.requestStop();
            stopRequested.countDown();
            worker.join();
            assertTrue(paused.get().stopped());
            assertEquals(3, paused.get().iterations(), "run() returns after the iteration in progress");
            TrainingResult finished = session.run();
            assertFalse(finished.stopped());
            assertTrue(session.isFinished());
            assertArrayEquals(reference.solution().function().parameters(), finished.solution().function().parameters(), 0.0);
            assertFalse(session.step(), "nothing left to do");
        }
    }

    @Test
    void checkpointsRejectOtherProblemsSettingsAndBrokenFiles() throws Exception {
        Path file = dir.resolve("c.json");
        try (TrainingSession session = TrainingSession.start(PROBLEM, kan(), TRAINING, threads(1), null)) {
            session.step();
            session.writeCheckpoint(file);
        }
        Checkpoint c = CheckpointFile.read(file);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingSession.resume(TestProblems.mixed(), TRAINING, threads(1), c, null));
        assertTrue(e.getMessage().contains("poisson2d-sin"), e.getMessage());
        Training otherSeed = TRAINING.toBuilder().seed(99).build();
        e = assertThrows(IllegalArgumentException.class, () -> TrainingSession.resume(PROBLEM, otherSeed, threads(1), c, null));
        assertTrue(e.getMessage().contains("seed 3"), e.getMessage());
        String text = Files.readString(file);
        Files.writeString(file, text.substring(0, text.length() / 3));
        ModelFileException broken = assertThrows(ModelFileException.class, () -> CheckpointFile.read(file));
        assertTrue(broken.getMessage().contains(file.toString()), broken.getMessage());
        Files.writeString(file, text.replace("\"method\" : \"lm\"", "\"method\" : \"adam\""));
        Checkpoint wrong = CheckpointFile.read(file);
        e = assertThrows(IllegalArgumentException.class, () -> TrainingSession.resume(PROBLEM, TRAINING, threads(1), wrong, null));
        assertTrue(e.getMessage().contains("adam"), e.getMessage());
    }

    @Test
    void resultsAreBitIdenticalAcrossThreadCountsAndRuns() {
        List<TrainingResult> results = List.of(Runs.train(PROBLEM, kan(), TRAINING, threads(1), null),
                Runs.train(PROBLEM, kan(), TRAINING, threads(2), null), Runs.train(PROBLEM, kan(), TRAINING, threads(3), null));
        for (TrainingResult r : results) {
            assertArrayEquals(results.get(0).solution().function().parameters(), r.solution().function().parameters(), 0.0);
            assertArrayEquals(losses(results.get(0)), losses(r), 0.0);
            assertEquals(results.get(0).metrics(), r.metrics());
        }
    }

    @Test
    void theReportedErrorsAreTheErrorMeasuresOnTheTrainingsQuadrature() {
        // every iteration measured, so the history shows the coarser rule at work too
        Training t = Runs.small(60, 20).metricsEvery(1).stage(Stage.of(new LevenbergMarquardt()).withIterations(3)).build();
        QuadratureRule fine = PROBLEM.domain().quadrature(t.quadraturePoints(), t.quadratureSubdivisions(2));
        QuadratureRule coarse = PROBLEM.domain().quadrature(t.quadraturePoints(), t.quadratureSubdivisions(2) / 2);
        try (ParallelRunner runner = new ParallelRunner(1);
             TrainingSession session = TrainingSession.start(PROBLEM, kan(), t, threads(2), null)) {
            for (int i = 1; i <= 3; i++) {
                assertTrue(session.step());
                TrainingResult now = session.result();
                HistoryEntry last = now.history().get(now.history().size() - 1);
                assertEquals(i, last.iteration());
                // Levenberg-Marquardt takes only steps that lower the loss, so the best parameters
                // (which result() reports) are the ones the history entry measured
                assertEquals(now.loss(), last.loss(), 0.0);
                assertEquals(new ErrorMeasure(PROBLEM, coarse).measure(now.solution().function(), runner).relL2(),
                        last.relL2(), 0.0, "history entry " + i);
            }
            TrainingResult r = session.run();
            ErrorMetrics expected = new ErrorMeasure(PROBLEM, fine).measure(r.solution().function(), runner);
            assertEquals(expected, r.metrics());
            assertEquals(fine.size(), r.metrics().nodes());
            assertEquals(expected.relL2(), r.stages().get(0).relL2(), 0.0, "the stage report");
            assertEquals(expected.relL2(), r.history().get(r.history().size() - 1).relL2(), 0.0, "the final history entry");
            // a KAN [2,2,1] after three iterations is far from sin(pi x) sin(pi y): the errors are not 0
            assertTrue(expected.relL2() > 1e-3 && expected.relL2() < 2, expected.toString());
        }
    }
}
