package org.kanpde.cli.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.kanpde.cli.console.BadInputException;
import org.kanpde.net.basis.BasisType;
import org.kanpde.solver.io.JsonFields;
import org.kanpde.solver.optim.Optimizer;
import org.kanpde.solver.train.Recipes;

/**
 * Reads a sweep spec: problems, model families whose axes span a cross product of runs, and
 * exclusions. Every bad value is reported as one line naming the file, the JSON path and the value.
 *
 * <pre>{@code
 * {"problems": ["poisson2d-paper"], "seeds": [1, 2], "timeLimit": 60,
 *  "families": [
 *    {"model": "kan", "basis": ["bspline", "chebyshev"], "widths": [[2], [5]], "k": [3, 5],
 *     "grids": [5, 10, 20], "iterations": [150, 150, 300], "points": 6000},
 *    {"model": "mlp", "widths": [[20], [20, 20]], "optimizer": "lm", "iterations": [600], "points": 3000},
 *    {"model": "mlp", "widths": [[100, 100]], "optimizer": "adam+lbfgs", "iterations": [30], "points": 2601,
 *     "boundaryPoints": 204}],
 *  "exclude": [{"basis": "chebyshev", "widths": [2]}]}
 * }</pre>
 *
 * <p>An axis holds one value or an array of values; a list-valued axis ({@code widths}: hidden
 * widths, {@code grids}: one size per stage, {@code iterations}: one count per stage) holds one list
 * or an array of lists. {@code optimizer} is {@code lm}, {@code adam} or {@code lbfgs} for every
 * stage, a comma-separated list with one per stage, or {@code adam+lbfgs}: the budgeted MLP
 * recipe (Adam for the given iterations, then L-BFGS until {@code timeLimit}). Seeds default to the
 * top-level {@code seeds} (default 1). A run equal to an earlier one (the spline degree does not
 * apply to other bases) is run once.
 */
final class SweepSpec {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TOP = List.of("problems", "seeds", "timeLimit", "families", "exclude");
    private static final List<String> FAMILY = List.of("model", "basis", "widths", "k", "grids", "optimizer", "iterations",
            "points", "boundaryPoints", "seeds");
    private static final List<String> EXCLUDE = List.of("problem", "model", "basis", "widths", "k", "grids", "optimizer",
            "iterations", "points", "seed");
    /** Default wall-time budget of budgeted runs in seconds (the paper suite's). */
    static final double DEFAULT_BUDGET = 60;

    /** One run of the cross product, before the problem is resolved. */
    record Entry(String problem, RunSpec run, long seed, Map<String, String> axes) {
    }

    /** A parsed spec: problem arguments (ids or files), budget, and the runs in order. */
    record Parsed(List<String> problems, double budget, List<Entry> entries) {
    }

    private SweepSpec() {
    }

    /**
     * Parses a spec.
     *
     * @param text   the JSON text
     * @param source the file name, for messages
     * @throws BadInputException naming the file, the path and the bad value
     */
    static Parsed parse(String text, String source) {
        JsonFields.Failure failure = (path, detail, cause) -> new BadInputException(JsonFields.message("spec " + source, path, detail));
        JsonNode doc;
        try {
            doc = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new BadInputException("spec " + source + ": not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ")");
        }
        JsonFields root = JsonFields.root(doc, failure);
        root.allowKeys(TOP, "");
        List<String> problems = strings(root, "problems", false);
        if (problems.isEmpty()) {
            throw root.failAt("problems", "must name at least one problem");
        }
        List<Long> seeds = root.has("seeds") ? seeds(root, "seeds") : List.of(1L);
        double budget = root.number("timeLimit", DEFAULT_BUDGET);
        if (!(budget > 0)) {
            throw root.failAt("timeLimit", "must be > 0 seconds, got " + budget);
        }
        List<JsonFields> families = root.objects("families");
        if (families.isEmpty()) {
            throw root.failAt("families", "must hold at least one model family");
        }
        List<JsonFields> excludes = root.has("exclude") ? root.objects("exclude") : List.of();
        for (JsonFields x : excludes) {
            x.allowKeys(EXCLUDE, "in an exclusion");
        }
        Map<String, Entry> runs = new LinkedHashMap<>();
        for (String problem : problems) {
            for (JsonFields f : families) {
                family(f, problem, seeds, excludes, runs);
            }
        }
        if (runs.isEmpty()) {
            throw root.failAt("exclude", "excludes every run of the spec");
        }
        return new Parsed(problems, budget, List.copyOf(runs.values()));
    }

    private static void family(JsonFields f, String problem, List<Long> defaultSeeds, List<JsonFields> excludes,
                               Map<String, Entry> runs) {
        f.allowKeys(FAMILY, "in a model family");
        String model = f.text("model").trim().toLowerCase(Locale.ROOT);
        if (!model.equals("kan") && !model.equals("mlp")) {
            throw f.failAt(f.path("model"), "must be kan or mlp, got '" + f.text("model") + "'");
        }
        boolean kan = model.equals("kan");
        List<String> bases = kan ? (f.has("basis") ? strings(f, "basis", true) : List.of(BasisType.BSPLINE.id())) : List.of("");
        if (!kan && f.has("basis")) {
            throw f.failAt(f.path("basis"), "applies to KANs only");
        }
        List<int[]> widths = lists(f, "widths", 1);
        List<Integer> ks = kan ? (f.has("k") ? integers(f, "k", 1) : List.of(Recipes.KAN_DEGREE)) : List.of(0);
        List<int[]> grids = kan ? lists(f, "grids", 1) : java.util.Collections.singletonList((int[]) null);
        if (!kan && (f.has("k") || f.has("grids"))) {
            throw f.failAt(f.path(f.has("k") ? "k" : "grids"), "applies to KANs only");
        }
        List<String> optimizers = f.has("optimizer") ? strings(f, "optimizer", true) : List.of("lm");
        List<int[]> iterations = lists(f, "iterations", 0);
        List<Integer> points = integers(f, "points", 1);
        List<Long> seeds = f.has("seeds") ? seeds(f, "seeds") : defaultSeeds;
        Integer boundary = null;
        if (f.has("boundaryPoints")) {
            boundary = f.integer("boundaryPoints");
            if (boundary < 0) {
                throw f.failAt(f.path("boundaryPoints"), "must be >= 0, got " + boundary);
            }
        }
        for (String basisId : bases) {
            BasisType basis = kan ? basis(f, basisId) : null;
            for (int[] hidden : widths) {
                for (int k : ks) {
                    for (int[] grid : grids) {
                        for (String opt : optimizers) {
                            for (int[] its : iterations) {
                                for (int pts : points) {
                                    // built for the first run not excluded: an excluded combination need not fit together
                                    RunSpec spec = null;
                                    for (long seed : seeds) {
                                        Map<String, String> axes = new LinkedHashMap<>();
                                        axes.put("problem", problem);
                                        axes.put("model", model);
                                        axes.put("basis", kan ? basis.id() : "");
                                        axes.put("widths", RunSpec.csv(hidden));
                                        axes.put("k", kan && basis == BasisType.BSPLINE ? String.valueOf(k) : "");
                                        axes.put("grids", grid == null ? "" : RunSpec.csv(grid));
                                        axes.put("optimizer", opt.trim().toLowerCase(Locale.ROOT));
                                        axes.put("iterations", RunSpec.csv(its));
                                        axes.put("points", String.valueOf(pts));
                                        axes.put("seed", String.valueOf(seed));
                                        if (excludes.stream().noneMatch(x -> matches(x, axes))) {
                                            if (spec == null) {
                                                spec = run(f, basis, hidden, k, grid, opt, its, pts, boundary);
                                            }
                                            Entry e = new Entry(problem, spec, seed, axes);
                                            runs.putIfAbsent(problem + " " + spec.solveArguments(problem, 1, seed, 1, 1), e);
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static RunSpec run(JsonFields f, BasisType basis, int[] hidden, int k, int[] grid, String opt, int[] its, int points,
                               Integer boundary) {
        String o = opt.trim().toLowerCase(Locale.ROOT);
        int bp = boundary != null ? boundary : Math.max(1, points / 10);
        boolean budgeted = o.equals("adam+lbfgs");
        if (budgeted) {
            if (basis != null) {
                throw f.failAt(f.path("optimizer"), "'adam+lbfgs' (Adam, then L-BFGS to the time budget) is the MLP recipe; "
                        + "KANs take lm, adam, lbfgs or one per stage");
            }
            if (its.length != 1) {
                throw f.failAt(f.path("iterations"), "with adam+lbfgs must give the Adam iterations only, got "
                        + RunSpec.join(its));
            }
            return RunSpec.of(null, hidden, 0, null, new Optimizer[] {Optimizer.parse("adam"), Optimizer.parse("lbfgs")},
                    new int[] {its[0], RunSpec.OPEN_ENDED}, points, bp, true);
        }
        int stages = grid != null ? grid.length : its.length;
        if (its.length != stages) {
            throw f.failAt(f.path("iterations"), "needs one count per grid stage (" + stages + "), got " + RunSpec.join(its));
        }
        String[] names = o.split(",", -1);
        if (names.length != 1 && names.length != stages) {
            throw f.failAt(f.path("optimizer"), "needs one optimizer or one per stage (" + stages + "), got '" + opt + "'");
        }
        Optimizer[] optimizers = new Optimizer[stages];
        for (int s = 0; s < stages; s++) {
            try {
                optimizers[s] = Optimizer.parse(names[names.length == 1 ? 0 : s]);
            } catch (IllegalArgumentException e) {
                throw f.failAt(f.path("optimizer"), e.getMessage() + " or adam+lbfgs");
            }
        }
        try {
            return RunSpec.of(basis, hidden, k, grid, optimizers, its, points, bp, false);
        } catch (IllegalArgumentException e) {
            throw f.fail(e.getMessage());
        }
    }

    private static BasisType basis(JsonFields f, String id) {
        for (BasisType b : BasisType.values()) {
            if (b.id().equalsIgnoreCase(id.trim())) {
                return b;
            }
        }
        throw f.failAt(f.path("basis"), "unknown basis '" + id + "'; known: "
                + String.join(", ", Arrays.stream(BasisType.values()).map(BasisType::id).toList()));
    }

    /** Whether every key of the exclusion equals the run's value. */
    private static boolean matches(JsonFields x, Map<String, String> axes) {
        for (String key : (Iterable<String>) () -> x.node().fieldNames()) {
            JsonNode v = x.get(key);
            String value;
            if (v.isArray()) {
                int[] list = new int[v.size()];
                for (int i = 0; i < list.length; i++) {
                    list[i] = x.asInteger(v.get(i), x.path(key) + "[" + i + "]");
                }
                value = RunSpec.csv(list);
            } else if (v.isTextual()) {
                value = v.textValue().trim().toLowerCase(Locale.ROOT);
            } else if (v.isIntegralNumber()) {
                value = v.asText();
            } else {
                throw x.failAt(x.path(key), "must be a string, an integer or a list of integers, got " + JsonFields.describe(v));
            }
            if (!value.equals(axes.get(key))) {
                return false;
            }
        }
        return true;
    }

    /** A string or an array of non-empty strings. */
    private static List<String> strings(JsonFields f, String key, boolean lower) {
        JsonNode v = f.required(key);
        List<String> out = new ArrayList<>();
        if (v.isArray()) {
            for (int i = 0; i < v.size(); i++) {
                out.add(f.asText(v.get(i), f.path(key) + "[" + i + "]"));
            }
        } else {
            out.add(f.asText(v, f.path(key)));
        }
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).isBlank()) {
                throw f.failAt(f.path(key), "has an empty entry");
            }
            out.set(i, lower ? out.get(i).trim().toLowerCase(Locale.ROOT) : out.get(i).trim());
        }
        return out;
    }

    /** An integer &gt;= min or an array of them. */
    private static List<Integer> integers(JsonFields f, String key, int min) {
        JsonNode v = f.required(key);
        List<Integer> out = new ArrayList<>();
        if (v.isArray()) {
            if (v.isEmpty()) {
                throw f.failAt(f.path(key), "must not be empty");
            }
            for (int i = 0; i < v.size(); i++) {
                out.add(checked(f, f.asInteger(v.get(i), f.path(key) + "[" + i + "]"), min, f.path(key) + "[" + i + "]"));
            }
        } else {
            out.add(checked(f, f.asInteger(v, f.path(key)), min, f.path(key)));
        }
        return out;
    }

    private static int checked(JsonFields f, int value, int min, String at) {
        if (value < min) {
            throw f.failAt(at, "must be >= " + min + ", got " + value);
        }
        return value;
    }

    /** Distinct seeds: an integer or an array of integers. */
    private static List<Long> seeds(JsonFields f, String key) {
        JsonNode v = f.required(key);
        List<Long> out = new ArrayList<>();
        JsonNode[] items = v.isArray() ? iterable(v) : new JsonNode[] {v};
        if (items.length == 0) {
            throw f.failAt(f.path(key), "must not be empty");
        }
        for (int i = 0; i < items.length; i++) {
            String at = v.isArray() ? f.path(key) + "[" + i + "]" : f.path(key);
            if (!items[i].isIntegralNumber() || !items[i].canConvertToLong()) {
                throw f.failAt(at, "must be an integer, got " + JsonFields.describe(items[i]));
            }
            long s = items[i].longValue();
            if (out.contains(s)) {
                throw f.failAt(at, "repeats seed " + s);
            }
            out.add(s);
        }
        return out;
    }

    /**
     * A list axis: one list of integers &gt;= min, or an array of such lists. Each list must be non-empty.
     */
    private static List<int[]> lists(JsonFields f, String key, int min) {
        JsonNode v = f.required(key);
        if (!v.isArray() || v.isEmpty()) {
            throw f.failAt(f.path(key), "must be a list of integers or an array of lists, got " + JsonFields.describe(v));
        }
        List<int[]> out = new ArrayList<>();
        if (v.get(0).isArray()) {
            for (int i = 0; i < v.size(); i++) {
                out.add(list(f, v.get(i), f.path(key) + "[" + i + "]", min));
            }
        } else {
            out.add(list(f, v, f.path(key), min));
        }
        return out;
    }

    private static int[] list(JsonFields f, JsonNode v, String at, int min) {
        if (!v.isArray() || v.isEmpty()) {
            throw f.failAt(at, "must be a non-empty list of integers, got " + JsonFields.describe(v));
        }
        int[] out = new int[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = checked(f, f.asInteger(v.get(i), at + "[" + i + "]"), min, at + "[" + i + "]");
        }
        return out;
    }

    private static JsonNode[] iterable(JsonNode array) {
        JsonNode[] out = new JsonNode[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i);
        }
        return out;
    }
}
