package org.kanpde.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kanpde.cli.console.BadInputException;

/** Sweep plans: the cross product of a spec, the bench suites' runs, bad specs, and run records as JSON. */
class SweepPlanTest {
    @TempDir
    Path dir;

    private SweepPlan spec(String json) throws Exception {
        return SweepPlan.spec(Files.writeString(dir.resolve("s.json"), json));
    }

    @Test
    void aSpecIsTheCrossProductOfItsAxesLessExclusionsAndRepeats() throws Exception {
        SweepPlan p = spec("""
                {"problems": ["poisson1d", "poisson2d-sin"], "seeds": [1, 2],
                 "families": [
                   {"model": "kan", "basis": ["bspline", "chebyshev"], "widths": [[3], [5]], "k": [3, 5],
                    "grids": [5, 10], "iterations": [10, 10], "points": 100},
                   {"model": "mlp", "widths": [[10], [10, 10]], "optimizer": ["lm", "adam,lbfgs"], "iterations": [[20], [5, 5]],
                    "points": [100, 200], "seeds": 7}],
                 "exclude": [{"problem": "poisson2d-sin", "basis": "chebyshev"}, {"model": "mlp", "optimizer": "lm",
                              "iterations": [5, 5]}, {"model": "mlp", "optimizer": "adam,lbfgs", "iterations": [20]}]}
                """);
        // KAN: bspline 2 widths x 2 k + chebyshev 2 widths (k does not apply), x 2 seeds; chebyshev only on poisson1d
        // MLP: 2 widths x (lm with [20] + adam,lbfgs with [5,5]) x 2 point counts, seed 7
        int kan1d = (2 * 2 + 2) * 2;
        int kan2d = (2 * 2) * 2;
        int mlp = 2 * 2 * 2;
        assertEquals(kan1d + kan2d + 2 * mlp, p.size());
        assertEquals(p.size(), p.runs().stream().map(PlannedRun::command).distinct().count(), "every run once");
        assertTrue(p.runs().stream().noneMatch(r -> r.command().contains("poisson2d-sin") && r.command().contains("chebyshev")));
        assertTrue(p.run(0).command().startsWith("./kanpde solve --problem poisson1d --model kan --width 1,3,1 --basis bspline "
                + "--grid 5,10 --k 3 --optimizer lm --iterations 10,10 --points 100 --seed 1 --threads 1"), p.run(0).command());
        assertEquals(2, p.run(1).seed);
        assertTrue(p.run(1).command().contains("--seed 2"), "seeds vary fastest");
    }

    @Test
    void theSuitesRunWhatBenchRuns() {
        SweepPlan p = SweepPlan.suite("quick", null, null, null);
        Suite q = Suite.quick();
        assertEquals(q.plane().size() + q.space().size(), p.size());
        assertEquals(q.budget(), p.budget());
        RunSpec first = q.plane().get(0);
        assertEquals(first.solveCommand("poisson2d-paper", 2, 1, 1, Math.max(RunSpec.COUNTED_CAP, 2 * q.budget())),
                p.run(0).command());
        assertEquals(3 * (Suite.full().plane().size() + Suite.full().space().size()), SweepPlan.suite("full", null, null, null).size());
    }

    @Test
    void aPlanSentToAnotherMachineRebuildsTheSameRunsWithoutTheFiles() throws Exception {
        Path problem;
        try (var in = org.kanpde.problems.files.ProblemFiles.class.getResourceAsStream("/org/kanpde/problems/examples/sin2d.json")) {
            problem = Files.write(dir.resolve("p.json"), in.readAllBytes());
        }
        SweepPlan p = spec("{\"problems\": [\"" + problem.toString().replace("\\", "\\\\") + "\"], \"families\": [{\"model\": "
                + "\"mlp\", \"widths\": [4], \"iterations\": [3], \"points\": 50}]}");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
            o.writeObject(p);
        }
        Files.delete(problem);
        SweepPlan copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (SweepPlan) in.readObject();
        }
        assertEquals(p.size(), copy.size());
        assertEquals(p.run(0).command(), copy.run(0).command());
        assertTrue(copy.run(0).train().result().sameNumbers(p.run(0).train().result()));
    }

    @Test
    void aRecordReadsBackToTheBit() {
        PlannedRun run = SweepPlan.suite("quick", "poisson1d", "3", null).run(0);
        RunOutcome o = run.train().result();
        RunRecordJson.Read back = RunRecordJson.read(RunRecordJson.write(run, o), "test");
        assertEquals(run.command(), back.command());
        assertTrue(back.outcome().sameNumbers(o));
        assertEquals(o.wallSeconds(), back.outcome().wallSeconds());
        assertEquals(o.stages().size(), back.outcome().stages().size());
        for (int s = 0; s < o.stages().size(); s++) {
            assertEquals(o.stages().get(s).stage().optimizer().name(), back.outcome().stages().get(s).stage().optimizer().name());
            assertEquals(java.util.Arrays.toString(o.stages().get(s).stage().gridSizes()),
                    java.util.Arrays.toString(back.outcome().stages().get(s).stage().gridSizes()));
        }
        RunOutcome other = SweepPlan.suite("quick", "poisson1d", "4", null).run(0).train().result();
        assertFalse(other.sameNumbers(o), "another seed, other numbers");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"problems\": [\"nope\"], \"families\": [{\"model\": \"mlp\", \"widths\": [4], \"iterations\": [3], \"points\": 50}]}|unknown problem 'nope'",
        "{\"problems\": [\"poisson1d\"], \"families\": [{\"model\": \"kan\", \"widths\": [4], \"k\": 0, \"grids\": [5], \"iterations\": [3], \"points\": 50}]}|families[0].k: must be >= 1, got 0",
        "{\"problems\": [\"poisson1d\"], \"families\": [{\"model\": \"kan\", \"basis\": \"wavelet\", \"widths\": [4], \"grids\": [5], \"iterations\": [3], \"points\": 50}]}|families[0].basis: unknown basis 'wavelet'",
        "{\"problems\": [\"poisson1d\"], \"families\": [{\"model\": \"kan\", \"widths\": [4], \"grids\": [5, 10], \"iterations\": [3], \"points\": 50}]}|families[0].iterations: needs one count per grid stage (2), got [3]",
        "{\"problems\": [\"poisson1d\"], \"families\": [{\"model\": \"mlp\", \"widths\": [4], \"optimizer\": \"sgd\", \"iterations\": [3], \"points\": 50}]}|families[0].optimizer: unknown optimizer 'sgd'",
        "{\"problems\": [\"poisson1d\"], \"families\": [{\"model\": \"mlp\", \"widht\": [4], \"iterations\": [3], \"points\": 50}]}|unknown key 'widht'",
        "{\"problems\": [\"poisson1d\"], \"families\": [{\"model\": \"mlp\", \"widths\": [4], \"iterations\": [3], \"points\": 50}], \"exclude\": [{\"model\": \"mlp\"}]}|exclude: excludes every run",
        "{\"problems\": [\"poisson1d\"], \"families\": [{\"model\": \"mlp\", \"widths\": [4], \"iterations\": [3], \"points\": 50, \"seeds\": [1, 1]}]}|families[0].seeds[1]: repeats seed 1",
        "{\"problems\": [\"poisson1d\"], \"families\": []|not valid JSON"})
    void aBadSpecNamesTheBadValue(String json, String expected) throws Exception {
        BadInputException e = assertThrows(BadInputException.class, () -> spec(json));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith("spec ") || e.getMessage().startsWith("--problem"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
    }

    @Test
    void aMissingSpecFileIsNamed() {
        BadInputException e = assertThrows(BadInputException.class, () -> SweepPlan.spec(dir.resolve("none.json")));
        assertTrue(e.getMessage().contains("none.json"), e.getMessage());
    }
}
