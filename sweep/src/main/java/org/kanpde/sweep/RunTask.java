package org.kanpde.sweep;

import java.io.Serializable;

import org.apache.spark.TaskContext;
import org.kanpde.cli.bench.PlannedRun;
import org.kanpde.cli.bench.RunRecordJson;
import org.kanpde.cli.bench.SweepPlan;

import scala.collection.Iterator;
import scala.runtime.AbstractFunction2;

/**
 * The Spark task of one training run: its partition holds one plan index; the task trains that run
 * on the executor's task thread (one thread, {@code threads 1}) and returns the run's record as
 * JSON. The plan travels with the task and rebuilds its runs on the executor.
 */
final class RunTask extends AbstractFunction2<TaskContext, Iterator<Integer>, String> implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Set on an executor (by a test) to make the first attempt of every task fail. */
    static final String FAIL_FIRST_ATTEMPT = "kanpde.sweep.failFirstAttempt";

    private final SweepPlan plan;

    RunTask(SweepPlan plan) {
        this.plan = plan;
    }

    @Override
    public String apply(TaskContext context, Iterator<Integer> indices) {
        int index = indices.next();
        if (indices.hasNext()) {
            throw new IllegalStateException("a sweep partition holds one run, partition " + context.partitionId()
                    + " holds more");
        }
        if (Boolean.getBoolean(FAIL_FIRST_ATTEMPT) && context.attemptNumber() == 0) {
            throw new IllegalStateException("failing the first attempt of run " + (index + 1) + " on request (" + FAIL_FIRST_ATTEMPT
                    + ")");
        }
        PlannedRun run = plan.run(index);
        return RunRecordJson.write(run, run.train().result());
    }
}
