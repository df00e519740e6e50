package org.kanpde.problems.files;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.kanpde.problems.formula.Formula;
import org.kanpde.problems.formula.FormulaField;
import org.kanpde.solver.geometry.Ball;
import org.kanpde.solver.geometry.Box;
import org.kanpde.solver.geometry.CsgDomain;
import org.kanpde.solver.geometry.Disk;
import org.kanpde.solver.geometry.Domain;
import org.kanpde.solver.geometry.NamedDomain;
import org.kanpde.solver.geometry.PointSet;
import org.kanpde.solver.geometry.Polygon;
import org.kanpde.solver.geometry.SamplingScheme;
import org.kanpde.solver.inverse.Coefficient;
import org.kanpde.solver.inverse.InverseProblem;
import org.kanpde.solver.inverse.Observations;
import org.kanpde.solver.inverse.Unknown;
import org.kanpde.solver.io.JsonFields;
import org.kanpde.solver.problem.BoundaryCondition;
import org.kanpde.solver.problem.Field;
import org.kanpde.solver.problem.Nonlinearity;
import org.kanpde.solver.problem.Problem;
import org.kanpde.solver.problem.ReferenceData;

/**
 * Turns the JSON tree of one problem file into a {@link Problem}, checking every key and value and
 * naming the JSON path of whatever is wrong (through {@link JsonFields}, the field reader of every
 * file format). Used once per file; see PROBLEM-FILES.md for the format.
 */
final class ProblemFileReader {
    private static final List<String> TOP_KEYS =
            List.of("name", "description", "domain", "a", "c", "nonlinear", "source", "boundary", "exact", "reference",
                    "observations", "noise");
    private static final List<String> UNKNOWN_KEYS = List.of("unknown", "positive", "boundary", "exact", "initial");
    private static final String DOMAIN_TYPES = "box, disk, ball, polygon, lshape, difference, union, intersection";
    private static final String CONDITION_TYPES = "dirichlet, neumann, robin";
    private static final String NONLINEAR_TYPES = "power, sin";
    /** Points at which a variable diffusion coefficient is checked to be positive. */
    private static final int DIFFUSION_CHECKS = 256;

    private final String source;
    /** Reads a file named relative to the problem file, for "reference" and "observations". */
    private final ProblemFiles.Resolver resolver;
    /**
     * Fields by formula text: equal texts give one instance, so that one Dirichlet value on every
     * part makes one data field, which the solver's hard Dirichlet enforcement requires.
     */
    private final Map<String, Field> fields = new HashMap<>();
    private int dimension;
    private final List<Unknown> unknowns = new ArrayList<>();
    private InverseProblem inverse;

    ProblemFileReader(String source, ProblemFiles.Resolver resolver) {
        this.source = source;
        this.resolver = resolver;
    }

    /** The inverse problem the file describes, or null if no coefficient is unknown; after {@link #read}. */
    InverseProblem inverse() {
        return inverse;
    }

    Problem read(JsonNode document) {
        JsonFields root = JsonFields.root(document, (path, detail, cause) -> new ProblemFileException(source, path, detail, cause));
        root.allowKeys(TOP_KEYS, "");
        String name = root.text("name", defaultName());
        if (name.isBlank()) {
            throw root.failAt("name", "must not be blank");
        }
        String description = root.text("description", "");
        Domain domain = domain(root.object("domain"));
        dimension = domain.dimension();
        Problem.Builder b = Problem.builder().name(name).description(description).domain(domain);
        if (root.has("a") && isUnknown(root, "a")) {
            unknowns.add(unknown(root, Coefficient.DIFFUSION));
        } else if (root.has("a")) {
            b.diffusion(diffusion(root, domain));
        }
        if (root.has("c") && isUnknown(root, "c")) {
            unknowns.add(unknown(root, Coefficient.REACTION));
        } else if (root.has("c")) {
            b.reaction(field(root, "c"));
        }
        if (root.has("nonlinear")) {
            b.nonlinearity(nonlinearity(root.object("nonlinear")));
        }
        root.required("source");
        if (isUnknown(root, "source")) {
            unknowns.add(unknown(root, Coefficient.SOURCE));
            // the forward problem's source is a placeholder the inverse system never reads
            b.source(Field.constant(0));
        } else {
            b.source(field(root, "source"));
        }
        boolean noBoundary = !unknowns.isEmpty() && !root.has("boundary");
        if (noBoundary) {
            // an inverse problem may leave u free on the boundary: the data fix it there
            b.boundary(BoundaryCondition.dirichlet(Field.constant(0)));
        } else {
            boundary(root.object("boundary"), domain, b);
        }
        if (root.has("exact")) {
            b.exact(field(root, "exact"));
        }
        if (root.has("reference")) {
            b.reference(reference(root, domain));
        }
        Problem problem;
        try {
            problem = b.build();
        } catch (IllegalArgumentException e) {
            throw root.fail(e.getMessage(), e);
        }
        if (root.has("noise") && !root.has("observations")) {
            throw root.failAt("noise", "\"noise\" describes observations, but the file has none");
        }
        if (root.has("observations") && unknowns.isEmpty()) {
            throw root.failAt("observations", "observations are given but no coefficient is unknown "
                    + "(mark one as { \"unknown\": true })");
        }
        if (!unknowns.isEmpty()) {
            if (!root.has("observations")) {
                throw root.failAt(unknowns.get(0).name(), "'" + unknowns.get(0).name() + "' is unknown but the file has no "
                        + "\"observations\" of u to fix it");
            }
            Observations observations = observations(root);
            if (root.has("noise")) {
                double sigma = root.number("noise");
                if (sigma < 0) {
                    throw root.failAt("noise", "must be >= 0 (a standard deviation), got " + sigma);
                }
                observations = observations.withNoise(sigma);
            }
            try {
                inverse = new InverseProblem(problem, unknowns, observations);
                if (noBoundary) {
                    inverse = inverse.withoutBoundaryConditions();
                }
            } catch (IllegalArgumentException e) {
                throw root.failAt("observations", e.getMessage(), e);
            }
        }
        return problem;
    }

    /** Whether the coefficient under {@code key} is an object (an unknown) rather than a formula. */
    private static boolean isUnknown(JsonFields root, String key) {
        return root.get(key).isObject();
    }

    private Unknown unknown(JsonFields root, Coefficient coefficient) {
        JsonFields node = root.object(coefficient.key());
        node.allowKeys(UNKNOWN_KEYS, "for an unknown");
        JsonNode kind = node.required("unknown");
        Unknown u;
        if (kind.isBoolean() && kind.booleanValue()) {
            u = Unknown.field(coefficient);
            if (node.has("initial")) {
                throw node.failAt(node.path("initial"), "only a scalar unknown (\"unknown\": \"scalar\") takes an initial value");
            }
        } else if (kind.isTextual() && kind.textValue().equals("scalar")) {
            u = Unknown.scalar(coefficient, node.number("initial", 1));
            if (node.has("boundary")) {
                throw node.failAt(node.path("boundary"), "a scalar unknown cannot have boundary values");
            }
        } else {
            throw node.failAt(node.path("unknown"), "must be true (an unknown field) or \"scalar\", got "
                    + JsonFields.describe(kind));
        }
        try {
            if (node.bool("positive", false)) {
                u = u.positive();
            }
        } catch (IllegalArgumentException e) {
            throw node.failAt(node.path("initial"), e.getMessage(), e);
        }
        if (node.has("boundary")) {
            u = u.withBoundary(field(node, "boundary"));
        }
        if (node.has("exact")) {
            u = u.isScalar() ? u.withExact(node.number("exact")) : u.withExact(field(node, "exact"));
        }
        return u;
    }

    private Observations observations(JsonFields root) {
        String name = root.text("observations");
        String text;
        try {
            text = resolver.read(name);
        } catch (IOException | RuntimeException e) {
            throw root.failAt("observations", "cannot read '" + name + "': " + e.getMessage(), e);
        }
        try {
            return ObservationFile.parse(text, name, dimension);
        } catch (IllegalArgumentException e) {
            throw root.failAt("observations", e.getMessage(), e);
        }
    }

    private ReferenceData reference(JsonFields root, Domain domain) {
        String file = root.text("reference");
        if (file.isBlank()) {
            throw root.failAt("reference", "must name a file");
        }
        String text;
        try {
            text = resolver.read(file);
        } catch (java.io.IOException | RuntimeException e) {
            throw root.failAt("reference", "cannot read '" + file + "': " + e.getMessage(), e);
        }
        try {
            return ReferenceFile.parse(text, file, domain);
        } catch (IllegalArgumentException e) {
            throw root.failAt("reference", e.getMessage(), e);
        }
    }

    private String defaultName() {
        String base = source.substring(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1);
        if (base.endsWith(".json")) {
            base = base.substring(0, base.length() - 5);
        }
        return base.isBlank() ? "problem" : base;
    }

    /** The value of a key named {@code type}, required with the choices in the message. */
    private static String type(JsonFields node, String choices) {
        if (!node.has("type")) {
            throw node.fail("missing key 'type' (one of " + choices + ")");
        }
        return node.text("type");
    }

    // ---- domain ----

    private Domain domain(JsonFields node) {
        Domain domain = unnamedDomain(node);
        if (!node.has("name")) {
            return domain;
        }
        String name = node.text("name");
        try {
            return NamedDomain.of(name, domain);
        } catch (IllegalArgumentException e) {
            throw node.failAt(node.path("name"), e.getMessage(), e);
        }
    }

    private Domain unnamedDomain(JsonFields node) {
        String type = type(node, DOMAIN_TYPES);
        switch (type) {
            case "box":
                node.allowKeys(List.of("type", "min", "max", "name"), "for a box");
                return box(node);
            case "disk":
                node.allowKeys(List.of("type", "center", "radius", "name"), "for a disk");
                return disk(node);
            case "ball":
                node.allowKeys(List.of("type", "center", "radius", "name"), "for a ball");
                return ball(node);
            case "polygon":
                node.allowKeys(List.of("type", "vertices", "edges", "name"), "for a polygon");
                return polygon(node);
            case "lshape":
                node.allowKeys(List.of("type", "name"), "for an lshape");
                return Polygon.lShape();
            case "difference":
                node.allowKeys(List.of("type", "of", "minus", "name"), "for a difference");
                return difference(node);
            case "union":
            case "intersection":
                node.allowKeys(List.of("type", "of", "name"), "for a" + (type.equals("union") ? " union" : "n intersection"));
                return combination(node, type);
            default:
                throw node.failAt(node.path("type"), "unknown domain type '" + type + "'; types: " + DOMAIN_TYPES);
        }
    }

    private Domain ball(JsonFields node) {
        double[] center = {0, 0, 0};
        if (node.has("center")) {
            center = node.numbers("center");
            if (center.length != 3) {
                throw node.failAt(node.path("center"), "must have 3 entries [x, y, z], got " + center.length);
            }
        }
        double radius = node.number("radius", 1);
        if (!(radius > 0)) {
            throw node.failAt(node.path("radius"), "must be > 0, got " + node.get("radius").asText());
        }
        return new Ball(center, radius);
    }

    private Domain difference(JsonFields node) {
        Domain of = domain(node.object("of"));
        List<JsonFields> minus = node.objects("minus");
        if (minus.isEmpty()) {
            throw node.failAt(node.path("minus"), "must list at least one domain to subtract");
        }
        List<Domain> holes = new ArrayList<>();
        for (int i = 0; i < minus.size(); i++) {
            holes.add(operand(minus.get(i), of, node.path("of")));
        }
        try {
            return CsgDomain.difference(of, holes);
        } catch (IllegalArgumentException e) {
            throw node.fail(e.getMessage(), e);
        }
    }

    private Domain combination(JsonFields node, String type) {
        List<JsonFields> of = node.objects("of");
        if (of.size() < 2) {
            throw node.failAt(node.path("of"), "a " + type + " needs at least two domains, got " + of.size());
        }
        List<Domain> operands = new ArrayList<>();
        Domain first = domain(of.get(0));
        operands.add(first);
        for (int i = 1; i < of.size(); i++) {
            operands.add(operand(of.get(i), first, of.get(0).path()));
        }
        try {
            return type.equals("union") ? CsgDomain.union(operands) : CsgDomain.intersection(operands);
        } catch (IllegalArgumentException e) {
            throw node.fail(e.getMessage(), e);
        }
    }

    /** An operand, required to have the dimension of the first one. */
    private Domain operand(JsonFields node, Domain first, String firstPath) {
        Domain operand = domain(node);
        if (operand.dimension() != first.dimension()) {
            throw node.fail("is " + operand.dimension() + "-D, but " + firstPath + " is " + first.dimension()
                    + "-D; all operands need one dimension");
        }
        return operand;
    }

    private Domain box(JsonFields node) {
        double[] min = node.numbers("min");
        double[] max = node.numbers("max");
        if (min.length < 1 || min.length > Box.MAX_DIMENSION) {
            throw node.failAt(node.path("min"), "must have 1 to " + Box.MAX_DIMENSION + " entries (the dimension), got " + min.length);
        }
        if (max.length != min.length) {
            throw node.failAt(node.path("max"), "has " + max.length + " entries but min has " + min.length);
        }
        for (int k = 0; k < min.length; k++) {
            if (!(min[k] < max[k])) {
                throw node.fail("min[" + k + "] = " + node.get("min").get(k).asText() + " must be < max[" + k + "] = "
                        + node.get("max").get(k).asText());
            }
        }
        try {
            return new Box(min, max);
        } catch (IllegalArgumentException e) {
            throw node.fail(e.getMessage(), e);
        }
    }

    private Domain disk(JsonFields node) {
        double[] center = {0, 0};
        if (node.has("center")) {
            center = node.numbers("center");
            if (center.length != 2) {
                throw node.failAt(node.path("center"), "must have 2 entries [x, y], got " + center.length);
            }
        }
        double radius = node.number("radius", 1);
        if (!(radius > 0)) {
            throw node.failAt(node.path("radius"), "must be > 0, got " + node.get("radius").asText());
        }
        return new Disk(center[0], center[1], radius);
    }

    private Domain polygon(JsonFields node) {
        JsonNode vertices = node.required("vertices");
        String vpath = node.path("vertices");
        if (!vertices.isArray()) {
            throw node.failAt(vpath, "must be an array of [x, y] pairs, got " + JsonFields.describe(vertices));
        }
        if (vertices.size() < 3) {
            throw node.failAt(vpath, "a polygon needs at least 3 vertices, got " + vertices.size());
        }
        double[] xy = new double[2 * vertices.size()];
        for (int i = 0; i < vertices.size(); i++) {
            double[] v = node.asNumbers(vertices.get(i), vpath + "[" + i + "]");
            if (v.length != 2) {
                throw node.failAt(vpath + "[" + i + "]", "must be a pair [x, y], got " + v.length + " numbers");
            }
            xy[2 * i] = v[0];
            xy[2 * i + 1] = v[1];
        }
        List<String> names = null;
        if (node.has("edges")) {
            names = edgeNames(node, vertices.size());
        }
        try {
            return names == null ? new Polygon(xy) : new Polygon(xy, names);
        } catch (IllegalArgumentException e) {
            throw node.failAt(vpath, e.getMessage(), e);
        }
    }

    private List<String> edgeNames(JsonFields polygon, int count) {
        JsonNode node = polygon.get("edges");
        String path = polygon.path("edges");
        if (!node.isArray()) {
            throw polygon.failAt(path, "must be an array of edge names, got " + JsonFields.describe(node));
        }
        if (node.size() != count) {
            throw polygon.failAt(path, "must name each of the " + count + " edges, got " + node.size() + " names");
        }
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < count; i++) {
            String name = polygon.asText(node.get(i), path + "[" + i + "]");
            if (name.isBlank() || name.equals("default")) {
                throw polygon.failAt(path + "[" + i + "]", "'" + name + "' cannot name an edge"
                        + (name.isBlank() ? "" : " ('default' is reserved in boundary maps)"));
            }
            if (!seen.add(name)) {
                throw polygon.failAt(path + "[" + i + "]", "edge name '" + name + "' is used twice");
            }
            names.add(name);
        }
        return names;
    }

    // ---- coefficients ----

    private Field diffusion(JsonFields root, Domain domain) {
        Field a = field(root, "a");
        JsonNode node = root.get("a");
        if (a.isConstant()) {
            double value = a.value(new double[dimension]);
            if (!(value > 0)) {
                throw root.failAt("a", "the diffusion coefficient must be > 0, got " + JsonFields.describe(node));
            }
            return a;
        }
        // A formula cannot be checked everywhere; a spread of points catches the usual mistakes.
        PointSet points;
        try {
            points = domain.sampleInterior(DIFFUSION_CHECKS, SamplingScheme.SOBOL, 0);
        } catch (IllegalArgumentException e) {
            throw root.failAt("domain", e.getMessage(), e);
        }
        double[] z = new double[dimension];
        for (int i = 0; i < points.size(); i++) {
            points.point(i, z);
            double value = a.value(z);
            if (!(value > 0) || !Double.isFinite(value)) {
                throw root.failAt("a", "the diffusion coefficient " + JsonFields.describe(node) + " must be finite and > 0 in "
                        + "the domain, got " + value + " at " + point(z));
            }
        }
        return a;
    }

    private Nonlinearity nonlinearity(JsonFields node) {
        String type = type(node, NONLINEAR_TYPES);
        switch (type) {
            case "power": {
                node.allowKeys(List.of("type", "coefficient", "power"), "for a power nonlinearity");
                double power = node.number("power");
                if (power != Math.rint(power) || power < 2 || power > 99) {
                    throw node.failAt(node.path("power"), "must be an integer from 2 to 99, got " + node.get("power").asText());
                }
                return Nonlinearity.power(node.number("coefficient", 1), (int) power);
            }
            case "sin":
                node.allowKeys(List.of("type", "coefficient"), "for a sin nonlinearity");
                return Nonlinearity.sine(node.number("coefficient", 1));
            default:
                throw node.failAt(node.path("type"), "unknown nonlinearity type '" + type + "'; types: " + NONLINEAR_TYPES);
        }
    }

    // ---- boundary ----

    private void boundary(JsonFields node, Domain domain, Problem.Builder b) {
        if (node.has("type") && node.get("type").isTextual()) {
            b.boundary(condition(node));
            return;
        }
        BoundaryCondition fallback = null;
        BoundaryCondition[] parts = new BoundaryCondition[domain.boundaryPartCount()];
        for (Map.Entry<String, JsonNode> entry : node.node().properties()) {
            String key = entry.getKey();
            if (key.equals("default")) {
                fallback = condition(node.object(key));
                continue;
            }
            int part = partIndex(domain, key);
            if (part < 0) {
                throw node.fail("no boundary part '" + key + "'; parts are " + partNames(domain)
                        + " (or 'default', or a single condition with a 'type')");
            }
            parts[part] = condition(node.object(key));
        }
        if (fallback != null) {
            b.boundary(fallback);
        }
        for (int p = 0; p < parts.length; p++) {
            if (parts[p] != null) {
                b.boundary(p, parts[p]);
            } else if (fallback == null) {
                throw node.fail("no condition for part '" + domain.boundaryPartName(p) + "' and no 'default' entry; parts are "
                        + partNames(domain));
            }
        }
    }

    private BoundaryCondition condition(JsonFields node) {
        String type = type(node, CONDITION_TYPES);
        switch (type) {
            case "dirichlet":
                node.allowKeys(List.of("type", "value"), "for a dirichlet condition");
                return BoundaryCondition.dirichlet(value(node));
            case "neumann":
                node.allowKeys(List.of("type", "value"), "for a neumann condition");
                return BoundaryCondition.neumann(value(node));
            case "robin": {
                node.allowKeys(List.of("type", "alpha", "beta", "value"), "for a robin condition");
                double alpha = node.number("alpha");
                double beta = node.number("beta");
                Field g = value(node);
                try {
                    return BoundaryCondition.robin(alpha, beta, g);
                } catch (IllegalArgumentException e) {
                    throw node.fail(e.getMessage(), e);
                }
            }
            default:
                throw node.failAt(node.path("type"), "unknown boundary condition type '" + type + "'; types: " + CONDITION_TYPES);
        }
    }

    /** A condition's value, 0 if absent. */
    private Field value(JsonFields condition) {
        return condition.has("value") ? field(condition, "value") : formula("0", condition.path("value"), condition);
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

    /** A field given as a formula (a string) or a number under {@code key}. */
    private Field field(JsonFields parent, String key) {
        JsonNode node = parent.get(key);
        String path = parent.path(key);
        String text;
        if (node.isTextual()) {
            text = node.textValue();
        } else if (node.isNumber()) {
            parent.asNumber(node, path);
            text = node.asText();
        } else {
            throw parent.failAt(path, "must be a formula (a string) or a number, got " + JsonFields.describe(node));
        }
        return formula(text, path, parent);
    }

    private Field formula(String text, String path, JsonFields at) {
        String key = text.strip();
        if (key.isEmpty()) {
            throw at.failAt(path, "the formula is empty");
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
            throw at.failAt(path, e.getMessage(), e);
        }
    }

    private static String point(double[] z) {
        StringBuilder s = new StringBuilder("(");
        for (int k = 0; k < z.length; k++) {
            s.append(k == 0 ? "" : ", ").append(z[k]);
        }
        return s.append(')').toString();
    }
}
