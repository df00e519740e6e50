package org.kanpde.cli.bench;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.kanpde.cli.console.BadInputException;
import org.kanpde.problems.ProblemCatalog;
import org.kanpde.problems.files.ProblemFiles;
import org.kanpde.solver.problem.Problem;

/**
 * The training runs of a sweep, in order: the runs of a bench suite (its {@code sweep} section,
 * exactly as {@code kanpde bench} runs them) or the cross product of a sweep spec
 * ({@link SweepSpec}). Every run trains on one thread.
 *
 * <p>A plan is small and {@link Serializable}: it holds its source (suite name or spec text) and
 * the text of every problem file, not the runs, so that a cluster worker without the driver's
 * files rebuilds the same runs ({@link #run(int)}) from it.
 */
public final class SweepPlan implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final String specText;
    private final List<String> problems;
    private final Map<String, String> problemTexts;
    private final List<Long> seeds;
    private final double budget;
    private transient List<PlannedRun> runs;

    private SweepPlan(String name, String specText, List<String> problems, Map<String, String> problemTexts, List<Long> seeds,
                      double budget) {
        this.name = name;
        this.specText = specText;
        this.problems = List.copyOf(problems);
        this.problemTexts = new LinkedHashMap<>(problemTexts);
        this.seeds = seeds == null ? null : List.copyOf(seeds);
        this.budget = budget;
    }

    /**
     * The training runs of {@code kanpde bench --suite NAME} (without its cost and thread studies).
     *
     * @param suite     quick, paper or full
     * @param problem   only this problem (id or file), or null for the suite's problems
     * @param seeds     seeds as {@code 1,2,3}, or null for the suite's
     * @param timeLimit budget of the budgeted runs in seconds, or null for the suite's
     * @throws BadInputException naming the bad value
     */
    public static SweepPlan suite(String suite, String problem, String seeds, Double timeLimit) {
        Suite s = Suite.named(suite);
        if (timeLimit != null && (!(timeLimit > 0) || !Double.isFinite(timeLimit))) {
            throw new BadInputException("--time-limit must be finite and > 0 seconds, got " + timeLimit);
        }
        List<String> ids = problem == null ? s.problems() : List.of(problem);
        SweepPlan plan = new SweepPlan(s.name(), null, ids, texts(ids, null), seeds == null ? s.seeds()
                : BenchCommand.parseSeeds(seeds), timeLimit != null ? timeLimit : s.budget());
        plan.runs();
        return plan;
    }

    /**
     * The runs of a sweep spec file. Problem files it names are read relative to the working
     * directory, else to the spec's directory.
     *
     * @throws BadInputException naming the file and the bad value
     */
    public static SweepPlan spec(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("--spec " + file + ": no such file");
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new BadInputException("--spec " + file + ": cannot read it: " + e.getMessage());
        }
        SweepSpec.Parsed parsed = SweepSpec.parse(text, file.toString());
        Path dir = file.toAbsolutePath().getParent();
        SweepPlan plan = new SweepPlan("spec " + file.getFileName(), text, parsed.problems(), texts(parsed.problems(), dir), null,
                parsed.budget());
        for (PlannedRun r : plan.runs()) {
            try {
                r.validate();
            } catch (IllegalArgumentException e) {
                throw new BadInputException("spec " + file + ": run " + (r.index() + 1) + " (" + r.label() + "): " + e.getMessage());
            }
        }
        return plan;
    }

    /** The problem files' texts by argument; catalogue ids have none. Checks every problem like bench does. */
    private static Map<String, String> texts(List<String> ids, Path specDir) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String id : ids) {
            if (ProblemCatalog.ids().contains(id)) {
                BenchCommand.resolve(id);
                continue;
            }
            Path p = Path.of(id);
            if (!Files.exists(p) && specDir != null && Files.exists(specDir.resolve(id))) {
                p = specDir.resolve(id);
            }
            BenchCommand.resolve(p.toString());
            try {
                out.put(id, ProblemFiles.readText(p));
            } catch (IOException e) {
                throw new BadInputException("--problem: cannot read problem file " + id + ": " + e.getMessage());
            }
        }
        return out;
    }

    /** The runs, built on first use (also after the plan was sent to another machine). */
    public synchronized List<PlannedRun> runs() {
        if (runs == null) {
            Map<String, Problem> resolved = new LinkedHashMap<>();
            for (String id : problems) {
                String text = problemTexts.get(id);
                resolved.put(id, text == null ? ProblemCatalog.get(id) : ProblemFiles.parse(text, id));
            }
            List<PlannedRun> out = new ArrayList<>();
            if (specText == null) {
                Suite s = Suite.named(name);
                for (String id : problems) {
                    Problem p = resolved.get(id);
                    for (RunSpec run : s.runs(p.dimension())) {
                        for (long seed : seeds) {
                            out.add(new PlannedRun(out.size(), id, p, run, seed, run.budgeted() ? budget : cap()));
                        }
                    }
                }
            } else {
                for (SweepSpec.Entry e : SweepSpec.parse(specText, name).entries()) {
                    out.add(new PlannedRun(out.size(), e.problem(), resolved.get(e.problem()), e.run(), e.seed(),
                            e.run().budgeted() ? budget : cap()));
                }
            }
            runs = List.copyOf(out);
        }
        return runs;
    }

    /** Number of runs. */
    public int size() {
        return runs().size();
    }

    /** Run {@code i} (from 0). */
    public PlannedRun run(int i) {
        return runs().get(i);
    }

    /** The suite name, or {@code spec FILE}. */
    public String name() {
        return name;
    }

    /** Wall-time budget of the budgeted runs in seconds. */
    public double budget() {
        return budget;
    }

    /** Wall-time cap of the runs that count iterations, as bench sets it. */
    public double cap() {
        return Math.max(RunSpec.COUNTED_CAP, 2 * budget);
    }

    /**
     * Writes what {@code kanpde bench} writes for these runs into {@code dir}: bench.csv,
     * bench-stages.csv, bench-cost.csv (empty: a sweep has no cost study), bench.md and, once
     * finished, the scaling figures.
     *
     * @param records     the finished runs, in plan order
     * @param commandLine the command as given
     * @param startedAt   start time (ISO-8601)
     * @param seconds     wall time so far
     * @param finished    whether every run of the plan is in {@code records}
     * @return the files written
     */
    public List<Path> writeReport(Path dir, List<RunRecord> records, String commandLine, String startedAt, double seconds,
                                  boolean finished) throws IOException {
        LinkedHashSet<Long> used = new LinkedHashSet<>();
        for (PlannedRun r : runs()) {
            used.add(r.seed);
        }
        BenchReport.Context ctx = new BenchReport.Context(name, commandLine, List.copyOf(used), budget, cap(), 1,
                Machine.describe(), startedAt, seconds, finished);
        return BenchReport.writeAll(dir, ctx, records, List.of(), List.of());
    }
}
