package org.kanpde.solver.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.kanpde.net.TrialFunction;
import org.kanpde.net.basis.BasisType;
import org.kanpde.net.basis.EdgeBasis;
import org.kanpde.net.kan.Kan;
import org.kanpde.net.kan.KanLayer;
import org.kanpde.net.mlp.Activation;
import org.kanpde.net.mlp.Mlp;
import org.kanpde.solver.residual.HardDirichletFunction;

/**
 * Saving and loading trained models as versioned JSON documents:
 * <pre>
 * { "format": "kanpde-model", "version": 2,
 *   "problem": "poisson2d-paper", "hardDirichlet": false,
 *   "network": { "type": "kan", "widths": [2,5,1],
 *                "layers": [ { "k": 5, "knots": [[...], [...]] }, ... ],
 *                "parameters": [...] }
 *            | { "type": "mlp", "widths": [2,20,20,1], "activation": "tanh", "parameters": [...] },
 *   "metadata": { ... } }
 * </pre>
 * Each KAN layer holds the section of its edge basis, written and read by that basis's
 * {@link BasisSection}: a B-spline layer (the default basis) holds its section itself, as above
 * (the degree k and one extended knot vector per input node); a layer with another edge basis
 * holds it as one {@code "basis"} object that names the type, with one entry per input node where
 * a value is per node:
 * <pre>
 *   { "basis": { "type": "chebyshev", "degree": 10, "map": "affine", "ranges": [[-1, 1], [-1, 1]] } }
 *   { "basis": { "type": "rbf", "extension": 2, "centres": [[-2, -1.5, -1, ..., 2], [...]], "width": [0.5, 0.5] } }
 *   { "basis": { "type": "fourier", "frequencies": 5, "ranges": [[-1, 1], [...]], "omega": [1.5707963267948966, ...] } }
 *   { "basis": { "type": "bspline", "k": 5, "knots": [[...], ...] } }   (accepted when reading)
 * </pre>
 * <b>Versions.</b> Version 2 names the B-spline degree {@code "k"}, as pykan and the command line
 * do; version 1 called it {@code "order"} and is otherwise the same. Both are read (a version 1
 * file loads to the same function bit for bit); version 2 is written, so older builds refuse new
 * files by their version instead of misreading them.
 *
 * <p>Doubles are written in their shortest round-tripping form, so a loaded model evaluates to
 * bit-identical values. Files are written atomically ({@link AtomicFile}), so a crash never leaves a
 * half-written model. Reading validates everything ({@link JsonFields}) and fails with a
 * {@link ModelFileException} naming the file, the JSON path and the problem: malformed or
 * truncated JSON, duplicate or unknown keys, an unknown format, version or network type, shapes
 * inconsistent with the widths, non-finite numbers or invalid knots.
 */
public final class ModelFile {
    /** The format identifier. */
    public static final String FORMAT = "kanpde-model";
    /** The version written. */
    public static final int VERSION = 2;
    /** The oldest version read. */
    public static final int OLDEST_VERSION = 1;

    /** The basis whose section a layer holds itself rather than under "basis" (as in version 1). */
    private static final BasisType DEFAULT_BASIS = BasisType.BSPLINE;
    private static final List<String> TOP_KEYS = List.of("format", "version", "problem", "hardDirichlet", "network", "metadata");

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
        AtomicFile.write(path, toJson(model, problem, metadata));
    }

    /** The JSON document for a model. */
    public static String toJson(TrialFunction model, String problem, Map<String, ?> metadata) {
        try {
            return MAPPER.writeValueAsString(toTree(model, problem, metadata));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize model metadata: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The JSON tree of a model document, e.g. to embed it in another document (a checkpoint).
     *
     * @throws IllegalArgumentException if the model is neither a KAN nor an MLP, or the metadata
     *                                  cannot be written as JSON
     */
    public static ObjectNode toTree(TrialFunction model, String problem, Map<String, ?> metadata) {
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
        return root;
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
                EdgeBasis[] bases = new EdgeBasis[layer.inputs()];
                for (int i = 0; i < bases.length; i++) {
                    bases[i] = layer.basis(i);
                }
                BasisType type = layer.basisType();
                ObjectNode ln = layers.addObject();
                BasisSection.of(type).write(bases, type == DEFAULT_BASIS ? ln : ln.putObject("basis").put("type", type.id()));
            }
        } else if (network instanceof Mlp) {
            Mlp mlp = (Mlp) network;
            node.put("type", "mlp");
            node.set("widths", ints(mlp.widths()));
            node.put("activation", mlp.activation().name().toLowerCase(Locale.ROOT));
        } else {
            throw new IllegalArgumentException("cannot save a " + network.getClass().getSimpleName()
                    + "; model files hold KANs and MLPs");
        }
        BasisSection.addAll(node.putArray("parameters"), network.parameters());
        return node;
    }

    private static ArrayNode ints(int[] values) {
        ArrayNode a = MAPPER.createArrayNode();
        for (int v : values) {
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
        String label = "model file " + source;
        return fromTree(JsonFields.root(root, (path, detail, cause) ->
                new ModelFileException(JsonFields.message(label, path, detail), cause)));
    }

    /**
     * Reads a model document from its parsed tree, e.g. one embedded in a checkpoint; failures go
     * through the document's {@link JsonFields.Failure}, with paths below its own.
     */
    public static SavedModel fromTree(JsonFields doc) {
        String format = doc.text("format");
        if (!FORMAT.equals(format)) {
            throw doc.failAt(doc.path("format"), "expected '" + FORMAT + "', got '" + format + "'");
        }
        int version = doc.integer("version");
        if (version < OLDEST_VERSION || version > VERSION) {
            throw doc.failAt(doc.path("version"), "unsupported version " + version + " (this build reads versions "
                    + OLDEST_VERSION + " to " + VERSION + ")");
        }
        doc.allowKeys(TOP_KEYS, "");
        String problem = doc.text("problem", "");
        boolean hard = doc.bool("hardDirichlet", false);
        TrialFunction network = readNetwork(doc.object("network"), version);
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (doc.has("metadata")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = MAPPER.convertValue(doc.object("metadata").node(), Map.class);
            metadata.putAll(map);
        }
        return new SavedModel(network, hard, problem, metadata);
    }

    private static TrialFunction readNetwork(JsonFields net, int version) {
        String type = net.text("type");
        switch (type) {
            case "kan":
                net.allowKeys(List.of("type", "widths", "layers", "parameters"), "for a KAN");
                return readKan(net, version);
            case "mlp": {
                net.allowKeys(List.of("type", "widths", "activation", "parameters"), "for an MLP");
                String name = net.text("activation");
                Activation activation;
                try {
                    activation = Activation.valueOf(name.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw net.failAt(net.path("activation"), "unknown activation '" + name + "'");
                }
                int[] widths = net.integers("widths");
                double[] parameters = net.numbers("parameters");
                try {
                    return Mlp.of(widths, activation, parameters);
                } catch (IllegalArgumentException e) {
                    throw net.fail(e.getMessage(), e);
                }
            }
            default:
                throw net.failAt(net.path("type"), "unknown network type '" + type + "', expected kan or mlp");
        }
    }

    private static Kan readKan(JsonFields net, int version) {
        int[] widths = net.integers("widths");
        JsonNode layerArray = net.array("layers");
        if (widths.length < 2 || layerArray.size() != widths.length - 1) {
            throw net.failAt(net.path("layers"), "widths " + Arrays.toString(widths) + " need " + (widths.length - 1)
                    + " layers, got " + layerArray.size());
        }
        List<JsonFields> layers = net.objects("layers");
        EdgeBasis[][] bases = new EdgeBasis[layers.size()][];
        for (int l = 0; l < layers.size(); l++) {
            bases[l] = readLayer(layers.get(l), widths[l], version);
        }
        double[] parameters = net.numbers("parameters");
        try {
            return Kan.of(widths, bases, parameters);
        } catch (IllegalArgumentException e) {
            throw net.fail(e.getMessage(), e);
        }
    }

    /** Dispatches a layer to the section of its basis type; the section knows the fields. */
    private static EdgeBasis[] readLayer(JsonFields layer, int inputs, int version) {
        if (!layer.has("basis")) {
            BasisSection section = BasisSection.of(DEFAULT_BASIS);
            layer.allowKeys(section.keys(version), "for a " + DEFAULT_BASIS.id() + " layer");
            return section.read(layer, inputs, version);
        }
        layer.allowKeys(List.of("basis"), "");
        JsonFields basis = layer.object("basis");
        String id = basis.text("type");
        BasisType type;
        try {
            type = BasisType.parse(id);
        } catch (IllegalArgumentException e) {
            throw basis.failAt(basis.path("type"), e.getMessage(), e);
        }
        BasisSection section = BasisSection.of(type);
        List<String> keys = new ArrayList<>();
        keys.add("type");
        keys.addAll(section.keys(version));
        basis.allowKeys(keys, "for a " + type.id() + " basis");
        return section.read(basis, inputs, version);
    }
}
