package org.kanpde.solver.io;

/** A model file that cannot be read: malformed, truncated, of an unknown version or inconsistent. */
public class ModelFileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @param message names the file and what is wrong with it */
    public ModelFileException(String message) {
        super(message);
    }

    /** @param message names the file and what is wrong; cause the parser's exception */
    public ModelFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
