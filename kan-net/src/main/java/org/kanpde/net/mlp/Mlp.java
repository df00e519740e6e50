package org.kanpde.net.mlp;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.kanpde.net.BlockEvaluator;
import org.kanpde.net.Derivatives;
import org.kanpde.net.ParameterLimit;
import org.kanpde.net.TrialFunction;

/**
 * A multilayer perceptron [n_0, ..., n_L = 1]: affine layers with an activation after every layer
 * except the last, the baseline KANs are compared against.
 *
 * <p>Parameter layout, layer after layer: the weights W_ji stored input-major at
 * {@code offset + i*n_out + j} (so that the forward pass is a run of contiguous axpy loops), then
 * the biases b_j. Weights start Glorot-uniform, biases at zero.
 */
public final class Mlp implements TrialFunction {
    private final int[] widths;
    private final int[] offsets;
    private final Activation activation;
    private final double[] parameters;

    private Mlp(int[] widths, Activation activation, double[] parameters) {
        this.widths = widths;
        this.activation = activation;
        this.offsets = new int[widths.length];
        int offset = 0;
        for (int l = 0; l + 1 < widths.length; l++) {
            offsets[l] = offset;
            offset += widths[l] * widths[l + 1] + widths[l + 1];
        }
        offsets[widths.length - 1] = offset;
        if (parameters == null) {
            this.parameters = new double[offset];
        } else {
            if (parameters.length != offset) {
                throw new IllegalArgumentException("MLP " + Arrays.toString(widths) + " has " + offset
                        + " parameters, got " + parameters.length);
            }
            this.parameters = parameters;
        }
    }

    /**
     * A randomly initialized MLP: Glorot-uniform weights drawn from {@code new SplittableRandom(seed)},
     * zero biases (compare {@link #of}, which takes given parameters).
     *
     * @param widths     [n_0, ..., n_L]: at least two, each &gt;= 1, the last 1
     * @param activation hidden activation
     * @param seed       initialization seed
     * @throws IllegalArgumentException for invalid widths, naming them
     */
    public static Mlp random(int[] widths, Activation activation, long seed) {
        Mlp mlp = new Mlp(checkWidths(widths), activation, null);
        SplittableRandom random = new SplittableRandom(seed);
        for (int l = 0; l + 1 < widths.length; l++) {
            double bound = Math.sqrt(6.0 / (widths[l] + widths[l + 1]));
            int count = widths[l] * widths[l + 1];
            for (int t = 0; t < count; t++) {
                mlp.parameters[mlp.offsets[l] + t] = (2.0 * random.nextDouble() - 1.0) * bound;
            }
        }
        return mlp;
    }

    /** Shorthand for {@code random(widths, Activation.TANH, seed)}. */
    public static Mlp tanh(long seed, int... widths) {
        return random(widths, Activation.TANH, seed);
    }

    /**
     * An MLP with given parameters (copied), e.g. as read back from a model file; the counterpart
     * of {@code Kan.of}.
     *
     * @throws IllegalArgumentException if the widths are invalid or the parameter count does not
     *                                  match them
     */
    public static Mlp of(int[] widths, Activation activation, double[] parameters) {
        return new Mlp(checkWidths(widths), activation, parameters.clone());
    }

    private static int[] checkWidths(int[] widths) {
        if (widths == null || widths.length < 2) {
            throw new IllegalArgumentException("an MLP needs at least an input and an output width, got " + Arrays.toString(widths));
        }
        for (int l = 0; l < widths.length; l++) {
            if (widths[l] < 1) {
                throw new IllegalArgumentException("width " + l + " must be >= 1, got " + widths[l] + " in " + Arrays.toString(widths));
            }
        }
        if (widths[widths.length - 1] != 1) {
            throw new IllegalArgumentException("the output width must be 1 (u is scalar), got " + Arrays.toString(widths));
        }
        ParameterLimit.check("MLP", widths, parameterCount(widths));
        return widths.clone();
    }

    /** Parameters of an MLP of these widths (weights and biases), without building it. */
    public static long parameterCount(int... widths) {
        long count = 0;
        for (int l = 0; l + 1 < widths.length; l++) {
            count += (long) widths[l] * widths[l + 1] + widths[l + 1];
        }
        return count;
    }

    @Override
    public int inputDimension() {
        return widths[0];
    }

    @Override
    public int parameterCount() {
        return parameters.length;
    }

    @Override
    public double[] parameters() {
        return parameters;
    }

    @Override
    public MlpEvaluator evaluator(Derivatives level) {
        return new MlpEvaluator(this, level);
    }

    /** Batched matrix products over the block: several times faster per point than {@link #evaluator} on wide layers. */
    @Override
    public BlockEvaluator blockEvaluator(Derivatives level, int capacity) {
        return new MlpBlockEvaluator(this, level, capacity);
    }

    @Override
    public Mlp copy() {
        return new Mlp(widths, activation, parameters.clone());
    }

    /** Layer widths (a copy). */
    public int[] widths() {
        return widths.clone();
    }

    /** Hidden activation. */
    public Activation activation() {
        return activation;
    }

    /** Index of the first parameter of layer l (its weights); the biases follow the weights. */
    public int layerOffset(int l) {
        return offsets[l];
    }

    /** Number of affine layers L. */
    public int layerCount() {
        return widths.length - 1;
    }

    @Override
    public String describe() {
        return "MLP " + Arrays.toString(widths).replace(" ", "") + " " + activation.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return describe() + " (" + parameters.length + " parameters)";
    }
}
