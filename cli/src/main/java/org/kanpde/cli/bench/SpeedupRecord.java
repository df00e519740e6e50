package org.kanpde.cli.bench;

import java.util.Arrays;

import org.kanpde.solver.train.TrainingResult;

/**
 * One training run repeated on one thread and on several, same seed.
 *
 * @param one  the run on one thread
 * @param many the run on several threads
 */
record SpeedupRecord(RunRecord one, RunRecord many) {

    /** Whether both runs produced bit-identical parameters, loss, error and iteration counts. */
    boolean identical() {
        TrainingResult a = one.result();
        TrainingResult b = many.result();
        return a.iterations() == b.iterations()
                && Double.doubleToLongBits(a.loss()) == Double.doubleToLongBits(b.loss())
                && Double.doubleToLongBits(one.relL2()) == Double.doubleToLongBits(many.relL2())
                && Arrays.equals(a.solution().function().parameters(), b.solution().function().parameters());
    }

    /** Wall time on one thread over wall time on several. */
    double speedup() {
        return one.result().wallSeconds() / many.result().wallSeconds();
    }
}
