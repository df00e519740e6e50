package org.kanpde.net.parallel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

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
