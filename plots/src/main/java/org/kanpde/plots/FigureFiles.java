package org.kanpde.plots;

import java.nio.file.Path;
import java.util.List;

/**
 * The files of one written figure: the same picture as PNG (for quick looks and the HTML report) and
 * as SVG (for papers).
 *
 * @param title what the figure shows, used as its caption in reports
 * @param png   the PNG file
 * @param svg   the SVG file
 */
public record FigureFiles(String title, Path png, Path svg) {

    /**
     * @throws IllegalArgumentException if a path is null or the title is blank
     */
    public FigureFiles {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("figure title must not be blank, got '" + title + "'");
        }
        if (png == null || svg == null) {
            throw new IllegalArgumentException("figure '" + title + "' needs both files, got png " + png + " and svg " + svg);
        }
    }

    /** Both files, PNG first. */
    public List<Path> paths() {
        return List.of(png, svg);
    }
}
