package org.kanpde.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.kanpde.solver.optim.LevenbergMarquardt;
import org.kanpde.solver.train.HistoryEntry;
import org.kanpde.solver.train.Stage;

/** Progress lines at most every two seconds of the injected clock, and the stop flag read at every iteration. */
class ConsoleProgressTest {
    private static final long MILLISECOND = 1_000_000L;

    private final StringWriter text = new StringWriter();
    private final AtomicLong now = new AtomicLong();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final ConsoleProgress progress = new ConsoleProgress(new PrintWriter(text), "> ", false, stop, null, 2, now::get);

    private List<String> lines() {
        return text.toString().lines().toList();
    }

    /** Iteration {@code i} reported at {@code millis} after the stage started. */
    private boolean iterationAt(long millis, int i) {
        now.set(millis * MILLISECOND);
        return progress.iteration(new HistoryEntry(0, i, millis / 1000.0, 0.5 / i, i % 2 == 0 ? 1e-3 / i : Double.NaN, 7));
    }

    @Test
    void aProgressLineAtMostEveryTwoSeconds() {
        progress.stageStarted(0, Stage.of(new LevenbergMarquardt()), "KAN", 7);
        assertEquals(1, lines().size());
        assertTrue(lines().get(0).startsWith("> stage 1/2: "), lines().get(0));
        assertTrue(iterationAt(1_000, 1));
        assertTrue(iterationAt(2_000, 2));
        assertEquals(1, lines().size(), "exactly 2 s after the stage line is not yet more than 2 s");
        assertTrue(iterationAt(2_001, 3));
        assertEquals(2, lines().size());
        // the last measured error (iteration 2) stands in for iteration 3, which was not measured
        assertEquals(">   iteration     3  loss 1.667e-01  rel. L2 5.000e-04     2.0 s", lines().get(1));
        assertTrue(iterationAt(4_000, 4));
        assertEquals(2, lines().size(), "1999 ms after the last line");
        assertTrue(iterationAt(4_002, 5));
        assertEquals(3, lines().size());
        assertEquals(">   iteration     5  loss 1.000e-01  rel. L2 2.500e-04     4.0 s", lines().get(2));
    }

    @Test
    void aRaisedStopFlagEndsTheNextIteration() {
        progress.stageStarted(0, Stage.of(new LevenbergMarquardt()), "KAN", 7);
        assertTrue(iterationAt(10, 1));
        stop.set(true);
        assertFalse(iterationAt(20, 2));
    }

    @Test
    void quietProgressPrintsNothing() {
        ConsoleProgress quiet = new ConsoleProgress(new PrintWriter(text), "", true, stop, null, 1, now::get);
        quiet.stageStarted(0, Stage.of(new LevenbergMarquardt()), "KAN", 7);
        now.set(10_000 * MILLISECOND);
        assertTrue(quiet.iteration(new HistoryEntry(0, 1, 10, 1, 1, 7)));
        quiet.message("hello");
        assertEquals("", text.toString());
    }
}
