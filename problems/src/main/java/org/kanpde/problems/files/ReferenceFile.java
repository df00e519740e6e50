package org.kanpde.problems.files;

import java.util.Arrays;

import org.kanpde.solver.geometry.Domain;
import org.kanpde.solver.problem.ReferenceData;

/**
 * Reads reference solutions in the text format of COMSOL exports (which PINNacle ships): one point
 * per line, the d coordinates and then the value u, separated by commas or blanks; blank lines and
 * lines starting with {@code %} or {@code #} are comments. Every point must lie in the domain.
 */
final class ReferenceFile {

    private ReferenceFile() {
    }

    /**
     * @param text   the file's text
     * @param name   the file name, for messages
     * @param domain the problem's domain (its dimension fixes the column count)
     * @return the data
     * @throws IllegalArgumentException naming the file and line of the first bad row, or if there is
     *                                  no data row
     */
    static ReferenceData parse(String text, String name, Domain domain) {
        int d = domain.dimension();
        double[] points = new double[1024 * d];
        double[] values = new double[1024];
        int n = 0;
        int lineNumber = 0;
        double[] z = new double[d];
        for (String raw : text.split("\r\n|\r|\n", -1)) {
            lineNumber++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("%") || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\s*,\\s*|\\s+");
            if (fields.length != d + 1) {
                throw new IllegalArgumentException(name + " line " + lineNumber + ": expected " + (d + 1) + " numbers ("
                        + d + " coordinates and u) separated by commas or blanks, got " + fields.length + ": '" + clip(line) + "'");
            }
            if (n == values.length) {
                values = Arrays.copyOf(values, 2 * n);
                points = Arrays.copyOf(points, 2 * n * d);
            }
            for (int k = 0; k <= d; k++) {
                double v;
                try {
                    v = Double.parseDouble(fields[k]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(name + " line " + lineNumber + ": '" + clip(fields[k]) + "' is not a number");
                }
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(name + " line " + lineNumber + ": '" + clip(fields[k]) + "' is not finite");
                }
                if (k < d) {
                    z[k] = v;
                } else {
                    values[n] = v;
                }
            }
            if (!domain.contains(z)) {
                throw new IllegalArgumentException(name + " line " + lineNumber + ": the point " + Arrays.toString(z)
                        + " is outside the domain (" + clip(domain.toString()) + ")");
            }
            System.arraycopy(z, 0, points, n * d, d);
            n++;
        }
        if (n == 0) {
            throw new IllegalArgumentException(name + " has no data rows (only comments or blank lines)");
        }
        return new ReferenceData(name, d, Arrays.copyOf(points, n * d), Arrays.copyOf(values, n));
    }

    private static String clip(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
