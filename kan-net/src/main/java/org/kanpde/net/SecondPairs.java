package org.kanpde.net;

/**
 * The (k, l) index pairs of the second derivatives a {@link Jet} carries, in storage order.
 *
 * <p>Diagonal mode stores (0,0), (1,1), ...; full mode stores the upper triangle row by row:
 * (0,0), (0,1), ..., (0,d-1), (1,1), .... Propagation rules are written once over these pairs,
 * so the diagonal and the full Hessian share one code path.
 */
public final class SecondPairs {
    private final int[] first;
    private final int[] second;

    private SecondPairs(int[] first, int[] second) {
        this.first = first;
        this.second = second;
    }

    /** The pairs carried at {@code level} for inputs of dimension {@code d}. */
    public static SecondPairs of(Derivatives level, int d) {
        int count = level.secondCount(d);
        int[] k = new int[count];
        int[] l = new int[count];
        if (level == Derivatives.HESSIAN_DIAGONAL) {
            for (int p = 0; p < d; p++) {
                k[p] = p;
                l[p] = p;
            }
        } else if (level == Derivatives.HESSIAN) {
            int p = 0;
            for (int a = 0; a < d; a++) {
                for (int b = a; b < d; b++) {
                    k[p] = a;
                    l[p] = b;
                    p++;
                }
            }
        }
        return new SecondPairs(k, l);
    }

    /** Number of pairs. */
    public int count() {
        return first.length;
    }

    /** Row index k of pair p. */
    public int k(int p) {
        return first[p];
    }

    /** Column index l of pair p. */
    public int l(int p) {
        return second[p];
    }

    /** Index of pair (k, l) (either order), or -1 if it is not carried. */
    public int indexOf(int k, int l) {
        int a = Math.min(k, l);
        int b = Math.max(k, l);
        for (int p = 0; p < first.length; p++) {
            if (first[p] == a && second[p] == b) {
                return p;
            }
        }
        return -1;
    }
}
