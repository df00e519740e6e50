package org.kanpde.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.kanpde.cli.bench.SweepPlan;

import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * Runs the runs of a plan as one Spark job, one task per run, and hands every task's result to the
 * driver as soon as that task finishes (not when the whole job does), so that it can be stored at
 * once.
 */
final class SparkRunner {
    private static final Pattern LOCAL = Pattern.compile("local(\\[(\\*|\\d+)])?");

    /** Receives the record of one run on the driver. */
    interface Sink {
        /**
         * @param index the run's index in the plan
         * @param json  its record
         */
        void accept(int index, String json) throws Exception;
    }

    private SparkRunner() {
    }

    /**
     * The master URL with task retries: Spark's local mode ignores {@code spark.task.maxFailures}
     * and takes the count in the URL ({@code local[N,F]}) instead.
     */
    static String master(String master, int maxFailures) {
        Matcher m = LOCAL.matcher(master.trim());
        if (m.matches()) {
            return "local[" + (m.group(2) == null ? "1" : m.group(2)) + "," + maxFailures + "]";
        }
        return master.trim();
    }

    /**
     * Wall times of a sweep job.
     *
     * @param startSeconds creating the Spark context
     * @param jobSeconds   the job, from submission to its last task
     */
    record Timing(double startSeconds, double jobSeconds) {
    }

    /**
     * Runs the plan's runs {@code indices} and waits for the job.
     *
     * @throws org.apache.spark.SparkException if a run failed on every attempt (the job is then aborted)
     */
    static Timing run(SparkConf conf, SweepPlan plan, List<Integer> indices, Progress progress, Sink sink) throws Exception {
        if (conf.get("spark.master", "").startsWith("local")) {
            // the embedded Spark talks to itself only: over loopback, whatever the host name resolves to
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        long t0 = System.nanoTime();
        try (JavaSparkContext jsc = new JavaSparkContext(conf)) {
            long t1 = System.nanoTime();
            jsc.sc().addSparkListener(progress);
            JavaRDD<Integer> rdd = jsc.parallelize(indices, indices.size());
            List<Object> partitions = new ArrayList<>();
            for (int p = 0; p < indices.size(); p++) {
                partitions.add(p);
            }
            Handler handler = new Handler(indices, sink);
            jsc.sc().runJob(rdd.rdd(), new RunTask(plan), CollectionConverters.asScala(partitions).toSeq(), handler,
                    ClassTag$.MODULE$.apply(String.class));
            if (handler.failure != null) {
                throw handler.failure;
            }
            return new Timing((t1 - t0) * 1e-9, (System.nanoTime() - t1) * 1e-9);
        }
    }

    /** Called by Spark's scheduler thread with (partition, result) as each task succeeds. */
    private static final class Handler extends AbstractFunction2<Object, String, BoxedUnit> {
        private final List<Integer> indices;
        private final Sink sink;
        private volatile Exception failure;

        Handler(List<Integer> indices, Sink sink) {
            this.indices = indices;
            this.sink = sink;
        }

        @Override
        public BoxedUnit apply(Object partition, String json) {
            try {
                sink.accept(indices.get((Integer) partition), json);
            } catch (Exception e) {
                // an exception here would kill Spark's scheduler thread: keep the first, report it after the job
                if (failure == null) {
                    failure = e;
                }
            }
            return BoxedUnit.UNIT;
        }
    }
}
