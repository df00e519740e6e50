package org.kanpde.cli.bench;

import java.util.Arrays;

import org.kanpde.solver.train.TrainingResult;

/**
 * One training run repeated on one thread and on several, same seed.
 *
 * @param one       the run on one thread
 * @param many      the run on several threads
 * @param identical whether both runs produced bit-identical parameters, loss, error and iteration counts
 */
record SpeedupRecord(RunRecord one, RunRecord many, boolean identical) {

    /** The pair of runs, compared by their trainers' results {@code a} (one thread) and {@code b}. */
    static SpeedupRecord of(RunRecord one, TrainingResult a, RunRecord many, TrainingResult b) {
        boolean same = a.iterations() == b.iterations()
                && Double.doubleToLongBits(a.loss()) == Double.doubleToLongBits(b.loss())
                && Double.doubleToLongBits(one.relL2()) == Double.doubleToLongBits(many.relL2())
                && Arrays.equals(a.solution().function().parameters(), b.solution().function().parameters());
        return new SpeedupRecord(one, many, same);
    }

    /** Wall time on one thread over wall time on several. */
    double speedup() {
        return one.result().wallSeconds() / many.result().wallSeconds();
    }
}
