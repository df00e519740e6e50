package org.kanpde.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.kanpde.problems.ProblemCatalog;
import org.kanpde.solver.train.Stage;
import org.kanpde.solver.train.TrainingResult;
import org.kanpde.solver.train.Training;
import org.kanpde.solver.optim.LevenbergMarquardt;
import org.kanpde.solver.Runs;

/** Ctrl-C: the shutdown hook waits for results only once there are any, and retraining stops too. */
class InterruptsTest {

    /** Runs what the shutdown hook runs, on this thread, and returns how long it waited in seconds. */
    private static double hook(Interrupts interrupts) throws Exception {
        Method wait = Interrupts.class.getDeclaredMethod("stopAndWait");
        wait.setAccessible(true);
        long t0 = System.nanoTime();
        wait.invoke(interrupts);
        return (System.nanoTime() - t0) * 1e-9;
    }

    @Test
    void beforeTrainingStartsTheHookDoesNotWaitForAThreadThatCannotStop() throws Exception {
        try (Interrupts interrupts = Interrupts.untilTrainingStarts()) {
            double waited = hook(interrupts);
            assertTrue(interrupts.requested());
            assertTrue(waited < Interrupts.UNARMED_GRACE_SECONDS + 2, "waited " + waited + " s");
        }
    }

    @Test
    void onceTrainingStartsTheHookWaitsForTheResults() throws Exception {
        try (Interrupts interrupts = Interrupts.untilTrainingStarts()) {
            new ConsoleProgress(new PrintWriter(new StringWriter()), "", true, interrupts, 1).stageStarted(0,
                    Stage.of(new LevenbergMarquardt()), "KAN", 1);
            Thread writer = new Thread(() -> {
                try {
                    Thread.sleep(1000L * (Interrupts.UNARMED_GRACE_SECONDS + 1));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                interrupts.close();
            });
            writer.start();
            double waited = hook(interrupts);
            writer.join();
            // it waited for close(), past the grace period of an unarmed hook
            assertTrue(waited >= Interrupts.UNARMED_GRACE_SECONDS + 0.5, "waited " + waited + " s");
            assertTrue(waited < Interrupts.ARMED_WAIT_SECONDS, "waited " + waited + " s");
        }
    }

    @Test
    void retrainingAfterPruningNeitherCheckpointsNorIgnoresAStop() throws Exception {
        TrainingOptions t = new TrainingOptions();
        t.problem = "poisson1d";
        t.points = 60;
        t.sampling = "sobol";
        t.boundaryWeight = 1000.0;
        t.seed = 1;
        t.threads = 1;
        ModelOptions m = new ModelOptions();
        m.model = "kan";
        m.grid = "4";
        m.iterations = "3";
        RunPlan plan = RunPlan.of(t, m, ProblemCatalog.get("poisson1d"), "poisson1d", 120,
                java.nio.file.Files.createTempFile("ck", ".json"), 1);
        TrainingResult trained = Runs.train(plan.problem, plan.model, plan.training,
                plan.execution().withoutCheckpoint(), null);
        java.nio.file.Path checkpoint = plan.execution().checkpointFile();
        java.nio.file.Files.delete(checkpoint);
        AtomicBoolean stop = new AtomicBoolean(true);
        StringWriter text = new StringWriter();
        ObjectNode json = ResultJson.MAPPER.createObjectNode();
        TrainingResult pruned = Interpretation.prune(new PrintWriter(text, true), plan, trained, json, stop);
        // one iteration, then the raised flag stops it (instead of 200)
        assertEquals(1, pruned.iterations(), text.toString());
        assertTrue(pruned.stopped());
        assertTrue(text.toString().contains("stopped: interrupted"), text.toString());
        assertFalse(json.get("pruned").isNull());
        assertFalse(java.nio.file.Files.exists(checkpoint), "the retraining wrote the main run's checkpoint");
    }
}
