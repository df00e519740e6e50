package org.kanpde.cli.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import org.kanpde.solver.problem.Problem;

/**
 * One training run of a sweep: a problem, a {@link RunSpec}, a seed and a time limit, trained on
 * one thread. Its numbers are those of {@link #command()}, the equivalent {@code kanpde solve}.
 */
public final class PlannedRun {
    private final int index;
    private final String problemId;
    private final Problem problem;
    private final RunSpec spec;
    final long seed;
    private final double timeLimit;

    PlannedRun(int index, String problemId, Problem problem, RunSpec spec, long seed, double timeLimit) {
        this.index = index;
        this.problemId = problemId;
        this.problem = problem;
        this.spec = spec;
        this.seed = seed;
        this.timeLimit = timeLimit;
    }

    /** Position in the plan, from 0. */
    public int index() {
        return index;
    }

    /** The {@code kanpde solve} command with the same numbers (one thread). */
    public String command() {
        return spec.solveCommand(problemId, problem.dimension(), seed, 1, timeLimit);
    }

    /**
     * A name for the run's record file that depends only on what the run is (its command), so that
     * a resumed sweep finds the runs it has, whatever their order in the plan.
     */
    public String key() {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(command().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** E.g. {@code poisson2d-paper: KAN [2,5,1] k=3 G 5-10-20, lm 150+150+300, seed 1}. */
    public String label() {
        return String.format(Locale.ROOT, "%s: %s, %s, seed %d", problemId, spec.longLabel(problem.dimension()), spec.schedule(),
                seed);
    }

    /** Whether the time budget, not an iteration count, ends the run (its numbers then depend on the machine). */
    public boolean budgeted() {
        return spec.budgeted();
    }

    /** Trains the run on the calling thread. */
    public RunRecord train() {
        return record(RunOutcome.of(spec.solver(problem, seed, 1, timeLimit).solve(problem)));
    }

    /** The record of this run with the given numbers (e.g. read back from its record file). */
    public RunRecord record(RunOutcome outcome) {
        return new RunRecord("sweep", problemId, problem.dimension(), spec, seed, 1, timeLimit, outcome);
    }

    /** Fails with the builder's message if the solver cannot be built (e.g. a width that does not fit). */
    void validate() {
        spec.solver(problem, seed, 1, timeLimit);
    }
}
