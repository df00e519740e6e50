package org.kanpde.net.kan;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.kanpde.net.basis.BasisType;
import org.kanpde.net.basis.EdgeBasis;

/**
 * Builds a {@link Kan}. Defaults follow the KAN paper: B-splines with grid size G = 5 and degree
 * k = 3 on every layer, grid range [-1, 1] for every layer's inputs, spline coefficients drawn from
 * N(0, 0.1^2), w_s = 1, w_b from Glorot's uniform range, seed 0.
 *
 * <p>Other edge bases: {@link #basis(BasisType...)}, one for all layers or one per layer. The grid
 * size then means the basis's size parameter (see {@link BasisType}): Chebyshev degree n, number of
 * RBF centres, number of Fourier frequencies; the degree k applies to B-spline layers only. Random
 * coefficients are scaled per basis ({@link EdgeBasis#noiseScale()}) so edges start at about the
 * same size whatever the basis.
 *
 * <p>Example: {@code Kan.builder().widths(2, 5, 1).gridSize(5).degree(5).inputRange(-1, 1).seed(7).build()},
 * or {@code Kan.builder().widths(2, 5, 1).basis(BasisType.CHEBYSHEV).gridSize(10).build()}.
 */
public final class KanBuilder {
    private int[] widths;
    private int[] gridSizes = {5};
    private int[] degrees = {3};
    private BasisType[] types = {BasisType.BSPLINE};
    private double[] inputLower;
    private double[] inputUpper;
    private double hiddenLower = -1;
    private double hiddenUpper = 1;
    private double noise = 0.1;
    private double splineScale = 1.0;
    private boolean baseFunction = true;
    private long seed;

    KanBuilder() {
    }

    /** Layer widths [n_0, ..., n_L]: at least two, each &gt;= 1, the last 1 (u is scalar). */
    public KanBuilder widths(int... widths) {
        this.widths = checkWidths(widths);
        return this;
    }

    static int[] checkWidths(int[] widths) {
        if (widths == null || widths.length < 2) {
            throw new IllegalArgumentException("a KAN needs at least an input and an output width, got "
                    + Arrays.toString(widths));
        }
        for (int l = 0; l < widths.length; l++) {
            if (widths[l] < 1) {
                throw new IllegalArgumentException("width " + l + " must be >= 1, got " + widths[l] + " in " + Arrays.toString(widths));
            }
        }
        if (widths[widths.length - 1] != 1) {
            throw new IllegalArgumentException("the output width must be 1 (u is scalar), got " + Arrays.toString(widths));
        }
        return widths.clone();
    }

    /**
     * Grid size: one value for all layers or one per layer, each &gt;= 1. For B-splines the number of
     * grid intervals G; for the other bases their size parameter (Chebyshev degree, RBF centres
     * (&gt;= 2), Fourier frequencies), see {@link BasisType}.
     */
    public KanBuilder gridSize(int... sizes) {
        this.gridSizes = checkPositive("grid size G", sizes, 1);
        return this;
    }

    /**
     * Spline degree k (pykan's k; 3 is cubic) of B-spline layers: one value for all layers or one per
     * layer, each &gt;= 1; {@link #build()} refuses B-spline layers with k above
     * {@link org.kanpde.net.spline.Knots#MAX_DEGREE}. Layers with other bases ignore it.
     *
     * @throws IllegalArgumentException if no value is given or a value is &lt; 1
     */
    public KanBuilder degree(int... degrees) {
        this.degrees = checkPositive("spline degree k", degrees, 1);
        return this;
    }

    /**
     * Edge basis: one type for all layers or one per layer (default {@link BasisType#BSPLINE}).
     *
     * @throws IllegalArgumentException if no type or a null type is given
     */
    public KanBuilder basis(BasisType... types) {
        if (types == null || types.length == 0) {
            throw new IllegalArgumentException("edge basis needs at least one type");
        }
        for (int l = 0; l < types.length; l++) {
            if (types[l] == null) {
                throw new IllegalArgumentException("edge basis type " + l + " is null in " + Arrays.toString(types));
            }
        }
        this.types = types.clone();
        return this;
    }

    /** Grid range of the first layer, the same for every input coordinate. */
    public KanBuilder inputRange(double lower, double upper) {
        checkRange("input", lower, upper);
        this.inputLower = new double[] {lower};
        this.inputUpper = new double[] {upper};
        return this;
    }

    /** Grid range of the first layer per input coordinate (typically the domain's bounding box). */
    public KanBuilder inputRange(double[] lower, double[] upper) {
        if (lower.length != upper.length) {
            throw new IllegalArgumentException("input range bounds differ in length: " + lower.length + " != " + upper.length);
        }
        for (int i = 0; i < lower.length; i++) {
            checkRange("input " + i, lower[i], upper[i]);
        }
        this.inputLower = lower.clone();
        this.inputUpper = upper.clone();
        return this;
    }

    /** Grid range of the inputs of every layer after the first (default [-1, 1]). */
    public KanBuilder hiddenRange(double lower, double upper) {
        checkRange("hidden", lower, upper);
        this.hiddenLower = lower;
        this.hiddenUpper = upper;
        return this;
    }

    /** Standard deviation of the initial spline coefficients (default 0.1), &gt;= 0. */
    public KanBuilder noise(double noise) {
        if (!(noise >= 0) || !Double.isFinite(noise)) {
            throw new IllegalArgumentException("initial noise must be finite and >= 0, got " + noise);
        }
        this.noise = noise;
        return this;
    }

    /** Initial spline scale w_s of every edge (default 1). */
    public KanBuilder splineScale(double scale) {
        if (!Double.isFinite(scale)) {
            throw new IllegalArgumentException("spline scale must be finite, got " + scale);
        }
        this.splineScale = scale;
        return this;
    }

    /** Whether edges start with the silu term (default true); false sets every w_b to 0. */
    public KanBuilder baseFunction(boolean enabled) {
        this.baseFunction = enabled;
        return this;
    }

    /** Seed of the initialization (default 0): the same seed gives the same parameters. */
    public KanBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * Builds the network.
     *
     * @throws IllegalArgumentException if widths are missing, per-layer settings do not match
     *                                  the number of layers, a basis rejects its size or degree (the
     *                                  message names the layer and the value), or the network's
     *                                  parameters or basis tables exceed {@link org.kanpde.net.ParameterLimit#MAX_PARAMETERS}
     *                                  doubles (checked before anything is allocated)
     */
    public Kan build() {
        if (widths == null) {
            throw new IllegalArgumentException("widths must be set, e.g. widths(2, 10, 1)");
        }
        int layers = widths.length - 1;
        int[] g = perLayer("grid size G", gridSizes, layers, 1);
        int[] degree = perLayer("spline degree k", degrees, layers, 1);
        BasisType[] t = perLayer(types, layers);
        int[] sizes = new int[layers];
        long[] tables = new long[layers];
        for (int l = 0; l < layers; l++) {
            try {
                sizes[l] = t[l].size(g[l], degree[l]);
                tables[l] = t[l].tableSize(g[l], degree[l]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("layer " + l + ": " + e.getMessage(), e);
            }
        }
        Kan.checkSize(widths, sizes, tables);
        EdgeBasis[][] bases = new EdgeBasis[layers][];
        for (int l = 0; l < layers; l++) {
            bases[l] = new EdgeBasis[widths[l]];
            for (int i = 0; i < widths[l]; i++) {
                double lo = hiddenLower;
                double hi = hiddenUpper;
                if (l == 0 && inputLower != null) {
                    if (inputLower.length != 1 && inputLower.length != widths[0]) {
                        throw new IllegalArgumentException("input range has " + inputLower.length
                                + " coordinates but the input dimension is " + widths[0]);
                    }
                    int c = inputLower.length == 1 ? 0 : i;
                    lo = inputLower[c];
                    hi = inputUpper[c];
                }
                try {
                    bases[l][i] = t[l].create(lo, hi, g[l], degree[l]);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("layer " + l + ": " + e.getMessage(), e);
                }
            }
        }
        Kan kan = new Kan(widths, bases, null);
        kan.initialize(new SplittableRandom(seed), noise, splineScale, baseFunction);
        return kan;
    }

    private static BasisType[] perLayer(BasisType[] types, int layers) {
        if (types.length == 1) {
            BasisType[] out = new BasisType[layers];
            Arrays.fill(out, types[0]);
            return out;
        }
        if (types.length != layers) {
            throw new IllegalArgumentException("edge basis needs one type or one per layer (" + layers + "), got "
                    + Arrays.toString(types));
        }
        return types.clone();
    }

    /** Expands a one-value-or-per-layer setting to one value per layer, validating it. */
    static int[] perLayer(String name, int[] values, int layers, int min) {
        checkPositive(name, values, min);
        if (values.length == 1) {
            int[] out = new int[layers];
            Arrays.fill(out, values[0]);
            return out;
        }
        if (values.length != layers) {
            throw new IllegalArgumentException(name + " needs one value or one per layer (" + layers + "), got "
                    + Arrays.toString(values));
        }
        return values.clone();
    }

    private static int[] checkPositive(String name, int[] values, int min) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException(name + " needs at least one value");
        }
        for (int v : values) {
            if (v < min) {
                throw new IllegalArgumentException(name + " must be >= " + min + ", got " + v);
            }
        }
        return values.clone();
    }

    private static void checkRange(String what, double lower, double upper) {
        if (!(Double.isFinite(lower) && Double.isFinite(upper) && lower < upper)) {
            throw new IllegalArgumentException(what + " grid range must be finite with lower < upper, got ["
                    + lower + ", " + upper + "]");
        }
    }
}
