package org.kanpde.cli;

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

    private final AtomicBoolean stop = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean armed;

    /** Installs the shutdown hook, armed: it waits up to 30 s for {@link #close()}. */
    public Interrupts() {
        this(true);
    }

    private Interrupts(boolean armed) {
        this.armed = armed;
        hook = new Thread(this::stopAndWait, "kanpde-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Installs a hook that waits for results only once {@link #arm()} was called. */
    static Interrupts untilTrainingStarts() {
        return new Interrupts(false);
    }

    private void stopAndWait() {
        stop.set(true);
        long start = System.nanoTime();
        try {
            while (true) {
                // re-read armed: a stage that starts during the grace period still gets its results written
                long limit = TimeUnit.SECONDS.toNanos(armed ? ARMED_WAIT_SECONDS : UNARMED_GRACE_SECONDS);
                long left = start + limit - System.nanoTime();
                if (left <= 0) {
                    System.err.println(armed ? "kanpde: interrupted; gave up waiting for the results to be written after "
                            + ARMED_WAIT_SECONDS + " s" : "kanpde: interrupted before training started; nothing to write");
                    return;
                }
                if (done.await(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)), TimeUnit.NANOSECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** From now on a stop waits for the results (training has started and polls the flag). */
    void arm() {
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
