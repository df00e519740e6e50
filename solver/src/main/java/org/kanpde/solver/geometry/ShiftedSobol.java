package org.kanpde.solver.geometry;

import java.util.SplittableRandom;

import org.hipparchus.random.SobolSequenceGenerator;

/**
 * A Sobol sequence in (0, 1)^d with a random digital shift: the 52-bit fraction of each coordinate is
 * XOR-ed with a per-coordinate mask, then moved by half a unit in the last place so that no value is
 * exactly 0. Not thread-safe; create one per sampling call.
 */
final class ShiftedSobol {

    /** Hipparchus stores Sobol coordinates as 52-bit integers scaled by 2^-52. */
    private static final int BITS = 52;
    private static final double SCALE = 0x1.0p52;

    private final SobolSequenceGenerator generator;
    private final long[] masks;

    /**
     * @param dimension number of coordinates, at least 1
     * @param random    source of the shift masks (advanced by {@code dimension} draws)
     */
    ShiftedSobol(int dimension, SplittableRandom random) {
        this.generator = new SobolSequenceGenerator(dimension);
        this.masks = new long[dimension];
        for (int k = 0; k < dimension; k++) {
            masks[k] = random.nextLong() >>> (Long.SIZE - BITS);
        }
    }

    /** Writes the next point of the shifted sequence into {@code out}, each coordinate in (0, 1). */
    void next(double[] out) {
        double[] v = generator.nextVector();
        for (int k = 0; k < masks.length; k++) {
            long bits = (long) (v[k] * SCALE) ^ masks[k];
            out[k] = (bits + 0.5) / SCALE;
        }
    }
}
