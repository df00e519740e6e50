package org.kanpde.solver.residual;

/**
 * Turns a raw sparse Jacobian row of one network (parameter indices in ascending runs, as the
 * evaluators emit them: a KAN one run per layer, from the top down) into entries over the
 * trainable parameters, sorted, at an offset in a parameter vector: the forward residual system's
 * rows (offset 0) and the inverse system's rows of u and of each unknown (their offsets) alike.
 */
public final class SortedRows {
    private SortedRows() {
    }

    /**
     * Appends the free entries of a raw row to {@code outIndex}/{@code outValue} from position
     * {@code start}, each mapped through {@code freeIndex} (-1: not trainable) plus {@code offset},
     * in ascending order.
     *
     * @param index    raw parameter indices (overwritten as scratch)
     * @param value    raw values (overwritten as scratch)
     * @param raw      number of raw entries
     * @param runStart scratch of length &gt;= raw + 1
     * @return the number of entries appended
     */
    public static int append(int[] index, double[] value, int raw, int[] freeIndex, int offset, int[] outIndex, double[] outValue,
                      int start, int[] runStart) {
        int kept = 0;
        int runs = 0;
        int previous = Integer.MAX_VALUE;
        for (int t = 0; t < raw; t++) {
            int a = freeIndex[index[t]];
            if (a < 0) {
                continue;
            }
            if (a < previous) {
                runStart[runs++] = kept;
            }
            previous = a;
            index[kept] = a;
            value[kept++] = value[t];
        }
        runStart[runs] = kept;
        boolean disjoint = true;
        for (int r = 1; r < runs && disjoint; r++) {
            disjoint = index[runStart[r + 1] - 1] < index[runStart[r - 1]];
        }
        if (disjoint) {
            // runs that do not overlap: the sorted row is the runs in reverse order
            int m = start;
            for (int r = runs - 1; r >= 0; r--) {
                for (int t = runStart[r]; t < runStart[r + 1]; t++) {
                    outIndex[m] = index[t] + offset;
                    outValue[m++] = value[t];
                }
            }
            return kept;
        }
        for (int t = 0; t < kept; t++) {
            int a = index[t] + offset;
            int s = start + t;
            while (s > start && outIndex[s - 1] > a) {
                outIndex[s] = outIndex[s - 1];
                outValue[s] = outValue[s - 1];
                s--;
            }
            outIndex[s] = a;
            outValue[s] = value[t];
        }
        return kept;
    }
}
