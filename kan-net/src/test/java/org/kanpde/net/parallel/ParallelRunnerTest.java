package org.kanpde.net.parallel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.kanpde.net.Batch;
import org.kanpde.net.Derivatives;
import org.kanpde.net.Evaluator;
import org.kanpde.net.kan.Kan;

class ParallelRunnerTest {

    @Test
    void everyPointOnceAndChunkSumsIndependentOfThreads() {
        int n = 10_007;
        double[] x = new SplittableRandom(1).doubles(n).toArray();
        double[] reference = null;
        for (int threads : new int[] {1, 2, 3, 8}) {
            try (ParallelRunner runner = new ParallelRunner(threads)) {
                int chunk = 100;
                double[] partial = new double[ParallelRunner.chunkCount(n, chunk)];
                int[] visits = new int[n];
                runner.run(n, chunk, (c, start, end, worker) -> {
                    assertTrue(worker >= 0 && worker < threads);
                    double sum = 0;
                    for (int t = start; t < end; t++) {
                        sum += Math.sin(x[t]);
                        visits[t]++;
                    }
                    partial[c] = sum;
                });
                for (int v : visits) {
                    assertEquals(1, v);
                }
                if (reference == null) {
                    reference = partial;
                } else {
                    assertArrayEquals(reference, partial);
                }
            }
        }
    }

    @Test
    void exceptionsReachTheCaller() {
        try (ParallelRunner runner = new ParallelRunner(2)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> runner.run(1000, 10, (c, s, e2, w) -> {
                if (c == 57) {
                    throw new IllegalStateException("chunk 57 failed");
                }
            }));
            assertEquals("chunk 57 failed", e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new ParallelRunner(0));
    }

    @Test
    void nestedCallsCompleteOnTheCallingWorker() {
        // each outer chunk runs on its own thread (they wait for each other) and calls run again:
        // a nested call that queued helpers behind the busy pool thread would never finish
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (ParallelRunner runner = new ParallelRunner(2)) {
                CountDownLatch bothRunning = new CountDownLatch(2);
                double[][] inner = new double[2][];
                AtomicReference<String> wrongWorker = new AtomicReference<>();
                runner.run(2, 1, (c, s, e, outerWorker) -> {
                    bothRunning.countDown();
                    await(bothRunning);
                    double[] partial = new double[ParallelRunner.chunkCount(1000, 100)];
                    runner.run(1000, 100, (c2, s2, e2, w2) -> {
                        if (w2 != outerWorker) {
                            wrongWorker.set("nested chunk " + c2 + " ran as worker " + w2 + " inside worker " + outerWorker);
                        }
                        double sum = 0;
                        for (int t = s2; t < e2; t++) {
                            sum += Math.sqrt(t);
                        }
                        partial[c2] = sum;
                    });
                    inner[c] = partial;
                });
                assertNull(wrongWorker.get());
                double last = 0;
                for (int t = 900; t < 1000; t++) {
                    last += Math.sqrt(t);
                }
                assertEquals(last, inner[0][9]);
                assertArrayEquals(inner[0], inner[1]);
            }
        });
    }

    @Test
    void anInterruptStopsTheHandOutAndRunWaitsForTheHelpers() {
        try (ParallelRunner runner = new ParallelRunner(2)) {
            int chunks = 40;
            Thread caller = Thread.currentThread();
            CountDownLatch helperStarted = new CountDownLatch(1);
            AtomicBoolean callerLeft = new AtomicBoolean();
            AtomicInteger started = new AtomicInteger();
            AtomicInteger helpersRunning = new AtomicInteger();
            AtomicInteger helpersDone = new AtomicInteger();
            AtomicInteger runningAtThrow = new AtomicInteger(-1);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
                try {
                    runner.run(chunks, 1, (c, s, end, worker) -> {
                        started.incrementAndGet();
                        if (worker != 0) {
                            helpersRunning.incrementAndGet();
                            helperStarted.countDown();
                            // still running while the interrupted caller waits for its helpers; a
                            // runner that did not wait would leave run with this chunk unfinished
                            awaitWaiting(caller, callerLeft);
                            helpersDone.incrementAndGet();
                            helpersRunning.decrementAndGet();
                        } else {
                            await(helperStarted);
                            Thread.currentThread().interrupt();
                        }
                    });
                } finally {
                    runningAtThrow.set(helpersRunning.get());
                    callerLeft.set(true);
                }
            });
            assertTrue(Thread.interrupted(), "the interrupt flag stays set");
            assertEquals(0, runningAtThrow.get(), "run threw while a helper chunk was still running");
            assertEquals(1, helpersDone.get());
            assertEquals(2, started.get(), "chunks kept being handed out after the interrupt");
            assertEquals("interrupted: 38 of 40 chunks did not run", e.getMessage());
        }
        // one thread: the same contract
        try (ParallelRunner runner = new ParallelRunner(1)) {
            AtomicInteger count = new AtomicInteger();
            Thread.currentThread().interrupt();
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> runner.run(10, 1, (c, s, end, w) -> count.incrementAndGet()));
            assertTrue(Thread.interrupted());
            assertEquals(0, count.get());
            assertEquals("interrupted: 10 of 10 chunks did not run", e.getMessage());
        }
    }

    @Test
    void aFailingHelperStopsTheHandOut() {
        try (ParallelRunner runner = new ParallelRunner(2)) {
            int chunks = 100;
            CountDownLatch failed = new CountDownLatch(1);
            AtomicReference<Thread> helper = new AtomicReference<>();
            AtomicInteger started = new AtomicInteger();
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> runner.run(chunks, 1, (c, s, end, worker) -> {
                started.incrementAndGet();
                if (worker != 0) {
                    helper.set(Thread.currentThread());
                    failed.countDown();
                    throw new IllegalStateException("helper failed in chunk " + c);
                }
                // the caller's first chunk lasts until the failed helper is back in the pool,
                // idle: by then the runner has stopped handing out chunks
                await(failed);
                awaitWaiting(helper.get(), new AtomicBoolean());
            }));
            assertTrue(e.getMessage().startsWith("helper failed in chunk "), e.getMessage());
            // the helper's chunk, and the caller's if it claimed one before the failure: no more
            assertTrue(started.get() <= 2, started.get() + " chunks ran although a helper had failed");
        }
    }

    @Test
    void concurrentCallsFromTwoThreadsGiveTheSerialResults() throws Exception {
        int n = 10_007;
        int chunk = 100;
        double[] x = new SplittableRandom(5).doubles(n).toArray();
        ChunkSums reference = new ChunkSums(x, ParallelRunner.chunkCount(n, chunk), 1);
        try (ParallelRunner one = new ParallelRunner(1)) {
            one.run(n, chunk, reference);
        }
        try (ParallelRunner runner = new ParallelRunner(3)) {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread[] callers = new Thread[2];
            for (int c = 0; c < callers.length; c++) {
                callers[c] = new Thread(() -> {
                    try {
                        for (int rep = 0; rep < 20; rep++) {
                            ChunkSums sums = new ChunkSums(x, reference.partial.length, runner.threads());
                            runner.run(n, chunk, sums);
                            assertArrayEquals(reference.partial, sums.partial);
                        }
                    } catch (Throwable t) {
                        failure.compareAndSet(null, t);
                    }
                });
                callers[c].start();
            }
            for (Thread t : callers) {
                t.join(TimeUnit.SECONDS.toMillis(30));
                assertFalse(t.isAlive(), "a concurrent call did not finish");
            }
            assertNull(failure.get());
        }
    }

    @Test
    void chunkCountsDoNotOverflowAndAClosedRunnerStillRuns() {
        assertEquals(1_073_741_824, ParallelRunner.chunkCount(Integer.MAX_VALUE, 2));
        assertEquals(Integer.MAX_VALUE, ParallelRunner.chunkCount(Integer.MAX_VALUE, 1));
        assertEquals(0, ParallelRunner.chunkCount(0, 7));
        assertEquals(3, ParallelRunner.chunkCount(7, 3));
        assertThrows(IllegalArgumentException.class, () -> ParallelRunner.chunkCount(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> ParallelRunner.chunkCount(1, 0));
        ParallelRunner runner = new ParallelRunner(2);
        runner.close();
        int[] visits = new int[50];
        runner.run(50, 3, (c, s, e, w) -> {
            for (int t = s; t < e; t++) {
                visits[t]++;
            }
        });
        for (int v : visits) {
            assertEquals(1, v);
        }
    }

    /** Per-chunk sums of sin(x), checking the worker index. */
    private static final class ChunkSums implements ChunkTask {
        final double[] x;
        final double[] partial;
        final int threads;

        ChunkSums(double[] x, int chunks, int threads) {
            this.x = x;
            this.partial = new double[chunks];
            this.threads = threads;
        }

        @Override
        public void run(int chunk, int start, int end, int worker) {
            if (worker < 0 || worker >= threads) {
                throw new IllegalStateException("worker " + worker + " out of range for " + threads + " threads");
            }
            double sum = 0;
            for (int t = start; t < end; t++) {
                sum += Math.sin(x[t]);
            }
            partial[chunk] = sum;
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out waiting for another chunk");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Spins until {@code t} waits without a timeout (in {@code Object.wait} or parked: an idle pool
     * thread, a caller waiting for its helpers) or {@code stop} is set. A state, not a clock, ends
     * the wait; the 10 s bound only turns a hang into a failure.
     */
    private static void awaitWaiting(Thread t, AtomicBoolean stop) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (t.getState() != Thread.State.WAITING && !stop.get()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("thread " + t.getName() + " never waited, state " + t.getState());
            }
            Thread.onSpinWait();
        }
    }

    @Test
    void batchEvaluationMatchesPointByPointEvaluation() {
        Kan kan = Kan.builder().widths(2, 4, 1).seed(2).build();
        double[] points = new SplittableRandom(3).doubles(2 * 1000, -1, 1).toArray();
        try (ParallelRunner runner = new ParallelRunner(2)) {
            double[][] batch = Batch.evaluate(kan, points, Derivatives.HESSIAN_DIAGONAL, runner);
            double[] values = Batch.values(kan, points, runner);
            Evaluator ev = kan.evaluator(Derivatives.HESSIAN_DIAGONAL);
            for (int t = 0; t < 1000; t++) {
                var jet = ev.forward(points, 2 * t);
                assertEquals(jet.value(), batch[t][0]);
                assertEquals(jet.value(), values[t]);
                assertEquals(jet.gradient(1), batch[t][2]);
                assertEquals(jet.secondDiagonal(1), batch[t][4]);
            }
        }
    }
}
