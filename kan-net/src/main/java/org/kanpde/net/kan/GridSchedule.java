package org.kanpde.net.kan;

import java.util.Arrays;

/**
 * Grid-size schedules with per-layer caps, for staged training with grid extension between stages.
 *
 * <p>Example: schedule 5, 10, 20, 50 with caps 20, 50 on a two-layer KAN gives the per-stage,
 * per-layer sizes [5, 5], [10, 10], [20, 20], [20, 50]: the first layer stops at 20 while the second
 * goes on to 50 (in the prototype that saved a third of the parameters of [2,5,1] at a small cost in
 * accuracy). A layer whose size does not change between stages keeps its coefficients exactly at the
 * extension ({@link Kan#extendGrid(int...)}).
 */
public final class GridSchedule {
    private GridSchedule() {
    }

    /**
     * Layer sizes per stage: {@code result[s][l] = min(schedule[s], layerCaps[l])}.
     *
     * @param schedule  grid sizes per stage, each &gt;= 1 (not modified)
     * @param layerCaps the largest grid size of each layer, each &gt;= 1 (not modified)
     * @return a new array of schedule.length rows of layerCaps.length sizes
     * @throws IllegalArgumentException if either array is null or empty or holds a value &lt; 1,
     *                                  naming it
     */
    public static int[][] capped(int[] schedule, int[] layerCaps) {
        check("grid schedule", schedule);
        check("per-layer grid caps", layerCaps);
        int[][] out = new int[schedule.length][layerCaps.length];
        for (int s = 0; s < schedule.length; s++) {
            for (int l = 0; l < layerCaps.length; l++) {
                out[s][l] = Math.min(schedule[s], layerCaps[l]);
            }
        }
        return out;
    }

    private static void check(String what, int[] values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException(what + " needs at least one value, got " + Arrays.toString(values));
        }
        for (int v : values) {
            if (v < 1) {
                throw new IllegalArgumentException(what + " values must be >= 1, got " + v + " in " + Arrays.toString(values));
            }
        }
    }
}
