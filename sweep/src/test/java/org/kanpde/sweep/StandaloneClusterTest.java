package org.kanpde.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.kanpde.cli.bench.PlannedRun;
import org.kanpde.cli.bench.RunRecordJson;
import org.kanpde.cli.bench.SweepPlan;

/**
 * A real standalone Spark cluster on 127.0.0.1: a master and one worker started through Spark's
 * own launch classes ({@code org.apache.spark.deploy.master.Master}, {@code ...worker.Worker}) as
 * child JVMs on the test classpath. The worker launches its executor JVM the way it does on a
 * cluster: from SPARK_HOME (here a directory with Spark's RELEASE marker and an empty jars
 * folder) and the application's executor class path (the test classpath). The sweep runs through
 * {@code --master spark://127.0.0.1:PORT}; once the first run is recorded the test kills the
 * executor JVM with runs still in flight; Spark starts another executor and reruns the lost tasks,
 * and every run must end with the numbers of the same run trained here without Spark.
 */
class StandaloneClusterTest {
    private static final String SPEC = """
            {"problems": ["poisson2d-sin"], "seeds": [1, 2, 3, 4],
             "families": [{"model": "kan", "widths": [3], "k": 3, "grids": [5, 10], "iterations": [60, 60],
                           "points": 3000}]}
            """;

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void aSweepSurvivesTheLossOfItsExecutorOnAStandaloneCluster() throws Exception {
        Path spec = Files.writeString(tmp.resolve("cluster.json"), SPEC);
        Path out = tmp.resolve("out");
        String cp = testClassPath();
        Path home = Files.createDirectories(tmp.resolve("spark-home"));
        Files.writeString(home.resolve("RELEASE"), "Spark for kanpde's cluster test: jars come from the class path\n");
        Files.createDirectories(home.resolve("jars"));
        int port = freePort();
        String url = "spark://127.0.0.1:" + port;
        List<Process> started = new ArrayList<>();
        try {
            started.add(spark(home, cp, tmp.resolve("master.log"), "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                    "--port", String.valueOf(port), "--webui-port", String.valueOf(freePort())));
            Process worker = spark(home, cp, tmp.resolve("worker.log"), "org.apache.spark.deploy.worker.Worker", "--host",
                    "127.0.0.1", "--cores", "2", "--memory", "2g", "--work-dir", tmp.resolve("work").toString(),
                    "--webui-port", String.valueOf(freePort()), url);
            started.add(worker);

            AtomicBoolean killed = new AtomicBoolean();
            int[] recordedWhenKilled = {-1};
            Thread killer = new Thread(() -> {
                try {
                    RecordStore store = new RecordStore(out);
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
                    while (System.nanoTime() < deadline && store.count() < 1) {
                        Thread.sleep(50);
                    }
                    Optional<ProcessHandle> executor = worker.toHandle().descendants()
                            .filter(h -> commandLine(h).contains("CoarseGrainedExecutorBackend")).findFirst();
                    if (executor.isPresent()) {
                        recordedWhenKilled[0] = store.count();
                        killed.set(executor.get().destroyForcibly());
                    }
                } catch (IOException | InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            killer.start();

            StringWriter console = new StringWriter();
            StringWriter errors = new StringWriter();
            int code = SweepMain.execute(new String[] {"--spec", spec.toString(), "--out", out.toString(), "--master", url,
                "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1",
                "--conf", "spark.executor.extraClassPath=" + cp, "--conf", "spark.executor.memory=1g"},
                    new PrintWriter(console, true), new PrintWriter(errors, true));
            killer.join();
            String log = console.toString();
            System.out.print(log);
            assertEquals(0, code, log + errors);
            assertTrue(killed.get(), "the executor JVM was found and killed\n" + log);
            assertTrue(recordedWhenKilled[0] >= 1 && recordedWhenKilled[0] < 4, "killed mid-sweep, after "
                    + recordedWhenKilled[0] + " runs\n" + log);
            assertTrue(log.contains("a task attempt failed"), "the lost runs failed and were retried\n" + log);
            assertTrue(log.contains("4 of 4 runs recorded"), log);

            SweepPlan plan = SweepPlan.spec(spec);
            Map<Integer, RunRecordJson.Read> records = new RecordStore(out).load(plan.runs());
            assertEquals(4, records.size());
            for (PlannedRun run : plan.runs()) {
                assertTrue(records.get(run.index()).outcome().sameNumbers(run.train().result()),
                        "run " + run.label() + " on the cluster has the numbers of the local run");
            }
            assertTrue(Files.readString(out.resolve("bench.csv")).lines().count() == 5, "bench.csv: a header and 4 runs");
        } finally {
            for (Process p : started) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(20, TimeUnit.SECONDS);
            }
        }
    }

    /** A Spark daemon JVM on our class path, with SPARK_HOME at {@code home}; its output goes to {@code log}. */
    private static Process spark(Path home, String cp, Path log, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(System.getProperty("kanpde.spark.java.options", "").trim().split("\\s+")));
        cmd.removeIf(String::isEmpty);
        cmd.addAll(List.of("-Xmx512m", "-cp", cp, mainClass));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return pb.start();
    }

    /**
     * A process's command line from /proc (ProcessHandle.Info cuts long ones, and an executor's class
     * path is long), else what ProcessHandle knows.
     */
    private static String commandLine(ProcessHandle h) {
        try {
            return Files.readString(Path.of("/proc", String.valueOf(h.pid()), "cmdline")).replace('\0', ' ');
        } catch (IOException | RuntimeException e) {
            return h.info().commandLine().orElse("");
        }
    }

    /** Surefire's real test class path (java.class.path may be a manifest-only jar). */
    private static String testClassPath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return String.join(File.pathSeparator, List.of(cp.split(File.pathSeparator)));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
