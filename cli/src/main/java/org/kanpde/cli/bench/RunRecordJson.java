package org.kanpde.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.kanpde.solver.io.JsonFields;
import org.kanpde.solver.optim.Optimizer;
import org.kanpde.solver.solution.ErrorMetrics;
import org.kanpde.solver.train.Stage;
import org.kanpde.solver.train.StageReport;
import org.kanpde.solver.train.StopReason;

/**
 * A finished run as a small JSON document: the run's {@code solve} command (which identifies it) and
 * its {@link RunOutcome}. Doubles are written in their shortest exact form and read back to the bit;
 * an unmeasured error is null.
 */
public final class RunRecordJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A record read back: the command it was made for and its numbers. */
    public record Read(String command, RunOutcome outcome) {
    }

    private RunRecordJson() {
    }

    /** The JSON document of a run's outcome. */
    public static String write(PlannedRun run, RunOutcome o) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "kanpde-run-record");
        root.put("version", 1);
        root.put("key", run.key());
        root.put("run", run.label());
        root.put("command", run.command());
        root.put("parameters", o.parameters());
        root.put("iterations", o.iterations());
        root.put("wallSeconds", o.wallSeconds());
        number(root, "loss", o.loss());
        ErrorMetrics m = o.metrics();
        if (m != null) {
            ObjectNode e = root.putObject("errors");
            number(e, "relL2", m.relL2());
            number(e, "maxAbs", m.maxAbs());
            number(e, "h1Rel", m.h1Rel());
            e.put("nodes", m.nodes());
        }
        ArrayNode stages = root.putArray("stages");
        for (StageReport s : o.stages()) {
            ObjectNode st = stages.addObject();
            st.put("index", s.index());
            st.put("optimizer", s.stage().optimizer().name());
            int[] g = s.stage().gridSizes();
            if (g != null) {
                ArrayNode grid = st.putArray("grid");
                for (int v : g) {
                    grid.add(v);
                }
            }
            st.put("iterations", s.iterations());
            st.put("seconds", s.seconds());
            number(st, "loss", s.loss());
            number(st, "relL2", s.relL2());
            st.put("stop", s.reason().name().toLowerCase(Locale.ROOT));
            st.put("parameters", s.parameters());
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of numbers and strings always serializes", e);
        }
    }

    /**
     * Reads a record.
     *
     * @param text   the JSON text
     * @param source the file name, for messages
     * @throws IllegalArgumentException naming the file, the path and the bad value
     */
    public static Read read(String text, String source) {
        JsonFields.Failure failure = (path, detail, cause) -> new IllegalArgumentException(
                JsonFields.message("run record " + source, path, detail), cause);
        JsonNode doc;
        try {
            doc = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("run record " + source + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        JsonFields root = JsonFields.root(doc, failure);
        if (!"kanpde-run-record".equals(root.text("format", ""))) {
            throw root.failAt("format", "must be 'kanpde-run-record'");
        }
        ErrorMetrics metrics = null;
        if (root.has("errors")) {
            JsonFields e = root.object("errors");
            metrics = new ErrorMetrics(e.numberOrNaN("relL2"), e.numberOrNaN("maxAbs"), e.numberOrNaN("h1Rel"), e.integer("nodes"));
        }
        List<StageReport> stages = new ArrayList<>();
        for (JsonFields st : root.objects("stages")) {
            Stage stage;
            try {
                stage = Stage.of(Optimizer.parse(st.text("optimizer")));
            } catch (IllegalArgumentException ex) {
                throw st.failAt(st.path("optimizer"), ex.getMessage());
            }
            if (st.has("grid")) {
                stage = stage.withGrid(st.integers("grid"));
            }
            StopReason reason;
            try {
                reason = StopReason.valueOf(st.text("stop").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                throw st.failAt(st.path("stop"), "unknown stop reason '" + st.text("stop") + "'");
            }
            stages.add(new StageReport(st.integer("index"), stage.withIterations(st.integer("iterations")), st.integer("iterations"),
                    st.number("seconds"), st.numberOrNaN("loss"), st.numberOrNaN("relL2"), reason, st.integer("parameters")));
        }
        RunOutcome o = new RunOutcome(root.integer("parameters"), root.integer("iterations"), root.number("wallSeconds"),
                root.numberOrNaN("loss"), metrics, stages);
        return new Read(root.text("command"), o);
    }

    private static void number(ObjectNode node, String key, double v) {
        if (Double.isFinite(v)) {
            node.put(key, v);
        } else {
            node.putNull(key);
        }
    }
}
