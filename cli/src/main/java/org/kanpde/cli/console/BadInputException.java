package org.kanpde.cli.console;

/** Bad input found while running a command (a missing file, a dimension mismatch): exit code 2. */
public final class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message one line naming the bad value */
    public BadInputException(String message) {
        super(message);
    }
}
