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
import org.kanpde.solver.io.ModelFile;
import org.kanpde.solver.io.ModelFileException;
import org.kanpde.solver.optim.OptimizerState;

/**
 * Checkpoints as JSON documents ({@code "format": "kanpde-checkpoint", "version": 2}), written
 * atomically. The network is embedded as a {@link ModelFile} document. NaN values (errors not
 * measured) are written as null. Version 2 added {@code "settings"}, the
 * {@link Checkpoint#settings()} that a resume is checked against; version 1 files are still read
 * (with no settings to check). Reading validates the document and fails with a
 * {@link ModelFileException} that names the file and the key.
 */
public final class CheckpointFile {
    /** Format identifier. */
    public static final String FORMAT = "kanpde-checkpoint";
    /** Version written; this and {@link #OLDEST_VERSION} up to it are read. */
    public static final int VERSION = 2;
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
        root.set("model", MAPPER.readTree(ModelFile.toJson(c.model(), c.problemName(), Map.of())));
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
     * @throws ModelFileException if the file is missing or invalid
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
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ModelFileException("checkpoint " + file + " is not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
        String src = "checkpoint " + file;
        try {
            if (root == null || !root.isObject()) {
                throw new IllegalArgumentException("the document must be a JSON object");
            }
            if (!FORMAT.equals(text(root, "format"))) {
                throw new IllegalArgumentException("key 'format': expected '" + FORMAT + "'");
            }
            int version = integer(root, "version");
            if (version < OLDEST_VERSION || version > VERSION) {
                throw new IllegalArgumentException("key 'version': unsupported version " + version + " (this build reads "
                        + "versions " + OLDEST_VERSION + " to " + VERSION + ")");
            }
            Map<String, String> settings = new LinkedHashMap<>();
            if (version >= 2) {
                JsonNode sn = root.get("settings");
                if (sn == null || !sn.isObject()) {
                    throw new IllegalArgumentException("key 'settings' must be an object");
                }
                for (Map.Entry<String, JsonNode> e : sn.properties()) {
                    if (!e.getValue().isTextual()) {
                        throw new IllegalArgumentException("key 'settings." + e.getKey() + "' must be a string");
                    }
                    settings.put(e.getKey(), e.getValue().asText());
                }
            }
            OptimizerState state = null;
            JsonNode o = root.get("optimizer");
            if (o != null && !o.isNull()) {
                int[] ints = new int[o.path("integers").size()];
                for (int i = 0; i < ints.length; i++) {
                    ints[i] = o.get("integers").get(i).asInt();
                }
                state = new OptimizerState(text(o, "method"), integer(o, "iterations"), integer(o, "evaluations"),
                        doubleArray(o, "point"), doubleArray(o, "numbers"), ints);
            }
            List<HistoryEntry> history = new ArrayList<>();
            JsonNode rows = array(root, "history");
            for (int i = 0; i < rows.size(); i++) {
                JsonNode row = rows.get(i);
                String at = "history[" + i + "]";
                if (!row.isArray() || row.size() != 6) {
                    throw new IllegalArgumentException("key '" + at + "' must be an array of 6 entries (stage, iteration, "
                            + "seconds, loss, relL2, parameters)");
                }
                for (int k = 0; k < 6; k++) {
                    boolean ok = k == 3 || k == 4 ? row.get(k).isNull() || row.get(k).isNumber()
                            : k == 2 ? row.get(k).isNumber() : row.get(k).isIntegralNumber() && row.get(k).canConvertToInt();
                    if (!ok) {
                        throw new IllegalArgumentException("key '" + at + "[" + k + "]' must be "
                                + (k == 2 || k == 3 || k == 4 ? "a number" : "an integer") + ", got " + row.get(k));
                    }
                }
                history.add(new HistoryEntry(row.get(0).asInt(), row.get(1).asInt(), row.get(2).asDouble(), nan(row.get(3)),
                        nan(row.get(4)), row.get(5).asInt()));
            }
            List<String> messages = new ArrayList<>();
            for (JsonNode m : array(root, "messages")) {
                messages.add(m.asText());
            }
            List<Checkpoint.Report> reports = new ArrayList<>();
            for (JsonNode r : array(root, "reports")) {
                StopReason reason;
                try {
                    reason = StopReason.valueOf(text(r, "reason").toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown stop reason '" + r.get("reason").asText() + "'");
                }
                reports.add(new Checkpoint.Report(integer(r, "index"), integer(r, "iterations"), r.path("seconds").asDouble(),
                        nan(r.get("loss")), nan(r.get("relL2")), reason, integer(r, "parameters")));
            }
            JsonNode best = root.get("best");
            JsonNode model = root.get("model");
            if (model == null || !model.isObject()) {
                throw new IllegalArgumentException("key 'model' is missing");
            }
            return new Checkpoint(text(root, "problem"), root.path("seed").asLong(), integer(root, "stageCount"),
                    ModelFile.fromJson(MAPPER.writeValueAsString(model), src + " (model)").network(),
                    integer(root, "stageIndex"), integer(root, "stageIterations"), root.path("stageSeconds").asDouble(),
                    integer(root, "iterations"), root.path("elapsedSeconds").asDouble(), integer(root, "samplingSalt"),
                    root.path("diverged").asBoolean(), nan(root.get("lastLoss")), state,
                    best == null || best.isNull() ? null : doubleArray(root, "best"), nan(root.get("bestLoss")), history,
                    messages, reports, settings);
        } catch (ModelFileException e) {
            throw e;
        } catch (IllegalArgumentException | NullPointerException | JsonProcessingException e) {
            throw new ModelFileException(src + ": " + (e.getMessage() == null ? "malformed" : e.getMessage()), e);
        }
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

    private static double nan(JsonNode n) {
        return n == null || n.isNull() ? Double.NaN : n.asDouble();
    }

    private static ArrayNode doubles(double[] values) {
        ArrayNode a = MAPPER.createArrayNode();
        for (double v : values) {
            a.add(v);
        }
        return a;
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("key '" + key + "' must be a string");
        }
        return v.asText();
    }

    private static int integer(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new IllegalArgumentException("key '" + key + "' must be an integer");
        }
        return v.asInt();
    }

    private static JsonNode array(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || !v.isArray()) {
            throw new IllegalArgumentException("key '" + key + "' must be an array");
        }
        return v;
    }

    private static double[] doubleArray(JsonNode n, String key) {
        JsonNode v = array(n, key);
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            if (!v.get(i).isNumber()) {
                throw new IllegalArgumentException("key '" + key + "[" + i + "]' must be a number");
            }
            out[i] = v.get(i).asDouble();
        }
        return out;
    }
}
