package org.kanpde.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns Ctrl-C into a clean stop: a shutdown hook raises the stop flag that training listeners
 * read, then waits (up to 30 s) for the command to finish writing its results.
 */
public final class Interrupts implements AutoCloseable {
    private final AtomicBoolean stop = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook;

    /** Installs the shutdown hook. */
    public Interrupts() {
        hook = new Thread(() -> {
            stop.set(true);
            try {
                done.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "kanpde-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
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
