package org.kanpde.net.kan;

import org.kanpde.net.spline.BSplineBasis;

/**
 * The structure of one KAN layer: n_in x n_out edges phi_ji(x) = w_b,ji silu(x) + w_s,ji
 * sum_m c_jim N_m(x), where edges leaving input node i share the B-spline basis of that node
 * (its grid follows that node's inputs). Immutable; the parameters live in the network's flat array.
 *
 * <p>Parameter layout, starting at {@link #offset()}: the spline coefficients
 * c[(j*n_in + i)*(G+k) + m], then the base scales w_b[j*n_in + i], then the spline scales
 * w_s[j*n_in + i].
 */
public final class KanLayer {
    private final int inputs;
    private final int outputs;
    private final BSplineBasis[] bases;
    private final int offset;

    /**
     * @param bases  one basis per input node; all of the same size G + k and degree k
     * @param outputs n_out &gt;= 1
     * @param offset index of this layer's first parameter in the network's parameter array
     */
    KanLayer(BSplineBasis[] bases, int outputs, int offset) {
        this.inputs = bases.length;
        this.outputs = outputs;
        this.bases = bases.clone();
        this.offset = offset;
        for (BSplineBasis b : bases) {
            if (b.size() != bases[0].size() || b.degree() != bases[0].degree()) {
                throw new IllegalArgumentException("all input nodes of a layer need the same grid size and order, got "
                        + b + " and " + bases[0]);
            }
        }
    }

    /** n_in. */
    public int inputs() {
        return inputs;
    }

    /** n_out. */
    public int outputs() {
        return outputs;
    }

    /** Number of edges n_in * n_out. */
    public int edges() {
        return inputs * outputs;
    }

    /** Grid intervals G. */
    public int gridSize() {
        return bases[0].intervals();
    }

    /** Spline order k. */
    public int degree() {
        return bases[0].degree();
    }

    /** Coefficients per edge, G + k. */
    public int basisSize() {
        return bases[0].size();
    }

    /** The basis of input node i. */
    public BSplineBasis basis(int i) {
        return bases[i];
    }

    /** Index of this layer's first parameter. */
    public int offset() {
        return offset;
    }

    /** Number of parameters of this layer. */
    public int parameterCount() {
        return edges() * (basisSize() + 2);
    }

    /** Index of coefficient m of edge (j, i). */
    public int coefficientIndex(int j, int i, int m) {
        return offset + (j * inputs + i) * basisSize() + m;
    }

    /** Index of the base scale w_b of edge (j, i). */
    public int baseScaleIndex(int j, int i) {
        return offset + edges() * basisSize() + j * inputs + i;
    }

    /** Index of the spline scale w_s of edge (j, i). */
    public int splineScaleIndex(int j, int i) {
        return offset + edges() * (basisSize() + 1) + j * inputs + i;
    }
}
