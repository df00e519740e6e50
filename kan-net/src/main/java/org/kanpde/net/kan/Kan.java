package org.kanpde.net.kan;

import java.util.Arrays;
import java.util.Set;
import java.util.SplittableRandom;

import org.kanpde.net.Derivatives;
import org.kanpde.net.ParameterLimit;
import org.kanpde.net.TrialFunction;
import org.kanpde.net.basis.BasisType;
import org.kanpde.net.basis.EdgeBasis;

/**
 * A Kolmogorov-Arnold network [n_0, n_1, ..., n_L = 1]: layer l maps n_l nodes to n_{l+1} by
 * learnable edge functions phi(x) = w_b silu(x) + w_s sum_m c_m B_m(x), and each node sums its
 * incoming edges. The edge basis B_m is chosen per layer ({@link EdgeBasis}): B-splines of degree k
 * on a grid of G intervals per input node (the default), Chebyshev polynomials, Gaussian RBFs or
 * Fourier features.
 *
 * <p>The structure (widths, bases, grids, degrees) is immutable: {@link #extendGrid} and
 * {@link #updateGrid} return new networks. The parameters are one live array, laid out layer after
 * layer as described in {@link KanLayer}. Build with {@link #builder()}.
 */
public final class Kan implements TrialFunction {
    private final int[] widths;
    private final KanLayer[] layers;
    private final double[] parameters;

    Kan(int[] widths, EdgeBasis[][] bases, double[] parameters) {
        this.widths = widths.clone();
        this.layers = new KanLayer[widths.length - 1];
        int[] sizes = new int[layers.length];
        for (int l = 0; l < layers.length; l++) {
            sizes[l] = bases[l][0].size();
        }
        // the bases (and their tables) exist already: only the parameter array is still to come
        checkSize(widths, sizes, new long[layers.length]);
        int offset = 0;
        for (int l = 0; l < layers.length; l++) {
            layers[l] = new KanLayer(bases[l], widths[l + 1], offset);
            offset += layers[l].parameterCount();
        }
        if (parameters == null) {
            this.parameters = new double[offset];
        } else {
            if (parameters.length != offset) {
                throw new IllegalArgumentException("KAN " + Arrays.toString(widths) + " has " + offset
                        + " parameters, got " + parameters.length);
            }
            this.parameters = parameters;
        }
    }

    /**
     * Refuses KANs whose parameters, or whose basis tables (one basis per input node of every
     * layer, each holding {@code tables[l]} doubles, see {@link BasisType#tableSize}), exceed
     * {@link ParameterLimit#MAX_PARAMETERS} doubles. Counts are formed in long and saturate instead of
     * overflowing, so that no size slips through the check.
     *
     * @param sizes  coefficients per edge, per layer
     * @param tables doubles of tables per basis, per layer
     */
    static void checkSize(int[] widths, int[] sizes, long[] tables) {
        long parameters = 0;
        long tableDoubles = 0;
        for (int l = 0; l < sizes.length; l++) {
            long edges = (long) widths[l] * widths[l + 1];
            parameters = saturatedAdd(parameters, saturatedMultiply(edges, sizes[l] + 2L));
            tableDoubles = saturatedAdd(tableDoubles, saturatedMultiply(widths[l], tables[l]));
        }
        ParameterLimit.check("KAN", widths, parameters);
        if (tableDoubles > ParameterLimit.MAX_PARAMETERS) {
            throw new IllegalArgumentException("KAN " + Arrays.toString(widths) + " would need "
                    + (tableDoubles == Long.MAX_VALUE ? "more than " + Long.MAX_VALUE : String.valueOf(tableDoubles))
                    + " doubles of basis tables; at most " + ParameterLimit.MAX_PARAMETERS + " are supported (lower the grid size or degree)");
        }
    }

    /** a * b for non-negative a, b, or Long.MAX_VALUE if that overflows. */
    private static long saturatedMultiply(long a, long b) {
        return Math.multiplyHigh(a, b) == 0 && a * b >= 0 ? a * b : Long.MAX_VALUE;
    }

    /** a + b for non-negative a, b, or Long.MAX_VALUE if that overflows. */
    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    /**
     * A network with given bases and parameters, e.g. as read back from a model file.
     *
     * @param widths     layer widths [n_0, ..., n_L], each &gt;= 1, the last 1
     * @param bases      {@code bases[l][i]}: the basis of input node i of layer l; within a layer all
     *                   of the same type, size and degree
     * @param parameters the parameters (copied), laid out as in {@link KanLayer}
     * @throws IllegalArgumentException if an argument or a basis is null, the shapes do not match
     *                                  (the message names the layer and node), or a parameter is not
     *                                  finite
     */
    public static Kan of(int[] widths, EdgeBasis[][] bases, double[] parameters) {
        KanBuilder.checkWidths(widths);
        if (bases == null || parameters == null) {
            throw new IllegalArgumentException("KAN " + Arrays.toString(widths) + " needs bases and parameters, got "
                    + (bases == null ? "no bases" : "no parameters"));
        }
        if (bases.length != widths.length - 1) {
            throw new IllegalArgumentException("KAN " + Arrays.toString(widths) + " has " + (widths.length - 1)
                    + " layers, got bases for " + bases.length);
        }
        for (int l = 0; l < bases.length; l++) {
            if (bases[l] == null || bases[l].length != widths[l]) {
                throw new IllegalArgumentException("layer " + l + " has " + widths[l] + " input nodes, got "
                        + (bases[l] == null ? "no" : String.valueOf(bases[l].length)) + " bases");
            }
            for (int i = 0; i < widths[l]; i++) {
                if (bases[l][i] == null) {
                    throw new IllegalArgumentException("the basis of input node " + i + " of layer " + l + " is missing");
                }
            }
        }
        for (int i = 0; i < parameters.length; i++) {
            if (!Double.isFinite(parameters[i])) {
                throw new IllegalArgumentException("parameter " + i + " is not finite: " + parameters[i]);
            }
        }
        return new Kan(widths, bases, parameters.clone());
    }

    /** A builder with the KAN paper's defaults: G = 5, k = 3, grid range [-1, 1], noise 0.1. */
    public static KanBuilder builder() {
        return new KanBuilder();
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

    /** A {@link LayerChain} over this network's {@link SplineEdges}. */
    @Override
    public LayerChain evaluator(Derivatives level) {
        LayerEdges[] edges = new LayerEdges[layers.length];
        for (int l = 0; l < layers.length; l++) {
            edges[l] = new SplineEdges(layers[l]);
        }
        return new LayerChain(this, level, edges);
    }

    @Override
    public Kan copy() {
        return new Kan(widths, bases(), parameters.clone());
    }

    /** Layer widths [n_0, ..., n_L] (a copy). */
    public int[] widths() {
        return widths.clone();
    }

    /** Number of layers L. */
    public int layerCount() {
        return layers.length;
    }

    /** Layer l, 0 &lt;= l &lt; L. */
    public KanLayer layer(int l) {
        return layers[l];
    }

    /**
     * Grid sizes per layer: the basis size parameter (B-spline intervals G, Chebyshev degree,
     * RBF centres, Fourier frequencies).
     */
    public int[] gridSizes() {
        int[] sizes = new int[layers.length];
        for (int l = 0; l < layers.length; l++) {
            sizes[l] = layers[l].gridSize();
        }
        return sizes;
    }

    /** Edge basis type per layer. */
    public BasisType[] basisTypes() {
        BasisType[] types = new BasisType[layers.length];
        for (int l = 0; l < layers.length; l++) {
            types[l] = layers[l].basisType();
        }
        return types;
    }

    /** Spline degrees k per layer (Chebyshev: the degree; RBF and Fourier: 0). */
    public int[] degrees() {
        int[] degrees = new int[layers.length];
        for (int l = 0; l < layers.length; l++) {
            degrees[l] = layers[l].degree();
        }
        return degrees;
    }

    /**
     * Sorted indices of the parameters of the given kinds, e.g. only the spline coefficients. The
     * symbolic kinds ({@link EdgeParameter#symbolic()}) select nothing: a KAN has no symbolic edges.
     */
    public int[] parameterIndices(Set<EdgeParameter> kinds) {
        int count = 0;
        int[] out = new int[parameters.length];
        for (KanLayer layer : layers) {
            int edges = layer.edges();
            int coefficients = edges * layer.basisSize();
            int start = layer.offset();
            for (int t = 0; t < layer.parameterCount(); t++) {
                EdgeParameter kind = t < coefficients ? EdgeParameter.SPLINE_COEFFICIENTS
                        : t < coefficients + edges ? EdgeParameter.BASE_SCALE : EdgeParameter.SPLINE_SCALE;
                if (kinds.contains(kind)) {
                    out[count++] = start + t;
                }
            }
        }
        return Arrays.copyOf(out, count);
    }

    /**
     * The edge function phi_ji of layer l and its first three derivatives at x.
     *
     * @param out receives phi, phi', phi'', phi''' (length &gt;= 4; modified)
     * @throws IllegalArgumentException if there is no edge (l, j, i), naming the bad index
     */
    public void edge(int l, int j, int i, double x, double[] out) {
        if (l < 0 || l >= layers.length) {
            throw new IllegalArgumentException("layer must be in [0, " + layers.length + "), got " + l);
        }
        if (j < 0 || j >= widths[l + 1]) {
            throw new IllegalArgumentException("output node of layer " + l + " must be in [0, " + widths[l + 1] + "), got " + j);
        }
        if (i < 0 || i >= widths[l]) {
            throw new IllegalArgumentException("input node of layer " + l + " must be in [0, " + widths[l] + "), got " + i);
        }
        KanLayer layer = layers[l];
        EdgeBasis basis = layer.basis(i);
        double[] spline = new double[4];
        double[] work = new double[4 * basis.activeCount()];
        basis.evaluateSum(parameters, layer.coefficientIndex(j, i, 0), x, 3, spline, work);
        double[] base = new double[4];
        Silu.derivatives(x, base, 0);
        double wb = parameters[layer.baseScaleIndex(j, i)];
        double ws = parameters[layer.splineScaleIndex(j, i)];
        for (int t = 0; t < 4; t++) {
            out[t] = wb * base[t] + ws * spline[t];
        }
    }

    /**
     * Grid extension: a network with basis size {@code gridSizes[l]} on layer l over the same ranges,
     * whose coefficients are least-squares fits of the current edges (scales copied). The size means
     * what {@link EdgeBasis#gridSize()} says: grid intervals for B-splines, the degree for Chebyshev
     * polynomials, centres for RBFs, frequencies for Fourier features. When the new basis contains
     * the old functions (B-splines G to 2G on a uniform grid, a higher Chebyshev degree, more Fourier
     * frequencies) the new edges reproduce the old ones to round-off; otherwise (RBFs, B-spline grids
     * that do not nest) to the fit error of the new basis. A layer whose size does not change keeps
     * its coefficients exactly (for per-layer caps).
     *
     * @param gridSizes one grid size per layer, or a single size for all layers
     * @throws IllegalArgumentException if a size is &lt; 1 or the count matches neither 1 nor L
     */
    public Kan extendGrid(int... gridSizes) {
        return GridRefit.extend(this, KanBuilder.perLayer("grid size G", gridSizes, layers.length, 1), null);
    }

    /**
     * Grid extension that first widens each node's grid range to cover that node's values over
     * {@code points} (a uniform layout on the widened range), so that inputs that had drifted beyond
     * a hidden layer's range are fitted too rather than left to the basis's extrapolation. Nodes whose
     * values stay within range are extended exactly as by {@link #extendGrid(int...)}.
     *
     * @param gridSizes one grid size per layer, or a single size for all layers
     * @param points    flat input points, n x d, all finite
     */
    public Kan extendGrid(int[] gridSizes, double[] points) {
        return GridRefit.extend(this, KanBuilder.perLayer("grid size G", gridSizes, layers.length, 1), points);
    }

    /**
     * Grid update: moves every input node's grid of the selected layers to the distribution of that
     * node's values over {@code points}, and refits the coefficients by least squares on those values
     * so the network changes as little as the new grid allows. B-splines take a mix of the quantile
     * grid and the uniform grid over the values' range (weight {@code uniformFraction} on the uniform
     * grid, 0.02 in the KAN paper); Chebyshev, RBF and Fourier bases move their range to the values'
     * [min, max] (see {@link EdgeBasis#adaptedTo}).
     *
     * @param points          flat input points, n x d, all finite
     * @param uniformFraction weight of the uniform grid, in (0, 1] (0, a pure quantile grid, would
     *                        put knots on top of each other wherever samples repeat)
     * @param layersToUpdate  which layers move their grids (length L)
     * @throws IllegalArgumentException if the fraction is not in (0, 1], the flags do not match the
     *                                  layers, the points are empty, not finite or do not fit the
     *                                  input dimension, or a node's new grid is invalid (naming the
     *                                  layer and node)
     * @throws IllegalStateException    if a node of an updated layer takes non-finite values
     */
    public Kan updateGrid(double[] points, double uniformFraction, boolean[] layersToUpdate) {
        return GridRefit.update(this, points, uniformFraction, layersToUpdate);
    }

    /**
     * Values at every node of every layer for a set of points: {@code result[l][n * n_l + i]} is
     * node i of layer l (l = 0 is the input, l = L the output) at point n.
     *
     * @param points flat n x d coordinates
     * @throws IllegalArgumentException if the length is not a multiple of the input dimension, or
     *                                  n times a layer's width exceeds the largest Java array
     */
    public double[][] nodeValues(double[] points) {
        int d = inputDimension();
        if (points.length % d != 0) {
            throw new IllegalArgumentException("point array length " + points.length + " is not a multiple of the input dimension " + d);
        }
        int n = points.length / d;
        double[][] out = new double[layers.length + 1][];
        for (int l = 0; l <= layers.length; l++) {
            out[l] = new double[nodeArrayLength(n, widths[l], l)];
        }
        LayerChain ev = evaluator(Derivatives.VALUE);
        for (int t = 0; t < n; t++) {
            ev.forward(points, t * d);
            for (int l = 0; l <= layers.length; l++) {
                for (int i = 0; i < widths[l]; i++) {
                    out[l][t * widths[l] + i] = ev.nodeValue(l, i);
                }
            }
        }
        return out;
    }

    /** Largest array length the JVM allocates (a few header words below Integer.MAX_VALUE). */
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    /**
     * n * width, checked in long arithmetic so that a large point set fails clearly instead of
     * overflowing: the length of one layer's node values over n points (also for {@code SymbolicKan}).
     *
     * @throws IllegalArgumentException if the product exceeds the largest array, naming the numbers
     */
    public static int nodeArrayLength(int n, int width, int layer) {
        long length = (long) n * width;
        if (length > MAX_ARRAY) {
            throw new IllegalArgumentException(n + " points times width " + width + " of layer " + layer + " make "
                    + length + " node values, more than one array holds (" + MAX_ARRAY + "); use fewer points");
        }
        return (int) length;
    }

    EdgeBasis[][] bases() {
        EdgeBasis[][] b = new EdgeBasis[layers.length][];
        for (int l = 0; l < layers.length; l++) {
            b[l] = new EdgeBasis[layers[l].inputs()];
            for (int i = 0; i < b[l].length; i++) {
                b[l][i] = layers[l].basis(i);
            }
        }
        return b;
    }

    /**
     * Initializes parameters as the KAN paper does, with the coefficient noise scaled per basis
     * ({@link EdgeBasis#noiseScale()}, 1 for B-splines); called by the builder.
     */
    void initialize(SplittableRandom random, double noise, double splineScale, boolean baseFunction) {
        for (KanLayer layer : layers) {
            double xavier = Math.sqrt(6.0 / (layer.inputs() + layer.outputs()));
            double sigma = noise * layer.basis(0).noiseScale();
            for (int j = 0; j < layer.outputs(); j++) {
                for (int i = 0; i < layer.inputs(); i++) {
                    for (int m = 0; m < layer.basisSize(); m++) {
                        parameters[layer.coefficientIndex(j, i, m)] = sigma * random.nextGaussian();
                    }
                    double wb = (2.0 * random.nextDouble() - 1.0) * xavier;
                    parameters[layer.baseScaleIndex(j, i)] = baseFunction ? wb : 0.0;
                    parameters[layer.splineScaleIndex(j, i)] = splineScale;
                }
            }
        }
    }

    /**
     * For example {@code "KAN [2,5,1] G=[20,50] k=5"} (B-splines), {@code "KAN [2,5,1] chebyshev n=10"},
     * {@code "KAN [2,5,1] rbf n=[10,20]"} or, with different bases per layer,
     * {@code "KAN [2,5,1] [chebyshev n=10, bspline G=20 k=5]"}.
     */
    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder("KAN ").append(Arrays.toString(widths).replace(" ", ""));
        BasisType type = layers[0].basisType();
        for (KanLayer layer : layers) {
            if (layer.basisType() != type) {
                sb.append(" [");
                for (int l = 0; l < layers.length; l++) {
                    sb.append(l == 0 ? "" : ", ").append(layers[l].basis(0).describe());
                }
                return sb.append(']').toString();
            }
        }
        int[] grids = gridSizes();
        String g = allEqual(grids) ? String.valueOf(grids[0]) : Arrays.toString(grids).replace(" ", "");
        if (type != BasisType.BSPLINE) {
            return sb.append(' ').append(type.id()).append(" n=").append(g).toString();
        }
        int[] degrees = degrees();
        sb.append(" G=").append(g);
        sb.append(" k=").append(allEqual(degrees) ? String.valueOf(degrees[0]) : Arrays.toString(degrees).replace(" ", ""));
        return sb.toString();
    }

    private static boolean allEqual(int[] a) {
        for (int x : a) {
            if (x != a[0]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return describe() + " (" + parameters.length + " parameters)";
    }
}
