package org.kanpde.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kanpde.problems.ProblemCatalog;
import org.kanpde.solver.train.TrainingSession;

class CliCheckpointTest {
    @TempDir
    Path dir;

    private static final String[] RUN = {"--problem", "poisson1d", "--grid", "5,8", "--iterations", "12", "--points", "150",
        "--sampling", "sobol", "--threads", "2", "-q"};

    private static String[] with(String... extra) {
        String[] args = new String[1 + RUN.length + extra.length];
        args[0] = "solve";
        System.arraycopy(RUN, 0, args, 1, RUN.length);
        System.arraycopy(extra, 0, args, 1 + RUN.length, extra.length);
        return args;
    }

    @Test
    void resumingACheckpointGivesTheUninterruptedResult() throws Exception {
        Path full = dir.resolve("full");
        assertEquals(0, CliTestSupport.run(with("--out", full.toString())).code());

        // interrupt a run of the same plan after 17 iterations (mid second stage) and checkpoint it
        TrainingOptions t = new TrainingOptions();
        t.problem = "poisson1d";
        t.points = 150;
        t.sampling = "sobol";
        t.boundaryWeight = 1000;
        t.seed = 1;
        t.threads = 2;
        ModelOptions m = new ModelOptions();
        m.model = "kan";
        m.grid = "5,8";
        m.iterations = "12";
        m.learningRate = 1e-3;
        RunPlan plan = RunPlan.of(t, m, ProblemCatalog.get("poisson1d"), "poisson1d", 120);
        Path checkpoint = dir.resolve("checkpoint.json");
        try (TrainingSession session = TrainingSession.start(plan.problem, plan.model, plan.settings, null)) {
            for (int i = 0; i < 17; i++) {
                session.step();
            }
            session.writeCheckpoint(checkpoint);
        }

        Path resumed = dir.resolve("resumed");
        CliTestSupport.Outcome o = CliTestSupport.run(with("--resume", checkpoint.toString(), "--out", resumed.toString()));
        assertEquals(0, o.code(), o.out() + o.err());
        ObjectMapper json = new ObjectMapper();
        JsonNode a = json.readTree(full.resolve("result.json").toFile());
        JsonNode b = json.readTree(resumed.resolve("result.json").toFile());
        assertEquals(a.get("iterations").asInt(), b.get("iterations").asInt());
        assertEquals(a.get("loss").asDouble(), b.get("loss").asDouble(), 0.0);
        assertEquals(a.get("relL2").asDouble(), b.get("relL2").asDouble(), 0.0);
        assertTrue(a.get("history").size() == b.get("history").size());
    }

    @Test
    void periodicCheckpointsAreWrittenAndBadResumesAreRejected() throws Exception {
        Path checkpoint = dir.resolve("ck.json");
        CliTestSupport.Outcome o = CliTestSupport.run(with("--checkpoint", checkpoint.toString(), "--checkpoint-every", "5"));
        assertEquals(0, o.code(), o.err());
        assertTrue(checkpoint.toFile().isFile());
        CliTestSupport.Outcome other = CliTestSupport.run("solve", "--problem", "poisson2d-sin", "--resume", checkpoint.toString(),
                "-q");
        assertEquals(2, other.code(), other.err());
        assertTrue(other.err().contains("poisson1d"), other.err());
        CliTestSupport.Outcome missing = CliTestSupport.run(with("--resume", dir.resolve("nope.json").toString()));
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("nope.json"), missing.err());
    }
}
