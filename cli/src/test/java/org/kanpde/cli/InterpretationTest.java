package org.kanpde.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.kanpde.problems.ProblemCatalog;
import org.kanpde.solver.Runs;
import org.kanpde.solver.train.TrainingResult;

/** --prune and --symbolic retrain what is left: without the main run's checkpoint file, and stoppably. */
class InterpretationTest {
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
