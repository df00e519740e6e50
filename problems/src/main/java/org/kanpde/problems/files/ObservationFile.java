package org.kanpde.problems.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.kanpde.solver.inverse.Observations;

/**
 * Reads observations of u from a CSV file: one row per observation, the d coordinates then u,
 * separated by commas; blank lines are skipped and the first line may be a header (it is one
 * when it does not parse as numbers). Every bad row is refused with its line number.
 */
public final class ObservationFile {
    private ObservationFile() {
    }

    /**
     * Reads a d-dimensional observation file.
     *
     * @param file      the CSV file
     * @param dimension d
     * @return the observations, in file order
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException naming the file, the line and what is wrong (column count,
     *                                  a token that is not a number, a non-finite number, no rows)
     */
    public static Observations read(Path file, int dimension) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString(), dimension);
    }

    /**
     * Parses the text of a d-dimensional observation file.
     *
     * @param text      the file's text
     * @param name      the file's name, for messages
     * @param dimension d
     * @return the observations, in file order
     * @throws IllegalArgumentException naming the file, the line and what is wrong
     */
    public static Observations parse(String text, String name, int dimension) {
        List<String> lines = text.lines().toList();
        int columns = dimension + 1;
        double[] points = new double[lines.size() * dimension];
        double[] values = new double[lines.size()];
        int n = 0;
        boolean first = true;
        for (int l = 0; l < lines.size(); l++) {
            String line = lines.get(l).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] tokens = line.split("\\s*,\\s*", -1);
            if (first && !numeric(tokens[0])) {
                // a header line
                first = false;
                continue;
            }
            first = false;
            String where = name + ": line " + (l + 1) + ": ";
            if (tokens.length != columns) {
                throw new IllegalArgumentException(where + "has " + tokens.length + " columns, expected " + columns
                        + " (" + dimension + " coordinates, then u)");
            }
            for (int k = 0; k < columns; k++) {
                double v;
                try {
                    v = Double.parseDouble(tokens[k]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(where + "column " + (k + 1) + " '" + tokens[k] + "' is not a number");
                }
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(where + "column " + (k + 1) + " is " + tokens[k] + ", not a finite number");
                }
                if (k < dimension) {
                    points[n * dimension + k] = v;
                } else {
                    values[n] = v;
                }
            }
            n++;
        }
        if (n == 0) {
            throw new IllegalArgumentException(name + ": has no observation rows");
        }
        return new Observations(dimension, java.util.Arrays.copyOf(points, n * dimension), java.util.Arrays.copyOf(values, n));
    }

    private static boolean numeric(String token) {
        try {
            Double.parseDouble(token);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
