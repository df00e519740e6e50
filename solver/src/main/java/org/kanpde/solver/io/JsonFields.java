package org.kanpde.solver.io;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One JSON object of a document being read, with its path in the document ({@code network.layers[1]}),
 * and typed getters for its fields that fail with a message naming the file, the path of the bad
 * value and the value: {@code model file m.json: network.layers[1].knots[0]: must be an array of
 * numbers, got 'x'}. The one field reader of model files, checkpoints and problem files; each
 * format supplies a {@link Failure} that turns a path and a detail into its own exception (and so
 * names the file).
 *
 * <p>The vocabulary of the details is shared: {@code missing key 'k'} (at the object's path),
 * {@code must be a string, got 3}, {@code must be an integer, got 2.5}, {@code must be a number,
 * got 'a'}, {@code must be a finite number, got Infinity}, {@code must be an array of numbers,
 * got an object}, {@code must be a JSON object, got an array}, {@code unknown key 'k'; allowed: a,
 * b}. Numbers are always finite: no format of the project stores a non-finite number (an
 * unmeasured error is written as null and read with {@link #numberOrNaN}).
 *
 * <p>Getters named after a type read a field of this object ({@link #text(String)}); the
 * {@code as...} getters read any value at a given path, e.g. an element of an array.
 */
public final class JsonFields {

    /** Makes a format's exception for a bad value. */
    @FunctionalInterface
    public interface Failure {
        /**
         * @param path   JSON path of the bad value ({@code domain.min[1]}), empty for the whole document
         * @param detail what is wrong, naming the value
         * @param cause  the underlying exception, or null
         * @return the exception to throw
         */
        RuntimeException at(String path, String detail, Throwable cause);
    }

    private final JsonNode node;
    private final String path;
    private final Failure failure;

    private JsonFields(JsonNode node, String path, Failure failure) {
        this.node = node;
        this.path = path;
        this.failure = failure;
    }

    /**
     * The top level of a parsed document, which must be an object.
     *
     * @param document the parsed tree (Jackson gives null or a missing node for an empty text)
     */
    public static JsonFields root(JsonNode document, Failure failure) {
        if (document == null || document.isMissingNode()) {
            throw failure.at("", "the file is empty; it must be a JSON object", null);
        }
        if (!document.isObject()) {
            throw failure.at("", "the top level must be a JSON object, got " + describe(document), null);
        }
        return new JsonFields(document, "", failure);
    }

    // ---- this object

    /** The object's path in the document, empty at the top level. */
    public String path() {
        return path;
    }

    /** The path of one of this object's keys. */
    public String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The underlying node, e.g. to walk its keys or convert it. */
    public JsonNode node() {
        return node;
    }

    /** Whether the key is present (also with a JSON null). */
    public boolean has(String key) {
        return node.has(key);
    }

    /** The value of a key as it is, or null if absent. */
    public JsonNode get(String key) {
        return node.get(key);
    }

    /** A key's value, which must be present. */
    public JsonNode required(String key) {
        JsonNode value = node.get(key);
        if (value == null) {
            throw fail("missing key '" + key + "'");
        }
        return value;
    }

    /**
     * Rejects keys not in the list, so that a misspelt key is reported rather than ignored.
     *
     * @param context what kind of object this is, for the message ("for a box"), or empty
     */
    public void allowKeys(Collection<String> allowed, String context) {
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (!allowed.contains(entry.getKey())) {
                throw fail("unknown key '" + entry.getKey() + "'; allowed" + (context.isEmpty() ? "" : " " + context) + ": "
                        + String.join(", ", allowed));
            }
        }
    }

    /** A nested object. */
    public JsonFields object(String key) {
        return asObject(required(key), path(key));
    }

    /** A string. */
    public String text(String key) {
        return asText(required(key), path(key));
    }

    /** A string, or {@code fallback} if the key is absent. */
    public String text(String key, String fallback) {
        return has(key) ? text(key) : fallback;
    }

    /** true or false, or {@code fallback} if the key is absent. */
    public boolean bool(String key, boolean fallback) {
        if (!has(key)) {
            return fallback;
        }
        JsonNode v = node.get(key);
        if (!v.isBoolean()) {
            throw failAt(path(key), "must be true or false, got " + describe(v));
        }
        return v.booleanValue();
    }

    /** true or false. */
    public boolean bool(String key) {
        required(key);
        return bool(key, false);
    }

    /** An integer that fits an int. */
    public int integer(String key) {
        return asInteger(required(key), path(key));
    }

    /** An integer that fits a long. */
    public long longInteger(String key) {
        JsonNode v = required(key);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw failAt(path(key), "must be an integer, got " + describe(v));
        }
        return v.longValue();
    }

    /** A finite number. */
    public double number(String key) {
        return asNumber(required(key), path(key));
    }

    /** A finite number, or {@code fallback} if the key is absent. */
    public double number(String key, double fallback) {
        return has(key) ? number(key) : fallback;
    }

    /** A finite number, or NaN if the key is absent or null (a value not measured). */
    public double numberOrNaN(String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? Double.NaN : asNumber(v, path(key));
    }

    /** An array of finite numbers. */
    public double[] numbers(String key) {
        return asNumbers(required(key), path(key));
    }

    /** An array of integers. */
    public int[] integers(String key) {
        JsonNode v = array(key);
        int[] out = new int[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = asInteger(v.get(i), path(key) + "[" + i + "]");
        }
        return out;
    }

    /** An array (of anything). */
    public JsonNode array(String key) {
        JsonNode v = required(key);
        if (!v.isArray()) {
            throw failAt(path(key), "must be an array, got " + describe(v));
        }
        return v;
    }

    /** An array whose elements are objects. */
    public List<JsonFields> objects(String key) {
        JsonNode v = array(key);
        List<JsonFields> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            out.add(asObject(v.get(i), path(key) + "[" + i + "]"));
        }
        return out;
    }

    // ---- any value at a path

    /** An object at {@code at}. */
    public JsonFields asObject(JsonNode value, String at) {
        if (!value.isObject()) {
            throw failAt(at, "must be a JSON object, got " + describe(value));
        }
        return new JsonFields(value, at, failure);
    }

    /** A string at {@code at}. */
    public String asText(JsonNode value, String at) {
        if (!value.isTextual()) {
            throw failAt(at, "must be a string, got " + describe(value));
        }
        return value.textValue();
    }

    /** An integer that fits an int at {@code at}. */
    public int asInteger(JsonNode value, String at) {
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw failAt(at, "must be an integer, got " + describe(value));
        }
        return value.intValue();
    }

    /** A finite number at {@code at}. */
    public double asNumber(JsonNode value, String at) {
        if (!value.isNumber()) {
            throw failAt(at, "must be a number, got " + describe(value));
        }
        double v = value.doubleValue();
        if (!Double.isFinite(v)) {
            throw failAt(at, "must be a finite number, got " + value.asText());
        }
        return v;
    }

    /** A finite number at {@code at}, or NaN for a JSON null (a value not measured). */
    public double asNumberOrNaN(JsonNode value, String at) {
        return value.isNull() ? Double.NaN : asNumber(value, at);
    }

    /** An array of finite numbers at {@code at}. */
    public double[] asNumbers(JsonNode value, String at) {
        if (!value.isArray()) {
            throw failAt(at, "must be an array of numbers, got " + describe(value));
        }
        double[] out = new double[value.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = asNumber(value.get(i), at + "[" + i + "]");
        }
        return out;
    }

    // ---- failures

    /** A failure at this object. */
    public RuntimeException fail(String detail) {
        return failAt(path, detail);
    }

    /** A failure at this object, with its cause. */
    public RuntimeException fail(String detail, Throwable cause) {
        return failure.at(path, detail, cause);
    }

    /** A failure at a path. */
    public RuntimeException failAt(String at, String detail) {
        return failure.at(at, detail, null);
    }

    /** A failure at a path, with its cause. */
    public RuntimeException failAt(String at, String detail, Throwable cause) {
        return failure.at(at, detail, cause);
    }

    /**
     * The one-line message of a format that names its file by a label: {@code label: path: detail},
     * or {@code label: detail} for the whole document.
     */
    public static String message(String label, String path, String detail) {
        return label + ": " + (path.isEmpty() ? "" : path + ": ") + detail;
    }

    /** A JSON value as it would appear in the file, shortened; strings in single quotes. */
    public static String describe(JsonNode value) {
        if (value.isTextual()) {
            String t = value.textValue();
            return "'" + (t.length() > 60 ? t.substring(0, 60) + "..." : t) + "'";
        }
        if (value.isArray()) {
            return "an array";
        }
        if (value.isObject()) {
            return "an object";
        }
        return value.asText();
    }
}
