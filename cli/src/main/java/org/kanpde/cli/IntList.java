package org.kanpde.cli;

import picocli.CommandLine.TypeConversionException;
import org.kanpde.cli.console.BadInputException;

/** Parses comma-separated positive integers such as {@code 2,10,1}, naming the bad entry on error. */
final class IntList {
    private IntList() {
    }

    /** Parses the value of option {@code option}; null stays null. */
    static int[] option(String option, String value) {
        if (value == null) {
            return null;
        }
        try {
            return parse(value);
        } catch (TypeConversionException e) {
            throw new BadInputException(option + " " + e.getMessage());
        }
    }

    static int[] parse(String value) {
        String text = value == null ? "" : value.trim();
        if (text.isEmpty()) {
            throw new TypeConversionException("'" + value + "' is empty; expected comma-separated positive integers like 2,10,1");
        }
        String[] parts = text.split(",", -1);
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.isEmpty()) {
                throw new TypeConversionException("'" + value + "' has an empty entry at position " + (i + 1)
                        + "; expected comma-separated positive integers like 2,10,1");
            }
            try {
                out[i] = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "': '" + p + "' is not an integer");
            }
            if (out[i] < 1) {
                throw new TypeConversionException("'" + value + "': entries must be >= 1, got " + out[i]);
            }
        }
        return out;
    }
}
