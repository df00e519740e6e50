package org.kanpde.solver.train;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * How a training run executes, none of which changes its numbers: worker threads (results are
 * bit-identical for any number), a total wall-time limit, checkpoints, and the clock that measures
 * time. Immutable; {@code withX} methods return modified copies.
 *
 * <p>Defaults: all available processors, no time limit, no checkpoints, the JVM's monotonic clock.
 * A run that hits its time limit says so; its numbers then depend on the machine, which is why
 * schedules count iterations.
 */
public final class Execution {
    private static final Execution DEFAULTS = new Execution(Runtime.getRuntime().availableProcessors(),
            Double.POSITIVE_INFINITY, null, 0, System::nanoTime);

    private final int threads;
    private final double timeLimit;
    private final Path checkpointFile;
    private final int checkpointEvery;
    private final LongSupplier clock;

    private Execution(int threads, double timeLimit, Path checkpointFile, int checkpointEvery, LongSupplier clock) {
        this.threads = threads;
        this.timeLimit = timeLimit;
        this.checkpointFile = checkpointFile;
        this.checkpointEvery = checkpointEvery;
        this.clock = clock;
    }

    /** The defaults listed in the class comment. */
    public static Execution defaults() {
        return DEFAULTS;
    }

    /** Worker threads (&gt;= 1). */
    public Execution withThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + n);
        }
        return new Execution(n, timeLimit, checkpointFile, checkpointEvery, clock);
    }

    /**
     * Total wall-time limit over all stages (&gt; 0, may be infinite). A stage stops when the time
     * left is what the later stages are guaranteed: half of their weights' share of the limit
     * (see {@link Stage#withWeight}).
     */
    public Execution withTimeLimit(double seconds) {
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("time limit must be > 0 seconds, got " + seconds);
        }
        return new Execution(threads, seconds, checkpointFile, checkpointEvery, clock);
    }

    /**
     * Writes a checkpoint to {@code file} (atomically) every {@code iterations} iterations and at
     * the end of every stage; resume with {@link TrainingSession#resume}.
     */
    public Execution withCheckpoint(Path file, int iterations) {
        if (file == null) {
            throw new IllegalArgumentException("checkpoint file must not be null");
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("checkpoint interval must be >= 1 iteration, got " + iterations);
        }
        return new Execution(threads, timeLimit, file, iterations, clock);
    }

    /** Writes no checkpoints (the default). */
    public Execution withoutCheckpoint() {
        return new Execution(threads, timeLimit, null, 0, clock);
    }

    /**
     * Measures time with {@code nanos}, a monotonic clock in nanoseconds (default
     * {@link System#nanoTime}): a host can give its own, and tests a manual one.
     */
    public Execution withClock(LongSupplier nanos) {
        return new Execution(threads, timeLimit, checkpointFile, checkpointEvery, Objects.requireNonNull(nanos, "clock"));
    }

    /** Worker threads. */
    public int threads() {
        return threads;
    }

    /** Total wall-time limit in seconds (infinite: none). */
    public double timeLimit() {
        return timeLimit;
    }

    /** File that checkpoints are written to, or null. */
    public Path checkpointFile() {
        return checkpointFile;
    }

    /** Checkpoint interval in iterations (0: never). */
    public int checkpointEvery() {
        return checkpointEvery;
    }

    /** The clock, in nanoseconds. */
    public LongSupplier clock() {
        return clock;
    }

    @Override
    public String toString() {
        return "Execution[threads=" + threads + ", timeLimit=" + timeLimit
                + (checkpointFile == null ? "" : ", checkpoint every " + checkpointEvery + " to " + checkpointFile) + "]";
    }
}
