package org.kanpde.cli.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.kanpde.problems.ProblemCatalog;
import org.kanpde.solver.train.Stage;
import org.kanpde.solver.train.TrainingResult;
import org.kanpde.solver.train.Training;
import org.kanpde.solver.optim.LevenbergMarquardt;
import org.kanpde.solver.Runs;

/**
 * Ctrl-C: the shutdown hook waits for results only once there are any, and retraining stops too.
 * The hook's time is a clock the test advances by hand: nothing here sleeps.
 */
class InterruptsTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    /**
     * A clock that only moves when the hook waits: a wait takes the whole time asked for, unless the
     * latch is already down or a scheduled event (run when its time comes) brings it down.
     */
    private static final class ManualClock implements Interrupts.Clock {
        private final TreeMap<Long, Runnable> events = new TreeMap<>();
        long now;
        int waits;

        ManualClock at(double seconds, Runnable event) {
            events.put(Math.round(seconds * SECOND), event);
            return this;
        }

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public boolean await(CountDownLatch latch, long nanos) {
            waits++;
            long until = now + nanos;
            while (latch.getCount() > 0 && !events.isEmpty() && events.firstKey() <= until) {
                Map.Entry<Long, Runnable> next = events.pollFirstEntry();
                now = next.getKey();
                next.getValue().run();
            }
            if (latch.getCount() == 0) {
                return true;
            }
            now = until;
            return false;
        }
    }

    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void beforeTrainingStartsTheHookWaitsOnlyTheGracePeriod() {
        ManualClock clock = new ManualClock();
        try (Interrupts interrupts = new Interrupts(false, clock, err)) {
            interrupts.stopAndWait();
            assertTrue(interrupts.requested());
            assertEquals(Interrupts.UNARMED_GRACE_SECONDS * SECOND, clock.now);
            assertEquals(Interrupts.UNARMED_GRACE_SECONDS * SECOND / Interrupts.POLL_NANOS, clock.waits, "polls of 100 ms");
            assertEquals("kanpde: interrupted before training started; nothing to write", err().strip());
        }
    }

    @Test
    void onceTrainingStartsTheHookWaitsForTheResults() {
        ManualClock clock = new ManualClock();
        try (Interrupts interrupts = new Interrupts(false, clock, err)) {
            // the first stage arms the hook (ConsoleProgress does it in a real run), and the results
            // are written 2 s after Ctrl-C
            interrupts.arm();
            clock.at(Interrupts.UNARMED_GRACE_SECONDS + 1, interrupts::close);
            interrupts.stopAndWait();
            // past the grace period of an unarmed hook, and not a moment longer than the writing took
            assertEquals((Interrupts.UNARMED_GRACE_SECONDS + 1) * SECOND, clock.now);
            assertEquals("", err());
        }
    }

    @Test
    void aStageThatStartsDuringTheGracePeriodGetsItsResultsWritten() {
        ManualClock clock = new ManualClock();
        try (Interrupts interrupts = new Interrupts(false, clock, err)) {
            clock.at(0.5, interrupts::arm).at(5, interrupts::close);
            interrupts.stopAndWait();
            assertEquals(5 * SECOND, clock.now);
            assertEquals("", err());
        }
    }

    @Test
    void anArmedHookGivesUpAfterItsLongestWait() {
        ManualClock clock = new ManualClock();
        try (Interrupts interrupts = new Interrupts(true, clock, err)) {
            interrupts.stopAndWait();
            assertEquals(Interrupts.ARMED_WAIT_SECONDS * SECOND, clock.now);
            assertEquals("kanpde: interrupted; gave up waiting for the results to be written after "
                    + Interrupts.ARMED_WAIT_SECONDS + " s", err().strip());
        }
    }

    @Test
    void aHookAfterCloseReturnsAtOnce() {
        ManualClock clock = new ManualClock();
        Interrupts interrupts = new Interrupts(true, clock, err);
        interrupts.close();
        interrupts.stopAndWait();
        assertEquals(0, clock.now);
        assertEquals(1, clock.waits);
        assertEquals("", err());
    }
}
