package org.kanpde.problems.files;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.kanpde.problems.formula.Formula;
import org.kanpde.problems.formula.FormulaField;
import org.kanpde.solver.geometry.Box;
import org.kanpde.solver.geometry.Disk;
import org.kanpde.solver.geometry.Domain;
import org.kanpde.solver.geometry.PointSet;
import org.kanpde.solver.geometry.Polygon;
import org.kanpde.solver.geometry.SamplingScheme;
import org.kanpde.solver.problem.BoundaryCondition;
import org.kanpde.solver.problem.Field;
import org.kanpde.solver.problem.Nonlinearity;
import org.kanpde.solver.problem.Problem;

/**
 * Turns the JSON tree of one problem file into a {@link Problem}, checking every key and value and
 * naming the JSON path of whatever is wrong. Used once per file; see PROBLEM-FILES.md for the
 * format.
 */
final class ProblemFileReader {
    private static final List<String> TOP_KEYS =
            List.of("name", "description", "domain", "a", "c", "nonlinear", "source", "boundary", "exact");
    private static final String DOMAIN_TYPES = "box, disk, polygon, lshape";
    private static final String CONDITION_TYPES = "dirichlet, neumann, robin";
    private static final String NONLINEAR_TYPES = "power, sin";
    /** Points at which a variable diffusion coefficient is checked to be positive. */
    private static final int DIFFUSION_CHECKS = 256;

    private final String source;
    /**
     * Fields by formula text: equal texts give one instance, so that one Dirichlet value on every
     * part makes one data field, which the solver's hard Dirichlet enforcement requires.
     */
    private final Map<String, Field> fields = new HashMap<>();
    private int dimension;

    ProblemFileReader(String source) {
        this.source = source;
    }

    Problem read(JsonNode root) {
        if (root == null || root.isMissingNode()) {
            throw error("", "the file is empty; expected a JSON object");
        }
        requireObject(root, "");
        allowKeys(root, "", TOP_KEYS, "");
        String name = root.has("name") ? text(root.get("name"), "name") : defaultName();
        if (name.isBlank()) {
            throw error("name", "must not be blank");
        }
        String description = root.has("description") ? text(root.get("description"), "description") : "";
        Domain domain = domain(required(root, "domain", ""), "domain");
        dimension = domain.dimension();
        Problem.Builder b = Problem.builder().name(name).description(description).domain(domain);
        if (root.has("a")) {
            b.diffusion(diffusion(root.get("a"), domain));
        }
        if (root.has("c")) {
            b.reaction(field(root.get("c"), "c"));
        }
        if (root.has("nonlinear")) {
            b.nonlinearity(nonlinearity(root.get("nonlinear"), "nonlinear"));
        }
        b.source(field(required(root, "source", ""), "source"));
        boundary(required(root, "boundary", ""), domain, b);
        if (root.has("exact")) {
            b.exact(field(root.get("exact"), "exact"));
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw error("", e.getMessage(), e);
        }
    }

    private String defaultName() {
        String base = source.substring(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1);
        if (base.endsWith(".json")) {
            base = base.substring(0, base.length() - 5);
        }
        return base.isBlank() ? "problem" : base;
    }

    // ---- domain ----

    private Domain domain(JsonNode node, String path) {
        requireObject(node, path);
        if (!node.has("type")) {
            throw error(path, "missing key 'type' (one of " + DOMAIN_TYPES + ")");
        }
        String type = text(node.get("type"), path + ".type");
        switch (type) {
            case "box":
                allowKeys(node, path, List.of("type", "min", "max"), "for a box");
                return box(node, path);
            case "disk":
                allowKeys(node, path, List.of("type", "center", "radius"), "for a disk");
                return disk(node, path);
            case "polygon":
                allowKeys(node, path, List.of("type", "vertices", "edges"), "for a polygon");
                return polygon(node, path);
            case "lshape":
                allowKeys(node, path, List.of("type"), "for an lshape");
                return Polygon.lShape();
            default:
                throw error(path + ".type", "unknown domain type '" + type + "'; types: " + DOMAIN_TYPES);
        }
    }

    private Domain box(JsonNode node, String path) {
        double[] min = numbers(required(node, "min", path), path + ".min");
        double[] max = numbers(required(node, "max", path), path + ".max");
        if (min.length < 1 || min.length > 3) {
            throw error(path + ".min", "must have 1, 2 or 3 entries (the dimension), got " + min.length);
        }
        if (max.length != min.length) {
            throw error(path + ".max", "has " + max.length + " entries but min has " + min.length);
        }
        for (int k = 0; k < min.length; k++) {
            if (!(min[k] < max[k])) {
                throw error(path, "min[" + k + "] = " + node.get("min").get(k).asText() + " must be < max[" + k + "] = "
                        + node.get("max").get(k).asText());
            }
        }
        try {
            return new Box(min, max);
        } catch (IllegalArgumentException e) {
            throw error(path, e.getMessage(), e);
        }
    }

    private Domain disk(JsonNode node, String path) {
        double[] center = {0, 0};
        if (node.has("center")) {
            center = numbers(node.get("center"), path + ".center");
            if (center.length != 2) {
                throw error(path + ".center", "must have 2 entries [x, y], got " + center.length);
            }
        }
        double radius = node.has("radius") ? number(node.get("radius"), path + ".radius") : 1;
        if (!(radius > 0)) {
            throw error(path + ".radius", "must be > 0, got " + node.get("radius").asText());
        }
        return new Disk(center[0], center[1], radius);
    }

    private Domain polygon(JsonNode node, String path) {
        JsonNode vertices = required(node, "vertices", path);
        String vpath = path + ".vertices";
        if (!vertices.isArray()) {
            throw error(vpath, "must be an array of [x, y] pairs, got " + describe(vertices));
        }
        if (vertices.size() < 3) {
            throw error(vpath, "a polygon needs at least 3 vertices, got " + vertices.size());
        }
        double[] xy = new double[2 * vertices.size()];
        for (int i = 0; i < vertices.size(); i++) {
            double[] v = numbers(vertices.get(i), vpath + "[" + i + "]");
            if (v.length != 2) {
                throw error(vpath + "[" + i + "]", "must be a pair [x, y], got " + v.length + " numbers");
            }
            xy[2 * i] = v[0];
            xy[2 * i + 1] = v[1];
        }
        List<String> names = null;
        if (node.has("edges")) {
            names = edgeNames(node.get("edges"), path + ".edges", vertices.size());
        }
        try {
            return names == null ? new Polygon(xy) : new Polygon(xy, names);
        } catch (IllegalArgumentException e) {
            throw error(vpath, e.getMessage(), e);
        }
    }

    private List<String> edgeNames(JsonNode node, String path, int count) {
        if (!node.isArray()) {
            throw error(path, "must be an array of edge names, got " + describe(node));
        }
        if (node.size() != count) {
            throw error(path, "must name each of the " + count + " edges, got " + node.size() + " names");
        }
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < count; i++) {
            String name = text(node.get(i), path + "[" + i + "]");
            if (name.isBlank() || name.equals("default")) {
                throw error(path + "[" + i + "]", "'" + name + "' cannot name an edge"
                        + (name.isBlank() ? "" : " ('default' is reserved in boundary maps)"));
            }
            if (!seen.add(name)) {
                throw error(path + "[" + i + "]", "edge name '" + name + "' is used twice");
            }
            names.add(name);
        }
        return names;
    }

    // ---- coefficients ----

    private Field diffusion(JsonNode node, Domain domain) {
        Field a = field(node, "a");
        if (a.isConstant()) {
            double value = a.value(new double[dimension]);
            if (!(value > 0)) {
                throw error("a", "the diffusion coefficient must be > 0, got " + describe(node));
            }
            return a;
        }
        // A formula cannot be checked everywhere; a spread of points catches the usual mistakes.
        PointSet points;
        try {
            points = domain.sampleInterior(DIFFUSION_CHECKS, SamplingScheme.SOBOL, 0);
        } catch (IllegalArgumentException e) {
            throw error("domain", e.getMessage(), e);
        }
        double[] z = new double[dimension];
        for (int i = 0; i < points.size(); i++) {
            points.point(i, z);
            double value = a.value(z);
            if (!(value > 0) || !Double.isFinite(value)) {
                throw error("a", "the diffusion coefficient " + describe(node) + " must be finite and > 0 in the domain, got "
                        + value + " at " + point(z));
            }
        }
        return a;
    }

    private Nonlinearity nonlinearity(JsonNode node, String path) {
        requireObject(node, path);
        if (!node.has("type")) {
            throw error(path, "missing key 'type' (one of " + NONLINEAR_TYPES + ")");
        }
        String type = text(node.get("type"), path + ".type");
        switch (type) {
            case "power": {
                allowKeys(node, path, List.of("type", "coefficient", "power"), "for a power nonlinearity");
                JsonNode p = required(node, "power", path);
                double power = number(p, path + ".power");
                if (power != Math.rint(power) || power < 2 || power > 99) {
                    throw error(path + ".power", "must be an integer from 2 to 99, got " + p.asText());
                }
                return Nonlinearity.power(coefficient(node, path), (int) power);
            }
            case "sin":
                allowKeys(node, path, List.of("type", "coefficient"), "for a sin nonlinearity");
                return Nonlinearity.sine(coefficient(node, path));
            default:
                throw error(path + ".type", "unknown nonlinearity type '" + type + "'; types: " + NONLINEAR_TYPES);
        }
    }

    private double coefficient(JsonNode node, String path) {
        return node.has("coefficient") ? number(node.get("coefficient"), path + ".coefficient") : 1;
    }

    // ---- boundary ----

    private void boundary(JsonNode node, Domain domain, Problem.Builder b) {
        String path = "boundary";
        requireObject(node, path);
        if (node.has("type") && node.get("type").isTextual()) {
            b.boundary(condition(node, path));
            return;
        }
        BoundaryCondition fallback = null;
        BoundaryCondition[] parts = new BoundaryCondition[domain.boundaryPartCount()];
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String key = entry.getKey();
            if (key.equals("default")) {
                fallback = condition(entry.getValue(), path + ".default");
                continue;
            }
            int part = partIndex(domain, key);
            if (part < 0) {
                throw error(path, "no boundary part '" + key + "'; parts are " + partNames(domain)
                        + " (or 'default', or a single condition with a 'type')");
            }
            parts[part] = condition(entry.getValue(), path + "." + key);
        }
        if (fallback != null) {
            b.boundary(fallback);
        }
        for (int p = 0; p < parts.length; p++) {
            if (parts[p] != null) {
                b.boundary(p, parts[p]);
            } else if (fallback == null) {
                throw error(path, "no condition for part '" + domain.boundaryPartName(p) + "' and no 'default' entry; parts are "
                        + partNames(domain));
            }
        }
    }

    private BoundaryCondition condition(JsonNode node, String path) {
        requireObject(node, path);
        if (!node.has("type")) {
            throw error(path, "missing key 'type' (one of " + CONDITION_TYPES + ")");
        }
        String type = text(node.get("type"), path + ".type");
        switch (type) {
            case "dirichlet":
                allowKeys(node, path, List.of("type", "value"), "for a dirichlet condition");
                return BoundaryCondition.dirichlet(value(node, path));
            case "neumann":
                allowKeys(node, path, List.of("type", "value"), "for a neumann condition");
                return BoundaryCondition.neumann(value(node, path));
            case "robin": {
                allowKeys(node, path, List.of("type", "alpha", "beta", "value"), "for a robin condition");
                double alpha = number(required(node, "alpha", path), path + ".alpha");
                double beta = number(required(node, "beta", path), path + ".beta");
                Field g = value(node, path);
                try {
                    return BoundaryCondition.robin(alpha, beta, g);
                } catch (IllegalArgumentException e) {
                    throw error(path, e.getMessage(), e);
                }
            }
            default:
                throw error(path + ".type", "unknown boundary condition type '" + type + "'; types: " + CONDITION_TYPES);
        }
    }

    private Field value(JsonNode condition, String path) {
        JsonNode v = condition.has("value") ? condition.get("value") : TextNode.valueOf("0");
        return field(v, path + ".value");
    }

    private static int partIndex(Domain domain, String name) {
        for (int p = 0; p < domain.boundaryPartCount(); p++) {
            if (domain.boundaryPartName(p).equals(name)) {
                return p;
            }
        }
        return -1;
    }

    private static String partNames(Domain domain) {
        List<String> names = new ArrayList<>();
        for (int p = 0; p < domain.boundaryPartCount(); p++) {
            names.add(domain.boundaryPartName(p));
        }
        return String.join(", ", names);
    }

    // ---- values ----

    private Field field(JsonNode node, String path) {
        String text;
        if (node.isTextual()) {
            text = node.textValue();
        } else if (node.isNumber()) {
            number(node, path);
            text = node.asText();
        } else {
            throw error(path, "must be a formula (a string) or a number, got " + describe(node));
        }
        String key = text.strip();
        if (key.isEmpty()) {
            throw error(path, "the formula is empty");
        }
        Field cached = fields.get(key);
        if (cached != null) {
            return cached;
        }
        try {
            Field f = FormulaField.of(Formula.parse(text, dimension));
            fields.put(key, f);
            return f;
        } catch (IllegalArgumentException e) {
            throw error(path, e.getMessage(), e);
        }
    }

    private double number(JsonNode node, String path) {
        if (!node.isNumber()) {
            throw error(path, "must be a number, got " + describe(node));
        }
        double value = node.doubleValue();
        if (!Double.isFinite(value)) {
            throw error(path, "must be a finite number, got " + node.asText());
        }
        return value;
    }

    private double[] numbers(JsonNode node, String path) {
        if (!node.isArray()) {
            throw error(path, "must be an array of numbers, got " + describe(node));
        }
        double[] out = new double[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(node.get(i), path + "[" + i + "]");
        }
        return out;
    }

    private String text(JsonNode node, String path) {
        if (!node.isTextual()) {
            throw error(path, "must be a string, got " + describe(node));
        }
        return node.textValue();
    }

    private JsonNode required(JsonNode node, String key, String path) {
        JsonNode value = node.get(key);
        if (value == null) {
            throw error(path, "missing key '" + key + "'");
        }
        return value;
    }

    private void requireObject(JsonNode node, String path) {
        if (!node.isObject()) {
            throw error(path, (path.isEmpty() ? "the top level " : "") + "must be a JSON object, got " + describe(node));
        }
    }

    /** Rejects keys not in the list, so that a misspelt key is reported rather than ignored. */
    private void allowKeys(JsonNode node, String path, List<String> allowed, String context) {
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (!allowed.contains(entry.getKey())) {
                throw error(path, "unknown key '" + entry.getKey() + "'; allowed" + (context.isEmpty() ? "" : " " + context)
                        + ": " + String.join(", ", allowed));
            }
        }
    }

    /** A JSON value as it would appear in the file, shortened; strings in quotes. */
    private static String describe(JsonNode node) {
        if (node.isTextual()) {
            String t = node.textValue();
            return "'" + (t.length() > 60 ? t.substring(0, 60) + "..." : t) + "'";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        return node.asText();
    }

    private static String point(double[] z) {
        StringBuilder s = new StringBuilder("(");
        for (int k = 0; k < z.length; k++) {
            s.append(k == 0 ? "" : ", ").append(z[k]);
        }
        return s.append(')').toString();
    }

    private ProblemFileException error(String path, String detail) {
        return new ProblemFileException(source, path, detail);
    }

    private ProblemFileException error(String path, String detail, Throwable cause) {
        return new ProblemFileException(source, path, detail, cause);
    }
}
