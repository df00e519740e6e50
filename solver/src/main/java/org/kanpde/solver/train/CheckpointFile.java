package org.kanpde.solver.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.kanpde.solver.io.AtomicFile;
import org.kanpde.solver.io.JsonFields;
import org.kanpde.solver.io.ModelFile;
import org.kanpde.solver.io.ModelFileException;
import org.kanpde.solver.optim.OptimizerState;

/**
 * Checkpoints as JSON documents ({@code "format": "kanpde-checkpoint", "version": 3}), written
 * atomically. The network is embedded as a {@link ModelFile} document. NaN values (errors not
 * measured) are written as null. Version 2 added {@code "settings"}, the
 * {@link Checkpoint#settings()} that a resume is checked against; version 3 records them under the
 * names of {@link Training#fingerprint()} (every optimizer setting of every stage, the
 * collocation's resampling). Versions 1 and 2 are still read and resume, but with no settings to
 * check: version 2 names them as an older build did, so comparing them would only refuse. Reading validates the document ({@link JsonFields}) and fails with
 * a {@link ModelFileException} that names the file and the JSON path of the bad value.
 */
public final class CheckpointFile {
    /** Format identifier. */
    public static final String FORMAT = "kanpde-checkpoint";
    /** Version written; this and {@link #OLDEST_VERSION} up to it are read. */
    public static final int VERSION = 3;
    /** Oldest version read. */
    public static final int OLDEST_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private CheckpointFile() {
    }

    /** Writes a checkpoint atomically (temporary file, then rename). */
    public static void write(Path file, Checkpoint c) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("problem", c.problemName());
        root.put("seed", c.seed());
        root.put("stageCount", c.stageCount());
        root.put("stageIndex", c.stageIndex());
        root.put("stageIterations", c.stageIterations());
        root.put("stageSeconds", c.stageSeconds());
        root.put("iterations", c.iterations());
        root.put("elapsedSeconds", c.elapsedSeconds());
        root.put("samplingSalt", c.samplingSalt());
        root.put("diverged", c.diverged());
        ObjectNode settings = root.putObject("settings");
        c.settings().forEach(settings::put);
        number(root, "lastLoss", c.lastLoss());
        number(root, "bestLoss", c.bestLoss());
        if (c.best() == null) {
            root.putNull("best");
        } else {
            root.set("best", doubles(c.best()));
        }
        OptimizerState s = c.optimizer();
        if (s == null) {
            root.putNull("optimizer");
        } else {
            ObjectNode o = root.putObject("optimizer");
            o.put("method", s.method());
            o.put("iterations", s.iterations());
            o.put("evaluations", s.evaluations());
            o.set("point", doubles(s.point()));
            o.set("numbers", doubles(s.numbers()));
            ArrayNode ints = o.putArray("integers");
            for (int v : s.integers()) {
                ints.add(v);
            }
        }
        root.set("model", ModelFile.toTree(c.model(), c.problemName(), Map.of()));
        ArrayNode history = root.putArray("history");
        for (HistoryEntry e : c.history()) {
            ArrayNode row = history.addArray();
            row.add(e.stage());
            row.add(e.iteration());
            row.add(e.seconds());
            addNumber(row, e.loss());
            addNumber(row, e.relL2());
            row.add(e.parameters());
        }
        ArrayNode messages = root.putArray("messages");
        c.messages().forEach(messages::add);
        ArrayNode reports = root.putArray("reports");
        for (Checkpoint.Report r : c.reports()) {
            ObjectNode o = reports.addObject();
            o.put("index", r.index());
            o.put("iterations", r.iterations());
            o.put("seconds", r.seconds());
            number(o, "loss", r.loss());
            number(o, "relL2", r.relL2());
            o.put("reason", r.reason().name());
            o.put("parameters", r.parameters());
        }
        AtomicFile.write(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    /**
     * Reads a checkpoint.
     *
     * @throws ModelFileException if the file is missing or invalid, naming the file and the JSON
     *                            path of the bad value
     */
    public static Checkpoint read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ModelFileException("checkpoint " + file + " does not exist", e);
        } catch (IOException e) {
            throw new ModelFileException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ModelFileException("checkpoint " + file + " is not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
        String label = "checkpoint " + file;
        JsonFields root = JsonFields.root(tree, (path, detail, cause) ->
                new ModelFileException(JsonFields.message(label, path, detail), cause));
        String format = root.text("format");
        if (!FORMAT.equals(format)) {
            throw root.failAt("format", "expected '" + FORMAT + "', got '" + format + "'");
        }
        int version = root.integer("version");
        if (version < OLDEST_VERSION || version > VERSION) {
            throw root.failAt("version", "unsupported version " + version + " (this build reads versions " + OLDEST_VERSION
                    + " to " + VERSION + ")");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        if (version >= 3) {
            JsonFields s = root.object("settings");
            for (Map.Entry<String, JsonNode> e : s.node().properties()) {
                settings.put(e.getKey(), s.asText(e.getValue(), s.path(e.getKey())));
            }
        }
        try {
            return new Checkpoint(root.text("problem"), root.longInteger("seed"), root.integer("stageCount"),
                    ModelFile.fromTree(root.object("model")).network(), root.integer("stageIndex"),
                    root.integer("stageIterations"), root.number("stageSeconds"), root.integer("iterations"),
                    root.number("elapsedSeconds"), root.integer("samplingSalt"), root.bool("diverged"),
                    root.numberOrNaN("lastLoss"), optimizer(root), present(root, "best") ? root.numbers("best") : null,
                    root.numberOrNaN("bestLoss"), history(root), messages(root), reports(root), settings);
        } catch (ModelFileException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw root.fail(e.getMessage(), e);
        }
    }

    private static boolean present(JsonFields o, String key) {
        return o.has(key) && !o.get(key).isNull();
    }

    private static OptimizerState optimizer(JsonFields root) {
        if (!present(root, "optimizer")) {
            return null;
        }
        JsonFields o = root.object("optimizer");
        return new OptimizerState(o.text("method"), o.integer("iterations"), o.integer("evaluations"), o.numbers("point"),
                o.numbers("numbers"), o.integers("integers"));
    }

    private static List<HistoryEntry> history(JsonFields root) {
        List<HistoryEntry> history = new ArrayList<>();
        JsonNode rows = root.array("history");
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            String at = "history[" + i + "]";
            if (!row.isArray() || row.size() != 6) {
                throw root.failAt(at, "must be an array of 6 entries (stage, iteration, seconds, loss, relL2, parameters), got "
                        + (row.isArray() ? row.size() + " entries" : JsonFields.describe(row)));
            }
            history.add(new HistoryEntry(root.asInteger(row.get(0), at + "[0]"), root.asInteger(row.get(1), at + "[1]"),
                    root.asNumber(row.get(2), at + "[2]"), root.asNumberOrNaN(row.get(3), at + "[3]"),
                    root.asNumberOrNaN(row.get(4), at + "[4]"), root.asInteger(row.get(5), at + "[5]")));
        }
        return history;
    }

    private static List<String> messages(JsonFields root) {
        List<String> messages = new ArrayList<>();
        JsonNode array = root.array("messages");
        for (int i = 0; i < array.size(); i++) {
            messages.add(root.asText(array.get(i), "messages[" + i + "]"));
        }
        return messages;
    }

    private static List<Checkpoint.Report> reports(JsonFields root) {
        List<Checkpoint.Report> reports = new ArrayList<>();
        for (JsonFields r : root.objects("reports")) {
            String name = r.text("reason");
            StopReason reason;
            try {
                reason = StopReason.valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw r.failAt(r.path("reason"), "unknown stop reason '" + name + "'");
            }
            reports.add(new Checkpoint.Report(r.integer("index"), r.integer("iterations"), r.number("seconds"),
                    r.numberOrNaN("loss"), r.numberOrNaN("relL2"), reason, r.integer("parameters")));
        }
        return reports;
    }

    private static void number(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    private static void addNumber(ArrayNode a, double v) {
        if (Double.isFinite(v)) {
            a.add(v);
        } else {
            a.addNull();
        }
    }

    private static ArrayNode doubles(double[] values) {
        ArrayNode a = MAPPER.createArrayNode();
        for (double v : values) {
            a.add(v);
        }
        return a;
    }
}
