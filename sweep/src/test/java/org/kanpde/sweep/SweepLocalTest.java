package org.kanpde.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kanpde.cli.bench.PlannedRun;
import org.kanpde.cli.bench.RunRecordJson;
import org.kanpde.cli.bench.SweepPlan;

/**
 * {@code kanpde sweep} on the embedded Spark ({@code local[2]}): the records have the numbers of the
 * runs trained without Spark, {@code --resume} runs only what is missing, failed attempts are
 * retried, and bad input exits with 2 and one line.
 */
class SweepLocalTest {
    private static final String SPEC = """
            {"problems": ["poisson1d"], "seeds": [1, 2],
             "families": [{"model": "kan", "widths": [[3], [4]], "k": 3, "grids": [5, 10], "iterations": [15, 15], "points": 200},
                          {"model": "mlp", "widths": [10], "iterations": [30], "points": 200}],
             "exclude": [{"widths": [4], "seed": 2}]}
            """;

    @TempDir
    Path dir;

    record Outcome(int code, String out, String err) {
    }

    static Outcome sweep(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = SweepMain.execute(args, new PrintWriter(o, true), new PrintWriter(e, true));
        return new Outcome(code, o.toString(), e.toString());
    }

    @Test
    void aSweepRecordsEveryRunWithItsSolveNumbersAndResumesWhatIsMissing() throws Exception {
        Path spec = Files.writeString(dir.resolve("tiny.json"), SPEC);
        Path out = dir.resolve("out");
        Outcome first = sweep("--spec", spec.toString(), "--out", out.toString(), "--master", "local[2]");
        assertEquals(0, first.code(), first.out() + first.err());
        SweepPlan plan = SweepPlan.spec(spec);
        assertEquals(5, plan.size());
        assertTrue(first.out().contains("[5/5] "), first.out());
        assertTrue(first.out().contains("5 of 5 runs recorded, 0 failed task attempts"), first.out());
        RecordStore store = new RecordStore(out);
        Map<Integer, RunRecordJson.Read> records = store.load(plan.runs());
        assertEquals(5, records.size());
        for (PlannedRun run : plan.runs()) {
            assertTrue(records.get(run.index()).outcome().sameNumbers(run.train().result()), run.label());
        }
        for (String f : new String[] {"bench.csv", "bench-stages.csv", "bench.md", "scaling-poisson1d.png", "scaling-poisson1d.svg"}) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertEquals(6, Files.readString(out.resolve("bench.csv")).lines().count(), "a header and 5 runs");

        // a fresh sweep refuses a directory with records; --resume runs only the missing one
        Outcome again = sweep("--spec", spec.toString(), "--out", out.toString());
        assertEquals(2, again.code());
        assertTrue(again.err().contains("--resume"), again.err());
        PlannedRun lost = plan.run(3);
        String before = Files.readString(out.resolve("bench.csv"));
        Files.delete(store.file(lost));
        Outcome resumed = sweep("--spec", spec.toString(), "--resume", out.toString(), "--master", "local[2]");
        assertEquals(0, resumed.code(), resumed.out() + resumed.err());
        assertTrue(resumed.out().contains("(4 recorded in " + out + ", 1 to run)"), resumed.out());
        assertTrue(resumed.out().contains("[5/5] " + lost.label()), resumed.out());
        assertTrue(store.load(plan.runs()).get(3).outcome().sameNumbers(records.get(3).outcome()));
        assertEquals(before.lines().map(SweepLocalTest::withoutTimes).toList(),
                Files.readString(out.resolve("bench.csv")).lines().map(SweepLocalTest::withoutTimes).toList());
        Outcome nothing = sweep("--spec", spec.toString(), "--resume", out.toString());
        assertEquals(0, nothing.code());
        assertTrue(nothing.out().contains("(5 recorded in " + out + ", 0 to run)"), nothing.out());
    }

    /** A bench.csv row without its wall-time column. */
    private static String withoutTimes(String row) {
        String[] cells = row.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
        cells[16] = "";
        return String.join(",", cells);
    }

    @Test
    void failedAttemptsAreRetriedAndCounted() throws Exception {
        Path spec = Files.writeString(dir.resolve("two.json"), """
                {"problems": ["poisson1d"], "seeds": [1, 2],
                 "families": [{"model": "mlp", "widths": [8], "iterations": [20], "points": 100}]}
                """);
        System.setProperty(RunTask.FAIL_FIRST_ATTEMPT, "true");
        Outcome o;
        try {
            o = sweep("--spec", spec.toString(), "--out", dir.resolve("retried").toString(), "--master", "local[2]");
        } finally {
            System.clearProperty(RunTask.FAIL_FIRST_ATTEMPT);
        }
        assertEquals(0, o.code(), o.out() + o.err());
        assertTrue(o.out().contains("2 of 2 runs recorded, 2 failed task attempts"), o.out());
        assertTrue(o.out().contains("a task attempt failed"), o.out());

        System.setProperty(RunTask.FAIL_FIRST_ATTEMPT, "true");
        try {
            o = sweep("--spec", spec.toString(), "--out", dir.resolve("given-up").toString(), "--master", "local[2]",
                    "--max-failures", "1");
        } finally {
            System.clearProperty(RunTask.FAIL_FIRST_ATTEMPT);
        }
        assertEquals(1, o.code(), o.out() + o.err());
        assertTrue(o.out().contains("the job was aborted"), o.out());
        assertTrue(o.out().contains("--resume " + dir.resolve("given-up")), o.out());
    }

    @Test
    void badInputExitsWithTwoAndOneLineNamingTheValue() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"), """
                {"problems": ["poisson1d"], "families": [{"model": "kan", "widths": [3], "k": 3, "grids": [5],
                 "iterations": [10], "points": -5}]}
                """);
        Outcome o = sweep("--spec", bad.toString(), "--out", dir.resolve("x").toString());
        assertEquals(2, o.code());
        assertEquals("kanpde sweep: spec " + bad + ": families[0].points: must be >= 1, got -5", o.err().strip());
        assertFalse(Files.exists(dir.resolve("x")), "nothing written");

        o = sweep("--suite", "huge");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("'huge'") && o.err().strip().lines().count() == 1, o.err());
        o = sweep("--suite", "quick", "--max-failures", "0");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("--max-failures must be >= 1, got 0"), o.err());
        o = sweep("--suite", "quick", "--conf", "novalue");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("--conf 'novalue'"), o.err());
    }

    @Test
    void localMastersCarryTheRetryCount() {
        assertEquals("local[*,4]", SparkRunner.master("local[*]", 4));
        assertEquals("local[2,3]", SparkRunner.master("local[2]", 3));
        assertEquals("local[1,2]", SparkRunner.master("local", 2));
        assertEquals("spark://h:7077", SparkRunner.master("spark://h:7077", 4));
        assertEquals("2m05s", Progress.clock(125));
        assertEquals("1h01m", Progress.clock(3660));
    }
}
