package org.kanpde.solver.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.kanpde.net.TrialFunction;
import org.kanpde.net.basis.BasisType;
import org.kanpde.net.basis.ChebyshevBasis;
import org.kanpde.net.basis.EdgeBasis;
import org.kanpde.net.basis.FourierBasis;
import org.kanpde.net.basis.RbfBasis;
import org.kanpde.net.kan.Kan;
import org.kanpde.net.kan.KanLayer;
import org.kanpde.net.mlp.Activation;
import org.kanpde.net.mlp.Mlp;
import org.kanpde.net.basis.BSplineBasis;
import org.kanpde.solver.residual.HardDirichletFunction;

/**
 * Saving and loading trained models as versioned JSON documents:
 * <pre>
 * { "format": "kanpde-model", "version": 1,
 *   "problem": "poisson2d-paper", "hardDirichlet": false,
 *   "network": { "type": "kan", "widths": [2,5,1],
 *                "layers": [ { "order": 5, "knots": [[...], [...]] }, ... ],
 *                "parameters": [...] }
 *            | { "type": "mlp", "widths": [2,20,20,1], "activation": "tanh", "parameters": [...] },
 *   "metadata": { ... } }
 * </pre>
 * A KAN layer with B-spline edges is written as above (order and one extended knot vector per
 * input node), exactly as before other bases existed, so B-spline models stay readable by older
 * builds. A layer with another edge basis is written as one {@code "basis"} object instead, with
 * one entry per input node where a value is per node:
 * <pre>
 *   { "basis": { "type": "chebyshev", "degree": 10, "map": "affine", "ranges": [[-1, 1], [-1, 1]] } }
 *   { "basis": { "type": "rbf", "extension": 2, "centres": [[-2, -1.5, -1, ..., 2], [...]], "width": [0.5, 0.5] } }
 *   { "basis": { "type": "fourier", "frequencies": 5, "ranges": [[-1, 1], [...]], "omega": [1.5707963267948966, ...] } }
 *   { "basis": { "type": "bspline", "order": 5, "knots": [[...], ...] } }   (accepted when reading)
 * </pre>
 * A layer without {@code "basis"} is B-splines, so every existing file still loads.
 * Doubles are written in their shortest round-tripping form, so a loaded model evaluates to
 * bit-identical values. Files are written atomically (a temporary file in the same directory,
 * then a rename), so a crash never leaves a half-written model. Reading validates everything and
 * fails with a {@link ModelFileException} naming the file and the problem: malformed or truncated
 * JSON, duplicate keys, an unknown format, version or network type, shapes inconsistent with the
 * widths, non-finite parameters or invalid knots.
 */
public final class ModelFile {
    /** The format identifier. */
    public static final String FORMAT = "kanpde-model";
    /** The version written, and the only one read. */
    public static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ModelFile() {
    }

    /**
     * Writes a model atomically.
     *
     * @param path     target file (its directory must exist)
     * @param model    a Kan, an Mlp, or a HardDirichletFunction around one
     * @param problem  problem id or file the model was trained on
     * @param metadata training metadata (values: strings, numbers, booleans, lists, maps)
     * @throws IOException if the file cannot be written
     */
    public static void write(Path path, TrialFunction model, String problem, Map<String, ?> metadata) throws IOException {
        writeAtomically(path, toJson(model, problem, metadata));
    }

    /** Writes text to a file atomically: a temporary sibling, then a rename over the target. */
    public static void writeAtomically(Path path, String text) throws IOException {
        Path target = path.toAbsolutePath();
        Path dir = target.getParent();
        // a fresh name in the same directory (so the rename is atomic), created with default permissions
        Path temp = dir.resolve("." + target.getFileName() + "." + java.util.UUID.randomUUID() + ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW,
                    java.nio.file.StandardOpenOption.WRITE);
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The JSON document for a model. */
    public static String toJson(TrialFunction model, String problem, Map<String, ?> metadata) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("problem", problem == null ? "" : problem);
        TrialFunction network = model;
        boolean hard = false;
        if (model instanceof HardDirichletFunction) {
            network = ((HardDirichletFunction) model).network();
            hard = true;
        }
        root.put("hardDirichlet", hard);
        root.set("network", networkNode(network));
        root.set("metadata", MAPPER.valueToTree(metadata == null ? Map.of() : metadata));
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize model metadata: " + e.getOriginalMessage(), e);
        }
    }

    private static ObjectNode networkNode(TrialFunction network) {
        ObjectNode node = MAPPER.createObjectNode();
        if (network instanceof Kan) {
            Kan kan = (Kan) network;
            node.put("type", "kan");
            node.set("widths", ints(kan.widths()));
            ArrayNode layers = node.putArray("layers");
            for (int l = 0; l < kan.layerCount(); l++) {
                KanLayer layer = kan.layer(l);
                ObjectNode ln = layers.addObject();
                if (layer.basisType() == BasisType.BSPLINE) {
                    putBSplines(ln, layer);
                } else {
                    ln.set("basis", basisNode(layer));
                }
            }
        } else if (network instanceof Mlp) {
            Mlp mlp = (Mlp) network;
            node.put("type", "mlp");
            node.set("widths", ints(mlp.widths()));
            node.put("activation", mlp.activation().name().toLowerCase(java.util.Locale.ROOT));
        } else {
            throw new IllegalArgumentException("cannot save a " + network.getClass().getSimpleName()
                    + "; model files hold KANs and MLPs");
        }
        node.set("parameters", doubles(network.parameters()));
        return node;
    }

    private static void putBSplines(ObjectNode node, KanLayer layer) {
        node.put("order", layer.degree());
        ArrayNode knots = node.putArray("knots");
        for (int i = 0; i < layer.inputs(); i++) {
            knots.add(doubles(((BSplineBasis) layer.basis(i)).knots()));
        }
    }

    private static ObjectNode basisNode(KanLayer layer) {
        ObjectNode node = MAPPER.createObjectNode();
        BasisType type = layer.basisType();
        node.put("type", type.id());
        int n = layer.inputs();
        switch (type) {
            case CHEBYSHEV:
                node.put("degree", layer.gridSize());
                node.put("map", "affine");
                node.set("ranges", ranges(layer));
                break;
            case RBF: {
                node.put("extension", ((RbfBasis) layer.basis(0)).extension());
                ArrayNode centres = node.putArray("centres");
                ArrayNode widths = node.putArray("width");
                for (int i = 0; i < n; i++) {
                    RbfBasis b = (RbfBasis) layer.basis(i);
                    centres.add(doubles(b.centres()));
                    widths.add(b.width());
                }
                break;
            }
            case FOURIER: {
                node.put("frequencies", layer.gridSize());
                node.set("ranges", ranges(layer));
                ArrayNode omega = node.putArray("omega");
                for (int i = 0; i < n; i++) {
                    omega.add(((FourierBasis) layer.basis(i)).omega());
                }
                break;
            }
            default:
                throw new IllegalArgumentException("cannot save edge basis " + type.id());
        }
        return node;
    }

    private static ArrayNode ranges(KanLayer layer) {
        ArrayNode ranges = MAPPER.createArrayNode();
        for (int i = 0; i < layer.inputs(); i++) {
            EdgeBasis b = layer.basis(i);
            ranges.add(doubles(new double[] {b.lower(), b.upper()}));
        }
        return ranges;
    }

    private static ArrayNode ints(int[] values) {
        ArrayNode a = MAPPER.createArrayNode();
        for (int v : values) {
            a.add(v);
        }
        return a;
    }

    private static ArrayNode doubles(double[] values) {
        ArrayNode a = MAPPER.createArrayNode();
        for (double v : values) {
            a.add(v);
        }
        return a;
    }

    /**
     * Reads a model file.
     *
     * @throws ModelFileException if the file is missing, unreadable or invalid (the message names
     *                            the file and the problem)
     */
    public static SavedModel read(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ModelFileException("model file " + path + " does not exist", e);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ModelFileException("cannot read model file " + path + ": " + e.getMessage(), e);
        }
        return fromJson(text, path.toString());
    }

    /**
     * Parses a model document.
     *
     * @param source name used in messages (e.g. the file name)
     * @throws ModelFileException if the document is invalid
     */
    public static SavedModel fromJson(String json, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ModelFileException("model file " + source + " is not valid JSON (" + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr()) + ")", e);
        }
        Reader r = new Reader(source);
        if (root == null || !root.isObject()) {
            throw r.fail("", "the document must be a JSON object");
        }
        r.onlyKeys(root, "", Set.of("format", "version", "problem", "hardDirichlet", "network", "metadata"));
        String format = r.text(root, "format");
        if (!FORMAT.equals(format)) {
            throw r.fail("format", "expected '" + FORMAT + "', got '" + format + "'");
        }
        int version = r.integer(root, "version");
        if (version != VERSION) {
            throw r.fail("version", "unsupported version " + version + " (this build reads version " + VERSION + ")");
        }
        String problem = root.has("problem") ? r.text(root, "problem") : "";
        boolean hard = root.has("hardDirichlet") && r.bool(root, "hardDirichlet");
        JsonNode net = r.object(root, "network");
        TrialFunction network = readNetwork(net, r);
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (root.has("metadata")) {
            JsonNode m = r.object(root, "metadata");
            @SuppressWarnings("unchecked")
            Map<String, Object> map = MAPPER.convertValue(m, Map.class);
            metadata.putAll(map);
        }
        return new SavedModel(network, hard, problem, metadata);
    }

    private static TrialFunction readNetwork(JsonNode net, Reader r) {
        String type = r.text(net, "type");
        int[] widths = r.ints(net, "widths");
        double[] parameters = r.doubles(net, "parameters");
        try {
            switch (type) {
                case "kan":
                    r.onlyKeys(net, "network", Set.of("type", "widths", "layers", "parameters"));
                    return readKan(net, widths, parameters, r);
                case "mlp":
                    r.onlyKeys(net, "network", Set.of("type", "widths", "activation", "parameters"));
                    String name = r.text(net, "activation");
                    Activation activation;
                    try {
                        activation = Activation.valueOf(name.toUpperCase(java.util.Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw r.fail("network.activation", "unknown activation '" + name + "'");
                    }
                    checkFinite(parameters, r);
                    return Mlp.of(widths, activation, parameters);
                default:
                    throw r.fail("network.type", "unknown network type '" + type + "', expected kan or mlp");
            }
        } catch (ModelFileException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw r.fail("network", e.getMessage());
        }
    }

    private static Kan readKan(JsonNode net, int[] widths, double[] parameters, Reader r) {
        JsonNode layers = net.get("layers");
        if (layers == null || !layers.isArray()) {
            throw r.fail("network.layers", "missing or not an array");
        }
        if (widths.length < 2 || layers.size() != widths.length - 1) {
            throw r.fail("network.layers", "widths " + java.util.Arrays.toString(widths) + " need " + (widths.length - 1)
                    + " layers, got " + layers.size());
        }
        EdgeBasis[][] bases = new EdgeBasis[layers.size()][];
        for (int l = 0; l < layers.size(); l++) {
            JsonNode layer = layers.get(l);
            String where = "network.layers[" + l + "]";
            if (!layer.isObject()) {
                throw r.fail(where, "must be an object");
            }
            if (layer.has("basis")) {
                r.onlyKeys(layer, where, Set.of("basis"));
                JsonNode basis = layer.get("basis");
                if (!basis.isObject()) {
                    throw r.fail(where + ".basis", "must be an object");
                }
                bases[l] = readBasis(basis, where + ".basis", widths[l], r);
            } else {
                r.onlyKeys(layer, where, Set.of("order", "knots"));
                bases[l] = readBSplines(layer, where, widths[l], r);
            }
        }
        checkFinite(parameters, r);
        return Kan.of(widths, bases, parameters);
    }

    private static EdgeBasis[] readBSplines(JsonNode layer, String where, int inputs, Reader r) {
        int order = r.integer(layer, "order", where);
        JsonNode knots = perNode(layer, "knots", where, inputs, r);
        EdgeBasis[] bases = new EdgeBasis[inputs];
        for (int i = 0; i < inputs; i++) {
            double[] t = r.doubleArray(knots.get(i), where + ".knots[" + i + "]");
            try {
                bases[i] = BSplineBasis.onKnots(t, order);
            } catch (IllegalArgumentException e) {
                throw r.fail(where + ".knots[" + i + "]", e.getMessage());
            }
        }
        return bases;
    }

    private static EdgeBasis[] readBasis(JsonNode basis, String where, int inputs, Reader r) {
        JsonNode typeNode = basis.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            throw r.fail(where + ".type", typeNode == null ? "missing" : "must be a string, got " + typeNode);
        }
        BasisType type;
        try {
            type = BasisType.parse(typeNode.asText());
        } catch (IllegalArgumentException e) {
            throw r.fail(where + ".type", e.getMessage());
        }
        EdgeBasis[] bases = new EdgeBasis[inputs];
        switch (type) {
            case BSPLINE:
                r.onlyKeys(basis, where, Set.of("type", "order", "knots"));
                return readBSplines(basis, where, inputs, r);
            case CHEBYSHEV: {
                r.onlyKeys(basis, where, Set.of("type", "degree", "map", "ranges"));
                int degree = r.integer(basis, "degree", where);
                JsonNode map = basis.get("map");
                if (map != null && !(map.isTextual() && "affine".equals(map.asText()))) {
                    throw r.fail(where + ".map", "unknown Chebyshev input map " + map + ", expected \"affine\"");
                }
                JsonNode ranges = perNode(basis, "ranges", where, inputs, r);
                for (int i = 0; i < inputs; i++) {
                    double[] range = range(ranges.get(i), where + ".ranges[" + i + "]", r);
                    try {
                        bases[i] = ChebyshevBasis.of(range[0], range[1], degree);
                    } catch (IllegalArgumentException e) {
                        throw r.fail(where + ".ranges[" + i + "]", e.getMessage());
                    }
                }
                return bases;
            }
            case RBF: {
                r.onlyKeys(basis, where, Set.of("type", "extension", "centres", "width"));
                int extension = r.integer(basis, "extension", where);
                JsonNode centres = perNode(basis, "centres", where, inputs, r);
                double[] widths = r.doubleArray(basis.get("width"), where + ".width");
                if (widths.length != inputs) {
                    throw r.fail(where + ".width", "needs one width per input node (" + inputs + "), got " + widths.length);
                }
                for (int i = 0; i < inputs; i++) {
                    double[] c = r.doubleArray(centres.get(i), where + ".centres[" + i + "]");
                    try {
                        bases[i] = RbfBasis.of(c, extension, widths[i]);
                    } catch (IllegalArgumentException e) {
                        throw r.fail(where + ".centres[" + i + "]", e.getMessage());
                    }
                }
                return bases;
            }
            case FOURIER: {
                r.onlyKeys(basis, where, Set.of("type", "frequencies", "ranges", "omega"));
                int frequencies = r.integer(basis, "frequencies", where);
                JsonNode ranges = perNode(basis, "ranges", where, inputs, r);
                double[] omega = r.doubleArray(basis.get("omega"), where + ".omega");
                if (omega.length != inputs) {
                    throw r.fail(where + ".omega", "needs one frequency per input node (" + inputs + "), got " + omega.length);
                }
                for (int i = 0; i < inputs; i++) {
                    double[] range = range(ranges.get(i), where + ".ranges[" + i + "]", r);
                    try {
                        bases[i] = FourierBasis.of(range[0], range[1], frequencies, omega[i]);
                    } catch (IllegalArgumentException e) {
                        throw r.fail(where + ".ranges[" + i + "]", e.getMessage());
                    }
                }
                return bases;
            }
            default:
                throw r.fail(where + ".type", "unsupported edge basis " + type.id());
        }
    }

    /** An array with one entry per input node. */
    private static JsonNode perNode(JsonNode node, String key, String where, int inputs, Reader r) {
        JsonNode v = node.get(key);
        if (v == null || !v.isArray() || v.size() != inputs) {
            throw r.fail(where + "." + key, "needs one entry per input node (" + inputs + ")"
                    + (v == null ? ", missing" : v.isArray() ? ", got " + v.size() : ", got " + v));
        }
        return v;
    }

    private static double[] range(JsonNode node, String where, Reader r) {
        double[] range = r.doubleArray(node, where);
        if (range.length != 2) {
            throw r.fail(where, "a range is [lower, upper], got " + range.length + " numbers");
        }
        return range;
    }

    private static void checkFinite(double[] parameters, Reader r) {
        for (int i = 0; i < parameters.length; i++) {
            if (!Double.isFinite(parameters[i])) {
                throw r.fail("network.parameters[" + i + "]", "is not finite");
            }
        }
    }

    /** Typed access to JSON nodes with messages that name the file and the key. */
    private static final class Reader {
        private final String source;

        Reader(String source) {
            this.source = source;
        }

        ModelFileException fail(String key, String what) {
            return new ModelFileException("model file " + source + (key.isEmpty() ? "" : ", key '" + key + "'") + ": " + what);
        }

        void onlyKeys(JsonNode node, String where, Set<String> allowed) {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!allowed.contains(name)) {
                    throw fail(where.isEmpty() ? name : where + "." + name, "unknown key");
                }
            }
        }

        JsonNode object(JsonNode node, String key) {
            JsonNode v = node.get(key);
            if (v == null || !v.isObject()) {
                throw fail(key, v == null ? "missing" : "must be an object");
            }
            return v;
        }

        String text(JsonNode node, String key) {
            JsonNode v = node.get(key);
            if (v == null || !v.isTextual()) {
                throw fail(key, v == null ? "missing" : "must be a string, got " + v);
            }
            return v.asText();
        }

        boolean bool(JsonNode node, String key) {
            JsonNode v = node.get(key);
            if (v == null || !v.isBoolean()) {
                throw fail(key, v == null ? "missing" : "must be true or false, got " + v);
            }
            return v.asBoolean();
        }

        int integer(JsonNode node, String key) {
            return integer(node, key, "");
        }

        /** An integer under {@code key}, named {@code where.key} in messages. */
        int integer(JsonNode node, String key, String where) {
            JsonNode v = node.get(key);
            String name = where.isEmpty() ? key : where + "." + key;
            if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
                throw fail(name, v == null ? "missing" : "must be an integer, got " + v);
            }
            return v.asInt();
        }

        int[] ints(JsonNode node, String key) {
            JsonNode v = node.get(key);
            if (v == null || !v.isArray()) {
                throw fail(key, v == null ? "missing" : "must be an array of integers");
            }
            int[] out = new int[v.size()];
            for (int i = 0; i < out.length; i++) {
                JsonNode e = v.get(i);
                if (!e.isIntegralNumber() || !e.canConvertToInt()) {
                    throw fail(key + "[" + i + "]", "must be an integer, got " + e);
                }
                out[i] = e.asInt();
            }
            return out;
        }

        double[] doubles(JsonNode node, String key) {
            JsonNode v = node.get(key);
            if (v == null) {
                throw fail(key, "missing");
            }
            return doubleArray(v, key);
        }

        double[] doubleArray(JsonNode v, String where) {
            if (v == null || !v.isArray()) {
                throw fail(where, "must be an array of numbers");
            }
            double[] out = new double[v.size()];
            for (int i = 0; i < out.length; i++) {
                JsonNode e = v.get(i);
                if (!e.isNumber()) {
                    throw fail(where + "[" + i + "]", "must be a number, got " + e);
                }
                out[i] = e.asDouble();
            }
            return out;
        }
    }
}
