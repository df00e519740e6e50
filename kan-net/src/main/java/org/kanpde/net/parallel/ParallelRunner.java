package org.kanpde.net.parallel;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs work over a range of points split into fixed-size chunks on a fixed number of threads.
 *
 * <p>Chunk boundaries depend only on the range and the chunk size, never on the thread count, so a
 * caller that writes one partial result per chunk and combines them in chunk order gets
 * bit-identical results with 1 or 16 threads. With one thread everything runs in the caller.
 * Close the runner to stop its threads (they are daemons, so a forgotten runner does not keep the
 * JVM alive).
 *
 * <p><b>Nested and concurrent calls.</b> {@link #run} may be called from inside a chunk task (a
 * solver callback that evaluates a batch, say): such a nested call runs all its chunks inline on
 * the calling thread, with that thread's worker index, so it cannot wait for pool threads that
 * are busy with the outer call. {@link #run} may also be called from several threads at once:
 * the first call uses the pool, and any call that starts while the pool is busy runs inline on
 * its own thread as worker 0. Worker indices are therefore unique among the threads of one call
 * (and of the calls nested in it), not across independent concurrent calls: per-worker scratch
 * must belong to the call (as in {@code Batch}), not be shared by calls that can run at the same
 * time. Inline calls give the same chunks, so the same results.
 */
public final class ParallelRunner implements AutoCloseable {
    private final int threads;
    private final ExecutorService pool;
    /** Whether a call is using the pool (only one at a time, so that its workers are 0 .. threads-1). */
    private final AtomicBoolean poolBusy = new AtomicBoolean();
    /** Per thread: the worker index while the thread runs chunks of this runner, -1 otherwise. */
    private final ThreadLocal<int[]> currentWorker = ThreadLocal.withInitial(() -> new int[] {-1});

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

    /**
     * Number of chunks a range of n points splits into, ceil(n / chunkSize).
     *
     * @throws IllegalArgumentException if n &lt; 0 or chunkSize &lt; 1
     */
    public static int chunkCount(int n, int chunkSize) {
        checkRange(n, chunkSize);
        // not (n + chunkSize - 1) / chunkSize, which overflows for n near Integer.MAX_VALUE
        return n / chunkSize + (n % chunkSize == 0 ? 0 : 1);
    }

    private static void checkRange(int n, int chunkSize) {
        if (n < 0 || chunkSize < 1) {
            throw new IllegalArgumentException("need n >= 0 and chunk size >= 1, got n = " + n + ", chunk size = " + chunkSize);
        }
    }

    /**
     * Runs {@code task} on every chunk of [0, n) and returns when all are done. Workers take chunks
     * in order from a shared counter; the caller's thread is worker 0 (see the class comment for
     * nested and concurrent calls, which run inline).
     *
     * <p>{@code run} never returns or throws while one of its chunks is still running. When a chunk
     * throws, or the calling thread is interrupted, no further chunks are handed out; the chunks
     * already running finish (waiting for them ignores interrupts), and then the exception is
     * thrown. An interrupt leaves the thread's interrupt flag set.
     *
     * @throws IllegalArgumentException if n &lt; 0 or chunkSize &lt; 1
     * @throws IllegalStateException    if the calling thread was interrupted before every chunk was
     *                                  handed out (the flag stays set; some chunks did not run)
     * @throws RuntimeException         the first exception a chunk threw (others are suppressed);
     *                                  an {@link Error} is rethrown as it is
     */
    public void run(int n, int chunkSize, ChunkTask task) {
        int chunks = chunkCount(n, chunkSize);
        if (chunks == 0) {
            return;
        }
        int[] slot = currentWorker.get();
        if (slot[0] >= 0) {
            // nested in one of our chunks: the pool may be busy with the outer call, whose helpers
            // would then never start; this thread does the work under its own worker index
            runInline(n, chunkSize, chunks, task, slot[0], slot);
            return;
        }
        if (pool == null || chunks == 1 || !poolBusy.compareAndSet(false, true)) {
            runInline(n, chunkSize, chunks, task, 0, slot);
            return;
        }
        try {
            runParallel(n, chunkSize, chunks, task, slot);
        } finally {
            poolBusy.set(false);
        }
    }

    private void runInline(int n, int chunkSize, int chunks, ChunkTask task, int worker, int[] slot) {
        AtomicInteger next = new AtomicInteger();
        drain(next, chunks, n, chunkSize, task, worker, slot, true);
        if (next.get() < chunks) {
            throw interrupted(chunks - next.get(), chunks);
        }
    }

    private void runParallel(int n, int chunkSize, int chunks, ChunkTask task, int[] callerSlot) {
        Call call = new Call(chunks);
        AtomicInteger next = call.next;
        int helpers = Math.min(threads - 1, chunks - 1);
        for (int w = 1; w <= helpers; w++) {
            int worker = w;
            try {
                pool.execute(() -> {
                    if (!call.enter()) {
                        return;
                    }
                    try {
                        drain(next, chunks, n, chunkSize, task, worker, currentWorker.get(), false);
                    } catch (Throwable t) {
                        // stop handing out chunks: the call fails anyway
                        next.set(chunks);
                        call.fail(t);
                    } finally {
                        call.exit();
                    }
                });
            } catch (RejectedExecutionException e) {
                // closed runner: the caller does the remaining work alone
                break;
            }
        }
        try {
            drain(next, chunks, n, chunkSize, task, 0, callerSlot, true);
        } catch (Throwable t) {
            next.set(chunks);
            call.fail(t);
        }
        // a stop on interrupt leaves the counter below chunks: take back what was not handed out
        int skipped = Math.max(0, chunks - next.getAndSet(chunks));
        // helpers still write into the caller's arrays: wait for every one that started
        if (call.sealAndAwait()) {
            Thread.currentThread().interrupt();
        }
        skipped += call.skipped();
        Throwable failure = call.failure();
        if (failure == null && skipped > 0) {
            failure = interrupted(skipped, chunks);
        }
        if (failure instanceof RuntimeException) {
            throw (RuntimeException) failure;
        }
        if (failure instanceof Error) {
            throw (Error) failure;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    /**
     * The state of one pooled call: the chunk counter, the helpers running, the failures. Helpers
     * that start after the caller has stopped waiting ({@link #sealAndAwait}) do nothing, so a
     * helper still queued (or dropped by a closed pool) is never waited for.
     */
    private static final class Call {
        final AtomicInteger next = new AtomicInteger();
        private final int chunks;
        private int running;
        private int skipped;
        private boolean sealed;
        private Throwable failure;

        Call(int chunks) {
            this.chunks = chunks;
        }

        synchronized boolean enter() {
            if (sealed) {
                return false;
            }
            running++;
            return true;
        }

        synchronized void exit() {
            running--;
            if (running == 0) {
                notifyAll();
            }
        }

        /** Records a chunk's exception: the first one is thrown, later ones are suppressed in it. */
        synchronized void fail(Throwable t) {
            if (failure == null) {
                failure = t;
            } else if (t != failure) {
                failure.addSuppressed(t);
            }
        }

        synchronized Throwable failure() {
            return failure;
        }

        /** Chunks never handed out because the caller was interrupted while waiting. */
        synchronized int skipped() {
            return skipped;
        }

        /** Lets no more helpers start and waits, ignoring interrupts, for those running; true if interrupted meanwhile. */
        synchronized boolean sealAndAwait() {
            sealed = true;
            boolean interrupted = false;
            while (running > 0) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    // hand out nothing more, but keep waiting
                    interrupted = true;
                    skipped += Math.max(0, chunks - next.getAndSet(chunks));
                }
            }
            return interrupted;
        }
    }

    private static IllegalStateException interrupted(int skipped, int chunks) {
        return new IllegalStateException("interrupted: " + skipped + " of " + chunks + " chunks did not run");
    }

    /**
     * Runs chunks from the shared counter until none are left. The worker index is recorded in the
     * thread's slot while chunks run, so that nested calls find it.
     *
     * @param checkInterrupt whether to stop (without claiming a chunk) once this thread is interrupted
     */
    private static void drain(AtomicInteger next, int chunks, int n, int chunkSize, ChunkTask task, int worker,
                              int[] slot, boolean checkInterrupt) {
        int saved = slot[0];
        slot[0] = worker;
        try {
            while (!(checkInterrupt && Thread.currentThread().isInterrupted())) {
                int c = next.getAndIncrement();
                // c < 0: the counter wrapped past Integer.MAX_VALUE, long after the last chunk
                if (c < 0 || c >= chunks) {
                    return;
                }
                int start = c * chunkSize;
                task.run(c, start, start + Math.min(chunkSize, n - start), worker);
            }
        } finally {
            slot[0] = saved;
        }
    }

    /**
     * Stops the pool threads (interrupting running chunks). A call still running finishes on the
     * threads it has; later calls run on the caller's thread alone.
     */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
