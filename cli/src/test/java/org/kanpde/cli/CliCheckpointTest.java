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
        t.boundaryWeight = 1000.0;
        t.seed = 1;
        t.threads = 2;
        ModelOptions m = new ModelOptions();
        m.model = "kan";
        m.grid = "5,8";
        m.iterations = "12";
        RunPlan plan = RunPlan.of(t, m, ProblemCatalog.get("poisson1d"), "poisson1d", 120);
        Path checkpoint = dir.resolve("checkpoint.json");
        try (TrainingSession session = TrainingSession.start(plan.problem, plan.model, plan.training, plan.execution(), null)) {
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

    @Test
    void resumingWithOtherOptionsIsRefusedNamingTheOption() throws Exception {
        Path checkpoint = dir.resolve("ck.json");
        assertEquals(0, CliTestSupport.run(with("--checkpoint", checkpoint.toString(), "--checkpoint-every", "5")).code());
        String[][] changes = {
            {"--points", "140"}, {"--boundary-weight", "10"}, {"--sampling", "random"}, {"--iterations", "13"},
            {"--optimizer", "lbfgs"}, {"--width", "1,4,1"}, {"--k", "3"}, {"--seed", "2"}};
        String[] named = {"--points 150", "--boundary-weight 1000.0", "--sampling sobol", "--iterations 12",
            "--optimizer lm", "KAN [1,3,1]", "k=5", "--seed 1"};
        for (int i = 0; i < changes.length; i++) {
            String[] args = with("--resume", checkpoint.toString());
            int at = java.util.Arrays.asList(args).indexOf(changes[i][0]);
            if (at >= 0) {
                args[at + 1] = changes[i][1];
            } else {
                args = java.util.Arrays.copyOf(args, args.length + 2);
                args[args.length - 2] = changes[i][0];
                args[args.length - 1] = changes[i][1];
            }
            CliTestSupport.Outcome o = CliTestSupport.run(args);
            assertEquals(2, o.code(), String.join(" ", changes[i]) + ": " + o.out() + o.err());
            String first = o.err().lines().findFirst().orElse("");
            assertTrue(first.startsWith("kanpde: --resume " + checkpoint + ": the interrupted run "), first);
            assertTrue(first.contains(named[i]), String.join(" ", changes[i]) + ": " + first);
        }
        // the time limit and the thread count may change
        String[] args = with("--resume", checkpoint.toString(), "--time-limit", "300");
        args[java.util.Arrays.asList(args).indexOf("--threads") + 1] = "1";
        CliTestSupport.Outcome o = CliTestSupport.run(args);
        assertEquals(0, o.code(), o.out() + o.err());
    }

    @Test
    void pruningDoesNotOverwriteTheCheckpointOfTheRun() throws Exception {
        Path checkpoint = dir.resolve("ck.json");
        CliTestSupport.Outcome o = CliTestSupport.run(with("--checkpoint", checkpoint.toString(), "--prune"));
        assertEquals(0, o.code(), o.out() + o.err());
        assertTrue(o.out().contains("pruned"), o.out());
        JsonNode c = new ObjectMapper().readTree(checkpoint.toFile());
        assertEquals(2, c.get("stageCount").asInt(), "the checkpoint of the main run, not of the retraining");
        assertEquals(24, c.get("iterations").asInt());
        CliTestSupport.Outcome resumed = CliTestSupport.run(with("--resume", checkpoint.toString()));
        assertEquals(0, resumed.code(), resumed.out() + resumed.err());
    }

    @Test
    void tamperedCheckpointsAreBadInput() throws Exception {
        Path checkpoint = dir.resolve("ck.json");
        assertEquals(0, CliTestSupport.run(with("--checkpoint", checkpoint.toString())).code());
        ObjectMapper json = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode root = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(
                checkpoint.toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("reports").get(0)).put("index", 7);
        java.nio.file.Files.writeString(checkpoint, json.writeValueAsString(root));
        CliTestSupport.Outcome o = CliTestSupport.run(with("--resume", checkpoint.toString()));
        assertEquals(2, o.code(), o.out() + o.err());
        assertTrue(o.err().contains("stage index 7"), o.err());
        ((com.fasterxml.jackson.databind.node.ArrayNode) root.get("history")).set(1, json.createArrayNode().add(1));
        java.nio.file.Files.writeString(checkpoint, json.writeValueAsString(root));
        o = CliTestSupport.run(with("--resume", checkpoint.toString()));
        assertEquals(2, o.code(), o.out() + o.err());
        assertTrue(o.err().contains("history[1]"), o.err());
        assertTrue(!o.err().contains("internal error"), o.err());
    }
}
