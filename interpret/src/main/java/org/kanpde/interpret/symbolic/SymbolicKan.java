package org.kanpde.interpret.symbolic;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.kanpde.net.Derivatives;
import org.kanpde.net.TrialFunction;
import org.kanpde.net.kan.EdgeParameter;
import org.kanpde.net.kan.Kan;
import org.kanpde.net.kan.KanLayer;
import org.kanpde.net.kan.LayerChain;
import org.kanpde.net.kan.LayerEdges;
import org.kanpde.net.kan.Silu;
import org.kanpde.net.basis.EdgeBasis;

/**
 * A KAN [n_0, ..., n_L = 1] whose edges are each a spline edge (as in {@link Kan}: w_b silu + w_s
 * times a combination of the network's edge basis, B-splines or any other {@link EdgeBasis}), a fixed symbolic
 * edge c f(a x + b) + d with f from {@link SymbolicFunction}, or a removed (zero) edge; each node
 * sums its incoming edges. This is the network that symbolic regression of a trained KAN works on:
 * {@link #of(Kan)} reproduces a KAN exactly, {@link #withSymbolic} snaps one edge to a formula,
 * {@link #withZero} masks an edge, and the result still trains (every derivative is analytic, see
 * {@link SymbolicEdges}) and prints as one formula ({@link SymbolicFormula}).
 *
 * <p><b>Parameters.</b> Each edge constant either trains (it is then one entry of the live
 * {@link #parameters()} array) or is frozen (part of the immutable structure); which ones train is
 * chosen per edge and per {@link EdgeParameter} kind ({@link #withTrainable}). Symbolic edges train
 * only the constants that their function's canonical form leaves free (see
 * {@link SymbolicFunction}). Layout of {@link #parameters()}, layer after layer: the spline
 * coefficients of the edges whose coefficients train (edge e = j n_in + i, G + k each), then their
 * trainable w_b, then their trainable w_s, then, per symbolic edge in edge order, its trainable
 * a, b, c, d. So a network made by {@link #of(Kan)} has exactly the KAN's parameter vector (and
 * trains every one of them; {@code withTrainable(EdgeParameter.recommended())} freezes w_b and w_s as
 * the KAN trainer does).
 *
 * <p>The structure is immutable: every {@code withX} method returns a new network whose constants
 * are the current values of this one (trainable or not). The parameter array is live, and
 * evaluators read it, as for every {@link TrialFunction}.
 */
public final class SymbolicKan implements TrialFunction {
    private final int[] widths;
    private final EdgeBasis[][] bases;
    /** kinds[l][e], e = j * n_in + i. */
    final EdgeKind[][] kinds;
    final SymbolicFunction[][] functions;
    /**
     * locs[l][4e + r]: where constant r of edge e lives, p &gt;= 0 for parameters[p], ~q for frozen[q].
     * Spline: r = 0 the first coefficient (the block is contiguous), 1 w_b, 2 w_s. Symbolic: a, b, c, d.
     */
    final int[][] locs;
    private final EnumSet<EdgeParameter>[][] trainable;
    private final double[] parameters;
    final double[] frozen;

    /** Construction from per-edge specifications with their values. */
    private SymbolicKan(int[] widths, EdgeBasis[][] bases, Spec[][] specs) {
        this.widths = widths.clone();
        int layers = widths.length - 1;
        this.bases = new EdgeBasis[layers][];
        this.kinds = new EdgeKind[layers][];
        this.functions = new SymbolicFunction[layers][];
        this.locs = new int[layers][];
        this.trainable = newSetTable(layers);
        int p = 0;
        int q = 0;
        for (int l = 0; l < layers; l++) {
            this.bases[l] = bases[l].clone();
            int edges = widths[l] * widths[l + 1];
            int nb = bases[l][0].size();
            kinds[l] = new EdgeKind[edges];
            functions[l] = new SymbolicFunction[edges];
            locs[l] = new int[4 * edges];
            trainable[l] = newSetArray(edges);
            Arrays.fill(locs[l], Integer.MIN_VALUE);
            for (int e = 0; e < edges; e++) {
                Spec s = specs[l][e];
                kinds[l][e] = s.kind;
                functions[l][e] = s.function;
                trainable[l][e] = effective(s);
            }
            for (int e = 0; e < edges; e++) {
                if (kinds[l][e] == EdgeKind.SPLINE) {
                    if (trainable[l][e].contains(EdgeParameter.SPLINE_COEFFICIENTS)) {
                        locs[l][4 * e] = p;
                        p += nb;
                    } else {
                        locs[l][4 * e] = ~q;
                        q += nb;
                    }
                }
            }
            for (int r = 1; r <= 2; r++) {
                EdgeParameter kind = r == 1 ? EdgeParameter.BASE_SCALE : EdgeParameter.SPLINE_SCALE;
                for (int e = 0; e < edges; e++) {
                    if (kinds[l][e] == EdgeKind.SPLINE) {
                        locs[l][4 * e + r] = trainable[l][e].contains(kind) ? p++ : ~(q++);
                    }
                }
            }
            for (int e = 0; e < edges; e++) {
                if (kinds[l][e] == EdgeKind.SYMBOLIC) {
                    for (int r = 0; r < 4; r++) {
                        locs[l][4 * e + r] = trainable[l][e].contains(SYMBOLIC_KINDS[r]) ? p++ : ~(q++);
                    }
                }
            }
        }
        this.parameters = new double[p];
        this.frozen = new double[q];
        for (int l = 0; l < layers; l++) {
            int nb = bases[l][0].size();
            for (int e = 0; e < kinds[l].length; e++) {
                double[] v = specs[l][e].values;
                if (kinds[l][e] == EdgeKind.SPLINE) {
                    int c = locs[l][4 * e];
                    double[] target = c >= 0 ? parameters : frozen;
                    System.arraycopy(v, 0, target, c >= 0 ? c : ~c, nb);
                    store(locs[l][4 * e + 1], v[nb]);
                    store(locs[l][4 * e + 2], v[nb + 1]);
                } else if (kinds[l][e] == EdgeKind.SYMBOLIC) {
                    for (int r = 0; r < 4; r++) {
                        store(locs[l][4 * e + r], v[r]);
                    }
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static EnumSet<EdgeParameter>[][] newSetTable(int n) {
        return new EnumSet[n][];
    }

    @SuppressWarnings("unchecked")
    private static EnumSet<EdgeParameter>[] newSetArray(int n) {
        return new EnumSet[n];
    }

    private static final EdgeParameter[] SYMBOLIC_KINDS = {
        EdgeParameter.INNER_SCALE, EdgeParameter.INNER_SHIFT, EdgeParameter.OUTER_SCALE, EdgeParameter.OUTER_SHIFT};

    private static EnumSet<EdgeParameter> effective(Spec s) {
        EnumSet<EdgeParameter> out = EnumSet.noneOf(EdgeParameter.class);
        if (s.kind == EdgeKind.SPLINE) {
            for (EdgeParameter p : EdgeParameter.spline()) {
                if (s.trainable.contains(p)) {
                    out.add(p);
                }
            }
        } else if (s.kind == EdgeKind.SYMBOLIC) {
            SymbolicFunction f = s.function;
            boolean[] free = {f.freeScale(), f.freeShift(), f.freeOuterScale(), true};
            for (int r = 0; r < 4; r++) {
                if (free[r] && s.trainable.contains(SYMBOLIC_KINDS[r])) {
                    out.add(SYMBOLIC_KINDS[r]);
                }
            }
        }
        return out;
    }

    private void store(int loc, double value) {
        if (loc >= 0) {
            parameters[loc] = value;
        } else {
            frozen[~loc] = value;
        }
    }

    double read(int loc) {
        return loc >= 0 ? parameters[loc] : frozen[~loc];
    }

    /** One edge's kind, function, constants and trainable kinds, for rebuilding networks. */
    private static final class Spec {
        final EdgeKind kind;
        final SymbolicFunction function;
        final double[] values;
        final EnumSet<EdgeParameter> trainable;

        Spec(EdgeKind kind, SymbolicFunction function, double[] values, Set<EdgeParameter> trainable) {
            this.kind = kind;
            this.function = function;
            this.values = values;
            this.trainable = trainable.isEmpty() ? EnumSet.noneOf(EdgeParameter.class) : EnumSet.copyOf(trainable);
        }
    }

    /**
     * The same network as {@code kan}, every edge a spline edge, every constant trainable: the
     * parameter vector equals the KAN's and every evaluation agrees with the KAN's to the last bit.
     */
    public static SymbolicKan of(Kan kan) {
        return of(kan, EdgeParameter.all());
    }

    /**
     * The same network as {@code kan}, every edge a spline edge, with the given constants trainable
     * (for example only {@link EdgeParameter#SPLINE_COEFFICIENTS}, as the trainer does for a KAN).
     */
    public static SymbolicKan of(Kan kan, Set<EdgeParameter> trainable) {
        int[] widths = kan.widths();
        int layers = kan.layerCount();
        EdgeBasis[][] bases = new EdgeBasis[layers][];
        Spec[][] specs = new Spec[layers][];
        double[] p = kan.parameters();
        for (int l = 0; l < layers; l++) {
            KanLayer layer = kan.layer(l);
            int nIn = layer.inputs();
            int nb = layer.basisSize();
            bases[l] = new EdgeBasis[nIn];
            for (int i = 0; i < nIn; i++) {
                bases[l][i] = layer.basis(i);
            }
            specs[l] = new Spec[layer.edges()];
            for (int j = 0; j < layer.outputs(); j++) {
                for (int i = 0; i < nIn; i++) {
                    double[] v = new double[nb + 2];
                    for (int m = 0; m < nb; m++) {
                        v[m] = p[layer.coefficientIndex(j, i, m)];
                    }
                    v[nb] = p[layer.baseScaleIndex(j, i)];
                    v[nb + 1] = p[layer.splineScaleIndex(j, i)];
                    specs[l][j * nIn + i] = new Spec(EdgeKind.SPLINE, null, v, trainable);
                }
            }
        }
        return new SymbolicKan(widths, bases, specs);
    }

    /**
     * The KAN this network equals; only for networks without symbolic edges (zero edges become
     * spline edges with w_b = w_s = 0 and zero coefficients, which stay zero as long as w_b does
     * not train).
     *
     * @throws IllegalStateException if an edge is symbolic
     */
    public Kan toKan() {
        int layers = layerCount();
        int count = 0;
        for (int l = 0; l < layers; l++) {
            count += kinds[l].length * (bases[l][0].size() + 2);
        }
        Kan kan = Kan.of(widths, bases, new double[count]);
        double[] p = kan.parameters();
        for (int l = 0; l < layers; l++) {
            KanLayer layer = kan.layer(l);
            int nIn = widths[l];
            int nb = bases[l][0].size();
            for (int e = 0; e < kinds[l].length; e++) {
                int j = e / nIn;
                int i = e % nIn;
                if (kinds[l][e] == EdgeKind.SYMBOLIC) {
                    throw new IllegalStateException("edge (" + l + ", " + j + ", " + i + ") is symbolic ("
                            + functions[l][e].id() + "); only spline and zero edges convert to a KAN");
                }
                if (kinds[l][e] == EdgeKind.SPLINE) {
                    double[] v = constants(l, j, i);
                    for (int m = 0; m < nb; m++) {
                        p[layer.coefficientIndex(j, i, m)] = v[m];
                    }
                    p[layer.baseScaleIndex(j, i)] = v[nb];
                    p[layer.splineScaleIndex(j, i)] = v[nb + 1];
                }
            }
        }
        return kan;
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
    public LayerChain evaluator(Derivatives level) {
        LayerEdges[] edges = new LayerEdges[layerCount()];
        for (int l = 0; l < edges.length; l++) {
            edges[l] = new SymbolicEdges(this, l);
        }
        return new LayerChain(this, level, edges);
    }

    @Override
    public SymbolicKan copy() {
        return rebuild(specs());
    }

    /** Layer widths [n_0, ..., n_L] (a copy). */
    public int[] widths() {
        return widths.clone();
    }

    /** Number of layers L. */
    public int layerCount() {
        return widths.length - 1;
    }

    /** The edge basis of input node i of layer l (shared by the spline edges leaving it). */
    public EdgeBasis basis(int l, int i) {
        checkNode(l, i);
        return bases[l][i];
    }

    /** Kind of edge (l, j, i): from input node i of layer l to output node j. */
    public EdgeKind kind(int l, int j, int i) {
        int e = edgeIndex(l, j, i);
        return kinds[l][e];
    }

    /** The function of a symbolic edge, or null for spline and zero edges. */
    public SymbolicFunction function(int l, int j, int i) {
        return functions[l][edgeIndex(l, j, i)];
    }

    /**
     * Current constants of an edge (a copy): spline {c_0 .. c_{G+k-1}, w_b, w_s}, symbolic
     * {a, b, c, d}, zero {}.
     */
    public double[] constants(int l, int j, int i) {
        int e = edgeIndex(l, j, i);
        int[] loc = locs[l];
        if (kinds[l][e] == EdgeKind.SPLINE) {
            int nb = bases[l][0].size();
            double[] v = new double[nb + 2];
            int c = loc[4 * e];
            System.arraycopy(c >= 0 ? parameters : frozen, c >= 0 ? c : ~c, v, 0, nb);
            v[nb] = read(loc[4 * e + 1]);
            v[nb + 1] = read(loc[4 * e + 2]);
            return v;
        }
        if (kinds[l][e] == EdgeKind.SYMBOLIC) {
            return new double[] {read(loc[4 * e]), read(loc[4 * e + 1]), read(loc[4 * e + 2]), read(loc[4 * e + 3])};
        }
        return new double[0];
    }

    /** The constants of edge (l, j, i) that train (an unmodifiable set). */
    public Set<EdgeParameter> trainable(int l, int j, int i) {
        return Collections.unmodifiableSet(trainable[l][edgeIndex(l, j, i)]);
    }

    /** Number of edges of each kind, in {@link EdgeKind} order. */
    public int[] edgeCounts() {
        int[] counts = new int[EdgeKind.values().length];
        for (EdgeKind[] layer : kinds) {
            for (EdgeKind k : layer) {
                counts[k.ordinal()]++;
            }
        }
        return counts;
    }

    /**
     * The edge function phi of edge (l, j, i) and its first three derivatives at x.
     *
     * @param out receives phi, phi', phi'', phi''' (length &gt;= 4; modified)
     */
    public void edge(int l, int j, int i, double x, double[] out) {
        int e = edgeIndex(l, j, i);
        int[] loc = locs[l];
        if (kinds[l][e] == EdgeKind.SPLINE) {
            EdgeBasis basis = bases[l][i];
            double[] spline = new double[4];
            double[] work = new double[4 * basis.activeCount()];
            int c = loc[4 * e];
            basis.evaluateSum(c >= 0 ? parameters : frozen, c >= 0 ? c : ~c, x, 3, spline, work);
            double[] base = new double[4];
            Silu.derivatives(x, base, 0);
            double wb = read(loc[4 * e + 1]);
            double ws = read(loc[4 * e + 2]);
            for (int t = 0; t < 4; t++) {
                out[t] = wb * base[t] + ws * spline[t];
            }
        } else if (kinds[l][e] == EdgeKind.SYMBOLIC) {
            double a = read(loc[4 * e]);
            double b = read(loc[4 * e + 1]);
            double c = read(loc[4 * e + 2]);
            double d = read(loc[4 * e + 3]);
            functions[l][e].derivatives(a * x + b, out, 0);
            out[0] = c * out[0] + d;
            out[1] = c * a * out[1];
            out[2] = c * a * a * out[2];
            out[3] = c * a * a * a * out[3];
        } else {
            Arrays.fill(out, 0, 4, 0.0);
        }
    }

    /**
     * Values at every node of every layer for a set of points: {@code result[l][n * n_l + i]} is
     * node i of layer l (l = 0 the input, l = L the output) at point n.
     *
     * @param points flat n x d coordinates
     * @throws IllegalArgumentException if the length is not a multiple of the input dimension, or
     *                                  n times a layer's width exceeds the largest Java array
     */
    public double[][] nodeValues(double[] points) {
        int d = inputDimension();
        if (points.length % d != 0) {
            throw new IllegalArgumentException("point array length " + points.length
                    + " is not a multiple of the input dimension " + d);
        }
        int n = points.length / d;
        double[][] out = new double[widths.length][];
        for (int l = 0; l < widths.length; l++) {
            out[l] = new double[Kan.nodeArrayLength(n, widths[l], l)];
        }
        LayerChain ev = evaluator(Derivatives.VALUE);
        for (int t = 0; t < n; t++) {
            ev.forward(points, t * d);
            for (int l = 0; l < widths.length; l++) {
                for (int i = 0; i < widths[l]; i++) {
                    out[l][t * widths[l] + i] = ev.nodeValue(l, i);
                }
            }
        }
        return out;
    }


    /**
     * The network with edge (l, j, i) replaced by the symbolic edge c f(a x + b) + d. Its a, b, c, d
     * train where f's canonical form frees them (change with {@link #withTrainable(int, int, int, Set)}).
     * Constants that the canonical form fixes are taken as given (e.g. a = -1 for sqrt(-x + b)).
     *
     * @throws IllegalArgumentException if a constant is not finite or the edge does not exist
     */
    public SymbolicKan withSymbolic(int l, int j, int i, SymbolicFunction f, double a, double b, double c, double d) {
        int e = edgeIndex(l, j, i);
        if (f == null) {
            throw new IllegalArgumentException("symbolic function must not be null");
        }
        double[] v = {a, b, c, d};
        for (int r = 0; r < 4; r++) {
            if (!Double.isFinite(v[r])) {
                throw new IllegalArgumentException("constant " + "abcd".charAt(r) + " of edge (" + l + ", " + j + ", " + i
                        + ") must be finite, got " + v[r]);
            }
        }
        Spec[][] specs = specs();
        specs[l][e] = new Spec(EdgeKind.SYMBOLIC, f, v, EdgeParameter.symbolic());
        return rebuild(specs);
    }

    /** The network with edge (l, j, i) replaced by a fitted formula. */
    public SymbolicKan withSymbolic(int l, int j, int i, SymbolicFit fit) {
        return withSymbolic(l, j, i, fit.function(), fit.a(), fit.b(), fit.c(), fit.d());
    }

    /** The network with edge (l, j, i) removed (exactly zero, no parameters). */
    public SymbolicKan withZero(int l, int j, int i) {
        int e = edgeIndex(l, j, i);
        Spec[][] specs = specs();
        specs[l][e] = new Spec(EdgeKind.ZERO, null, new double[0], EnumSet.noneOf(EdgeParameter.class));
        return rebuild(specs);
    }

    /**
     * The network with {@code delta} added to edge (l, j, i): d += delta on a symbolic edge; on a
     * basis edge the coefficients of the constant function, divided by w_s, are added (all ones for
     * B-splines, which sum to one everywhere, beyond the grid too; T_0 for Chebyshev polynomials).
     *
     * @throws IllegalArgumentException if delta is not finite, the edge is zero, or a basis edge
     *                                  with w_s = 0 or whose basis has no constant function (see
     *                                  {@link #canShift}), or a shifted constant would not be finite
     */
    public SymbolicKan withShift(int l, int j, int i, double delta) {
        int e = edgeIndex(l, j, i);
        if (!Double.isFinite(delta)) {
            throw new IllegalArgumentException("shift of edge (" + l + ", " + j + ", " + i + ") must be finite, got " + delta);
        }
        if (!canShift(l, j, i)) {
            throw new IllegalArgumentException("edge (" + l + ", " + j + ", " + i + ") cannot take a constant: "
                    + (kinds[l][e] == EdgeKind.ZERO ? "it is zero" : kinds[l][e] == EdgeKind.SPLINE && read(locs[l][4 * e + 2]) == 0
                    ? "its w_s is 0" : "its basis " + bases[l][i].describe() + " has no constant function"));
        }
        Spec[][] specs = specs();
        double[] v = specs[l][e].values;
        if (kinds[l][e] == EdgeKind.SYMBOLIC) {
            v[3] += delta;
            checkShifted(l, j, i, -1, v[3], delta);
        } else {
            double[] one = constantCoefficients(bases[l][i]);
            double ws = v[one.length + 1];
            for (int m = 0; m < one.length; m++) {
                v[m] += delta * one[m] / ws;
                checkShifted(l, j, i, m, v[m], delta);
            }
        }
        return rebuild(specs);
    }

    /**
     * A finite delta can still overflow a constant (a huge delta, or a tiny w_s).
     *
     * @param m the coefficient shifted, or -1 for the constant d of a symbolic edge
     */
    private static void checkShifted(int l, int j, int i, int m, double value, double delta) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("shift " + delta + " of edge (" + l + ", " + j + ", " + i + ") makes its "
                    + (m < 0 ? "constant d" : "coefficient " + m) + " " + value);
        }
    }

    /** Whether {@link #withShift} can add a constant to edge (l, j, i). */
    public boolean canShift(int l, int j, int i) {
        int e = edgeIndex(l, j, i);
        if (kinds[l][e] == EdgeKind.SYMBOLIC) {
            return true;
        }
        return kinds[l][e] == EdgeKind.SPLINE && read(locs[l][4 * e + 2]) != 0 && constantCoefficients(bases[l][i]) != null;
    }

    /**
     * Coefficients that make the basis the constant 1, checked at points across and beyond its range:
     * all ones (a partition of unity, as B-splines) or the first unit vector (a constant first
     * function, as Chebyshev T_0); null if neither.
     */
    static double[] constantCoefficients(EdgeBasis basis) {
        int n = basis.size();
        int active = basis.activeCount();
        double[] work = new double[active];
        double lo = basis.lower();
        double hi = basis.upper();
        boolean unity = true;
        boolean first = true;
        for (int t = 0; t <= 20; t++) {
            double x = lo + (hi - lo) * (-0.25 + 1.5 * t / 20);
            int f = basis.evaluate(x, 0, work, 0);
            double sum = 0;
            for (int m = 0; m < active; m++) {
                sum += work[m];
            }
            unity &= Math.abs(sum - 1) <= 1e-12;
            first &= f == 0 && Math.abs(work[0] - 1) <= 1e-12;
        }
        double[] c = new double[n];
        if (unity) {
            Arrays.fill(c, 1.0);
            return c;
        }
        if (first) {
            c[0] = 1.0;
            return c;
        }
        return null;
    }

    /** The network with the given kinds of constants trainable on every edge (all others frozen). */
    public SymbolicKan withTrainable(Set<EdgeParameter> kinds) {
        Spec[][] specs = specs();
        for (Spec[] layer : specs) {
            for (int e = 0; e < layer.length; e++) {
                layer[e] = new Spec(layer[e].kind, layer[e].function, layer[e].values, kinds);
            }
        }
        return rebuild(specs);
    }

    /** The network with the given kinds of constants trainable on edge (l, j, i) (its others frozen). */
    public SymbolicKan withTrainable(int l, int j, int i, Set<EdgeParameter> kinds) {
        int e = edgeIndex(l, j, i);
        Spec[][] specs = specs();
        Spec s = specs[l][e];
        specs[l][e] = new Spec(s.kind, s.function, s.values, kinds);
        return rebuild(specs);
    }

    /**
     * The sub-network on the given nodes: {@code keep[l]} lists, increasing, the nodes of layer l
     * that stay (every input node and the output node must stay). Edges between kept nodes keep
     * their kinds, constants and trainable kinds; edges at removed nodes disappear.
     *
     * @param keep one index list per layer 0 .. L
     * @throws IllegalArgumentException if a list is empty, not increasing, out of range, or drops an
     *                                  input or the output
     */
    public SymbolicKan keepNodes(int[][] keep) {
        if (keep.length != widths.length) {
            throw new IllegalArgumentException("need one node list per layer 0.." + (widths.length - 1) + ", got "
                    + keep.length);
        }
        for (int l = 0; l < keep.length; l++) {
            int[] k = keep[l];
            if (k.length == 0) {
                throw new IllegalArgumentException("layer " + l + " must keep at least one node");
            }
            for (int t = 0; t < k.length; t++) {
                if (k[t] < 0 || k[t] >= widths[l] || (t > 0 && k[t] <= k[t - 1])) {
                    throw new IllegalArgumentException("node list of layer " + l + " must increase within [0, " + widths[l]
                            + "), got " + Arrays.toString(k));
                }
            }
        }
        if (keep[0].length != widths[0]) {
            throw new IllegalArgumentException("every input node must stay, got " + Arrays.toString(keep[0]));
        }
        int layers = layerCount();
        Spec[][] old = specs();
        int[] newWidths = new int[widths.length];
        for (int l = 0; l < widths.length; l++) {
            newWidths[l] = keep[l].length;
        }
        EdgeBasis[][] newBases = new EdgeBasis[layers][];
        Spec[][] specs = new Spec[layers][];
        for (int l = 0; l < layers; l++) {
            int nIn = newWidths[l];
            newBases[l] = new EdgeBasis[nIn];
            for (int i = 0; i < nIn; i++) {
                newBases[l][i] = bases[l][keep[l][i]];
            }
            specs[l] = new Spec[nIn * newWidths[l + 1]];
            for (int j = 0; j < newWidths[l + 1]; j++) {
                for (int i = 0; i < nIn; i++) {
                    specs[l][j * nIn + i] = old[l][keep[l + 1][j] * widths[l] + keep[l][i]];
                }
            }
        }
        return new SymbolicKan(newWidths, newBases, specs);
    }

    /** The network as one formula with constants rounded to {@code digits} decimal places. */
    public SymbolicFormula formula(int digits) {
        return SymbolicFormula.of(this, digits);
    }

    private SymbolicKan rebuild(Spec[][] specs) {
        return new SymbolicKan(widths, bases, specs);
    }

    /** Current specifications, with the current constant values. */
    private Spec[][] specs() {
        int layers = layerCount();
        Spec[][] specs = new Spec[layers][];
        for (int l = 0; l < layers; l++) {
            int nIn = widths[l];
            specs[l] = new Spec[kinds[l].length];
            for (int e = 0; e < kinds[l].length; e++) {
                specs[l][e] = new Spec(kind(l, e / nIn, e % nIn), functions[l][e], constants(l, e / nIn, e % nIn),
                        trainable[l][e]);
            }
        }
        return specs;
    }

    int edgeIndex(int l, int j, int i) {
        if (l < 0 || l >= layerCount()) {
            throw new IllegalArgumentException("layer must be in [0, " + layerCount() + "), got " + l);
        }
        if (j < 0 || j >= widths[l + 1]) {
            throw new IllegalArgumentException("output node of layer " + l + " must be in [0, " + widths[l + 1] + "), got " + j);
        }
        if (i < 0 || i >= widths[l]) {
            throw new IllegalArgumentException("input node of layer " + l + " must be in [0, " + widths[l] + "), got " + i);
        }
        return j * widths[l] + i;
    }

    private void checkNode(int l, int i) {
        if (l < 0 || l >= layerCount()) {
            throw new IllegalArgumentException("layer must be in [0, " + layerCount() + "), got " + l);
        }
        if (i < 0 || i >= widths[l]) {
            throw new IllegalArgumentException("input node of layer " + l + " must be in [0, " + widths[l] + "), got " + i);
        }
    }

    @Override
    public String describe() {
        int[] c = edgeCounts();
        StringBuilder sb = new StringBuilder("symbolic KAN ").append(Arrays.toString(widths).replace(" ", ""));
        sb.append(" (").append(c[EdgeKind.SYMBOLIC.ordinal()]).append(" symbolic, ").append(c[EdgeKind.SPLINE.ordinal()]).append(" spline");
        if (c[EdgeKind.ZERO.ordinal()] > 0) {
            sb.append(", ").append(c[EdgeKind.ZERO.ordinal()]).append(" zero");
        }
        return sb.append(" edges)").toString();
    }

    @Override
    public String toString() {
        return describe() + " (" + parameters.length + " parameters, " + frozen.length + " frozen)";
    }
}
