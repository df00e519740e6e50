package org.kanpde.cli.console;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns Ctrl-C into a clean stop: a shutdown hook raises the stop flag that training listeners
 * read, then waits (up to 30 s) for the command to finish writing its results.
 *
 * <p>The wait only makes sense once there are results to write. An instance made by
 * {@link #untilTrainingStarts()} is not armed at first: until {@link #arm()} is called (when the
 * first training stage starts) the hook waits at most {@link #UNARMED_GRACE_SECONDS} and then lets
 * the process end, so that Ctrl-C during loading or sampling, which read no stop flag, does not
 * hang for 30 s.
 */
public final class Interrupts implements AutoCloseable {
    /** Longest wait for the command to write its results after Ctrl-C. */
    static final long ARMED_WAIT_SECONDS = 30;
    /** Longest wait before anything is worth writing. */
    static final long UNARMED_GRACE_SECONDS = 1;

    /** How often the hook re-reads whether it is armed while it waits. */
    static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /**
     * The time the hook waits by: the system's in production; tests pass one they advance by hand so
     * that no test sleeps.
     */
    interface Clock {
        /** The system clock: {@link System#nanoTime()} and a timed wait on the latch. */
        Clock SYSTEM = new Clock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public boolean await(CountDownLatch latch, long nanos) throws InterruptedException {
                return latch.await(nanos, TimeUnit.NANOSECONDS);
            }
        };

        /** Now, in nanoseconds from an arbitrary origin. */
        long nanoTime();

        /** Waits at most {@code nanos} for the latch to reach zero; true if it did. */
        boolean await(CountDownLatch latch, long nanos) throws InterruptedException;
    }

    private final AtomicBoolean stop = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);
    private final Clock clock;
    private final PrintStream err;
    private final Thread hook;
    private volatile boolean armed;

    /** Installs the shutdown hook, armed: it waits up to 30 s for {@link #close()}. */
    public Interrupts() {
        this(true, Clock.SYSTEM, System.err);
    }

    /**
     * @param armed whether the hook waits for results from the start
     * @param clock the time the hook waits by
     * @param err   where the hook says why it stopped waiting
     */
    Interrupts(boolean armed, Clock clock, PrintStream err) {
        this.armed = armed;
        this.clock = clock;
        this.err = err;
        hook = new Thread(this::stopAndWait, "kanpde-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Installs a hook that waits for results only once {@link #arm()} was called. */
    public static Interrupts untilTrainingStarts() {
        return new Interrupts(false, Clock.SYSTEM, System.err);
    }

    /** What the shutdown hook runs: raises the flag, then waits for {@link #close()} as long as allowed. */
    void stopAndWait() {
        stop.set(true);
        long start = clock.nanoTime();
        try {
            while (true) {
                // re-read armed: a stage that starts during the grace period still gets its results written
                long limit = TimeUnit.SECONDS.toNanos(armed ? ARMED_WAIT_SECONDS : UNARMED_GRACE_SECONDS);
                long left = start + limit - clock.nanoTime();
                if (left <= 0) {
                    err.println(armed ? "kanpde: interrupted; gave up waiting for the results to be written after "
                            + ARMED_WAIT_SECONDS + " s" : "kanpde: interrupted before training started; nothing to write");
                    return;
                }
                if (clock.await(done, Math.min(left, POLL_NANOS))) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** From now on a stop waits for the results (training has started and polls the flag). */
    public void arm() {
        armed = true;
    }

    /** The flag training listeners read. */
    public AtomicBoolean flag() {
        return stop;
    }

    /** Whether a stop was requested. */
    public boolean requested() {
        return stop.get();
    }

    @Override
    public void close() {
        done.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down because of the interrupt: the hook is running
        }
    }
}
