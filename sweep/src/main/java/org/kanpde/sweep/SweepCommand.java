package org.kanpde.sweep;

import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkException;
import org.kanpde.cli.bench.PlannedRun;
import org.kanpde.cli.bench.RunRecord;
import org.kanpde.cli.bench.RunRecordJson;
import org.kanpde.cli.bench.SweepPlan;
import org.kanpde.cli.console.BadInputException;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kanpde sweep}: the training runs of a bench suite or of a sweep spec as one Spark job, one
 * single-threaded task per run, on the embedded {@code local[*]} Spark or on a cluster. The driver
 * stores each run's record the moment it arrives ({@link RecordStore}) and, at the end, writes what
 * {@code kanpde bench} writes.
 */
@Command(name = "kanpde sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a study of training runs (a bench suite, or the cross product of a sweep spec) on Apache Spark: "
                + "one single-threaded task per run; each run's numbers are those of its 'kanpde solve' command.",
            "Writes runs/KEY.json (one record per finished run, at once), bench.csv, bench-stages.csv, bench-cost.csv, "
                + "bench.md and scaling-<problem>.png/.svg into --out."})
public final class SweepCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    static final class Source {
        @Option(names = "--spec", paramLabel = "SWEEP.json", description = "The sweep spec: problems, model families with "
                + "their axes (widths, grids, k, basis, optimizer, iterations, points, seeds), exclusions; see README.")
        Path specFile;

        @Option(names = "--suite", paramLabel = "quick|paper|full", description = "The training runs of this bench suite.")
        String suite;
    }

    @ArgGroup(exclusive = true)
    Source source;

    @Option(names = "--problem", paramLabel = "ID|FILE.json", description = "With --suite: only this problem.")
    String problem;

    @Option(names = "--seeds", paramLabel = "S1,S2,...", description = "With --suite: these seeds.")
    String seeds;

    @Option(names = "--time-limit", paramLabel = "S", description = "With --suite: wall-time budget of the budgeted runs.")
    Double timeLimit;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "sweep-results", description = "Output directory (default: "
            + "${DEFAULT-VALUE}); it must not hold run records of an earlier sweep unless --resume is given.")
    Path out;

    @Option(names = "--resume", paramLabel = "DIR", description = "Continue the sweep recorded in DIR (its --out): runs "
            + "recorded there are not run again.")
    Path resume;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master: local[*] (default, embedded), local[N], "
            + "spark://HOST:PORT, yarn; under spark-submit, the one it sets.")
    String master;

    @Option(names = "--max-failures", paramLabel = "N", defaultValue = "4",
            description = "Attempts per run before the sweep gives up (spark.task.maxFailures; default ${DEFAULT-VALUE}).")
    int maxFailures;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "A Spark setting, e.g. --conf spark.executor.memory=4g "
            + "(repeatable).")
    List<String> conf = new ArrayList<>();

    @Option(names = {"-q", "--quiet"}, description = "Print only one line per run.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        PrintWriter con = spec.commandLine().getOut();
        if (maxFailures < 1) {
            throw new BadInputException("--max-failures must be >= 1, got " + maxFailures);
        }
        SweepPlan plan = plan();
        Path dir = resume != null ? resume : out;
        if (resume != null && spec.commandLine().getParseResult().hasMatchedOption("--out") && !out.equals(resume)) {
            throw new BadInputException("--out " + out + " and --resume " + resume + " differ; --resume continues in its own DIR");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new BadInputException((resume != null ? "--resume " : "--out ") + dir + " exists and is not a directory");
        }
        if (resume != null && !Files.isDirectory(resume)) {
            throw new BadInputException("--resume " + resume + ": no such directory");
        }
        RecordStore store = new RecordStore(dir);
        if (resume == null && store.count() > 0) {
            throw new BadInputException("--out " + dir + " already holds " + store.count() + " run records; continue with "
                    + "--resume " + dir + ", or give another --out");
        }
        SparkConf sc = sparkConf();
        Files.createDirectories(dir);

        List<PlannedRun> runs = plan.runs();
        Map<Integer, RunRecordJson.Read> recorded = store.load(runs);
        RunRecord[] records = new RunRecord[runs.size()];
        for (Map.Entry<Integer, RunRecordJson.Read> e : recorded.entrySet()) {
            records[e.getKey()] = runs.get(e.getKey()).record(e.getValue().outcome());
        }
        List<Integer> todo = new ArrayList<>();
        for (PlannedRun r : runs) {
            if (records[r.index()] == null) {
                todo.add(r.index());
            }
        }
        long started = System.nanoTime();
        String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String commandLine = "./kanpde sweep " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        con.printf(Locale.ROOT, "sweep: %s, %d runs (%d recorded in %s, %d to run) on %s, one thread each; writing to %s%n",
                plan.name(), runs.size(), recorded.size(), dir, todo.size(), sc.get("spark.master"), dir);
        con.flush();
        Progress progress = new Progress(con, runs.size(), recorded.size(), quiet);
        boolean failed = false;
        if (!todo.isEmpty()) {
            try {
                SparkRunner.run(sc, plan, todo, progress, (index, json) -> {
                    PlannedRun run = runs.get(index);
                    store.write(run, json);
                    RunRecord r = run.record(RunRecordJson.read(json, "from run " + (index + 1)).outcome());
                    records[index] = r;
                    progress.finished(run, r);
                });
            } catch (SparkException e) {
                failed = true;
                String why = String.valueOf(e.getMessage());
                int nl = why.indexOf('\n');
                con.println("sweep: the job was aborted: " + (nl < 0 ? why : why.substring(0, nl)));
            }
        }
        List<RunRecord> done = new ArrayList<>();
        for (RunRecord r : records) {
            if (r != null) {
                done.add(r);
            }
        }
        boolean finished = done.size() == runs.size();
        List<Path> files = plan.writeReport(dir, done, commandLine, startedAt, (System.nanoTime() - started) * 1e-9, finished);
        con.printf(Locale.ROOT, "sweep: %d of %d runs recorded, %d failed task attempts, %.0f s; wrote %d files to %s%n",
                done.size(), runs.size(), progress.failures(), (System.nanoTime() - started) * 1e-9, files.size(), dir);
        if (!finished) {
            con.printf(Locale.ROOT, "sweep: %d runs missing%s; continue with: ./kanpde sweep %s --resume %s%n",
                    runs.size() - done.size(), failed ? " (a run failed on every attempt)" : "", sourceArguments(), dir);
        }
        con.flush();
        return finished ? 0 : 1;
    }

    private SweepPlan plan() {
        if (source != null && source.specFile != null) {
            if (problem != null || seeds != null || timeLimit != null) {
                throw new BadInputException("--problem, --seeds and --time-limit go with --suite; a spec names its own");
            }
            return SweepPlan.spec(source.specFile);
        }
        return SweepPlan.suite(source != null && source.suite != null ? source.suite : "quick", problem, seeds, timeLimit);
    }

    private String sourceArguments() {
        List<String> a = new ArrayList<>();
        if (source != null && source.specFile != null) {
            a.add("--spec " + source.specFile);
        } else {
            a.add("--suite " + (source != null && source.suite != null ? source.suite : "quick"));
            if (problem != null) {
                a.add("--problem " + problem);
            }
            if (seeds != null) {
                a.add("--seeds " + seeds);
            }
            if (timeLimit != null) {
                a.add("--time-limit " + timeLimit);
            }
        }
        return String.join(" ", a);
    }

    /**
     * Spark's settings: spark-submit's (system properties), then --conf, the master and the retries.
     * Outside spark-submit the runnable jar ships itself to a cluster's executors.
     */
    private SparkConf sparkConf() {
        SparkConf c = new SparkConf().setAppName("kanpde sweep");
        for (String kv : conf) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new BadInputException("--conf '" + kv + "' must be KEY=VALUE");
            }
            c.set(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
        }
        String m = master != null ? master : c.get("spark.master", "local[*]");
        if (m.isBlank()) {
            throw new BadInputException("--master must not be empty");
        }
        c.setMaster(SparkRunner.master(m, maxFailures));
        c.set("spark.task.maxFailures", String.valueOf(maxFailures));
        c.set("spark.task.cpus", "1");
        c.setIfMissing("spark.ui.enabled", "false");
        if (!c.get("spark.master").startsWith("local") && !c.contains("spark.jars")) {
            ownJar().ifPresent(j -> c.setJars(new String[] {j}));
        }
        return c;
    }

    private static java.util.Optional<String> ownJar() {
        try {
            Path p = Path.of(SweepCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return p.toString().endsWith(".jar") ? java.util.Optional.of(p.toString()) : java.util.Optional.empty();
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return java.util.Optional.empty();
        }
    }
}
