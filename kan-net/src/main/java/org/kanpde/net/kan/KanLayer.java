package org.kanpde.net.kan;

import org.kanpde.net.basis.BasisType;
import org.kanpde.net.basis.EdgeBasis;
import org.kanpde.net.basis.BSplineBasis;

/**
 * The structure of one KAN layer: n_in x n_out edges phi_ji(x) = w_b,ji silu(x) + w_s,ji
 * sum_m c_jim B_m(x), where edges leaving input node i share the edge basis of that node (its grid
 * or range follows that node's inputs). All nodes of a layer use the same kind and size of basis
 * (B-splines of one degree and grid size, Chebyshev polynomials of one degree, ...). Immutable; the
 * parameters live in the network's flat array.
 *
 * <p>Parameter layout, starting at {@link #offset()}: the basis coefficients
 * c[(j*n_in + i)*n_b + m] (n_b = {@link #basisSize()}), then the base scales w_b[j*n_in + i], then
 * the spline scales w_s[j*n_in + i].
 */
public final class KanLayer {
    private final int inputs;
    private final int outputs;
    private final EdgeBasis[] bases;
    private final int offset;

    /**
     * @param bases   one basis per input node; all of the same type, size, active count and degree
     * @param outputs n_out &gt;= 1
     * @param offset  index of this layer's first parameter in the network's parameter array
     */
    KanLayer(EdgeBasis[] bases, int outputs, int offset) {
        this.inputs = bases.length;
        this.outputs = outputs;
        this.bases = new EdgeBasis[bases.length];
        this.offset = offset;
        for (int i = 0; i < bases.length; i++) {
            EdgeBasis b = bases[i];
            if (b == null) {
                throw new IllegalArgumentException("the basis of input node " + i + " is missing");
            }
            EdgeBasis b0 = bases[0];
            if (b.type() != b0.type() || b.size() != b0.size() || b.gridSize() != b0.gridSize()
                    || b.degree() != b0.degree() || b.activeCount() != b0.activeCount()) {
                throw new IllegalArgumentException("all input nodes of a layer need the same basis type, size and degree, got "
                        + b.describe() + " and " + b0.describe());
            }
            this.bases[i] = b;
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

    /** The kind of edge basis. */
    public BasisType basisType() {
        return bases[0].type();
    }

    /**
     * The basis size parameter: grid intervals G for B-splines, degree n for Chebyshev, centres
     * for RBFs, frequencies for Fourier features.
     */
    public int gridSize() {
        return bases[0].gridSize();
    }

    /** Spline degree k for B-splines, degree n for Chebyshev, 0 for RBF and Fourier bases. */
    public int degree() {
        return bases[0].degree();
    }

    /** Coefficients per edge (G + k for B-splines). */
    public int basisSize() {
        return bases[0].size();
    }

    /** Basis functions evaluated per input at a point (k + 1 for B-splines). */
    public int activeCount() {
        return bases[0].activeCount();
    }

    /** The basis of input node i. */
    public EdgeBasis basis(int i) {
        return bases[i];
    }

    /**
     * The B-spline basis of input node i, for code that needs knots or grids.
     *
     * @throws IllegalStateException if this layer's edges are not B-splines (naming the basis)
     */
    public BSplineBasis bspline(int i) {
        if (!(bases[i] instanceof BSplineBasis)) {
            throw new IllegalStateException("layer edges are " + bases[i].describe() + ", not B-splines");
        }
        return (BSplineBasis) bases[i];
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
