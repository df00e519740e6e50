package org.kanpde.problems.files;

/**
 * A problem file that cannot be read as a problem. The one-line message names the file, the place
 * in it (a JSON path such as {@code boundary.xmin.value}, or a line and column for malformed JSON)
 * and the bad value, e.g.
 * {@code my.json: domain.type: unknown domain type 'sphere'; types: box, disk, polygon, lshape}.
 */
public final class ProblemFileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The file or source name. */
    private final String sourceName;
    /** JSON path of the bad value, empty for the whole file. */
    private final String path;
    /** What was wrong. */
    private final String detail;

    ProblemFileException(String sourceName, String path, String detail) {
        this(sourceName, path, detail, null);
    }

    ProblemFileException(String sourceName, String path, String detail, Throwable cause) {
        super(sourceName + ": " + (path.isEmpty() ? "" : path + ": ") + detail, cause);
        this.sourceName = sourceName;
        this.path = path;
        this.detail = detail;
    }

    /** @return the file or source name given when reading */
    public String sourceName() {
        return sourceName;
    }

    /** @return the JSON path of the bad value, e.g. {@code domain.min[1]}; empty for the whole file */
    public String path() {
        return path;
    }

    /** @return what was wrong, without the file name and path */
    public String detail() {
        return detail;
    }
}
