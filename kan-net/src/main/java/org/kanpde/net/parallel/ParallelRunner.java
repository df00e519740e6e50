package org.kanpde.net.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs work over a range of points split into fixed-size chunks on a fixed number of threads.
 *
 * <p>Chunk boundaries depend only on the range and the chunk size, never on the thread count, so a
 * caller that writes one partial result per chunk and combines them in chunk order gets
 * bit-identical results with 1 or 16 threads. With one thread everything runs in the caller.
 * Close the runner to stop its threads (they are daemons, so a forgotten runner does not keep the
 * JVM alive).
 */
public final class ParallelRunner implements AutoCloseable {
    private final int threads;
    private final ExecutorService pool;

    /**
     * @param threads number of threads &gt;= 1
     * @throws IllegalArgumentException if threads &lt; 1
     */
    public ParallelRunner(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be >= 1, got " + threads);
        }
        this.threads = threads;
        AtomicInteger count = new AtomicInteger();
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "kanpde-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** A runner with one thread per available processor. */
    public static ParallelRunner forAvailableProcessors() {
        return new ParallelRunner(Runtime.getRuntime().availableProcessors());
    }

    /** Number of threads (workers). */
    public int threads() {
        return threads;
    }

    /** Number of chunks a range of n points splits into. */
    public static int chunkCount(int n, int chunkSize) {
        return (n + chunkSize - 1) / chunkSize;
    }

    /**
     * Runs {@code task} on every chunk of [0, n) and returns when all are done. Workers take chunks
     * in order from a shared counter; the caller's thread is worker 0.
     *
     * @throws IllegalArgumentException if n &lt; 0 or chunkSize &lt; 1
     * @throws RuntimeException         the first exception a chunk threw (others are suppressed)
     */
    public void run(int n, int chunkSize, ChunkTask task) {
        if (n < 0 || chunkSize < 1) {
            throw new IllegalArgumentException("need n >= 0 and chunk size >= 1, got n = " + n + ", chunk size = " + chunkSize);
        }
        int chunks = chunkCount(n, chunkSize);
        AtomicInteger next = new AtomicInteger();
        if (pool == null || chunks <= 1) {
            drain(next, chunks, n, chunkSize, task, 0);
            return;
        }
        int helpers = Math.min(threads - 1, chunks - 1);
        List<Future<?>> futures = new ArrayList<>(helpers);
        for (int w = 1; w <= helpers; w++) {
            int worker = w;
            futures.add(pool.submit(() -> drain(next, chunks, n, chunkSize, task, worker)));
        }
        RuntimeException failure = null;
        try {
            drain(next, chunks, n, chunkSize, task, 0);
        } catch (RuntimeException e) {
            failure = e;
            next.set(chunks);
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause()
                        : new IllegalStateException(e.getCause());
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (failure == null) {
                    failure = new IllegalStateException("interrupted while waiting for workers", e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static void drain(AtomicInteger next, int chunks, int n, int chunkSize, ChunkTask task, int worker) {
        for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
            int start = c * chunkSize;
            task.run(c, start, Math.min(n, start + chunkSize), worker);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
