package org.kanpde.plots;

import java.nio.file.Path;
import java.util.List;

/**
 * The files of one written figure: the same picture as PNG (for quick looks and the HTML report) and
 * as SVG (for papers).
 *
 * @param title   what the figure shows, used as its caption's first sentence in reports
 * @param png     the PNG file
 * @param svg     the SVG file
 * @param caption what a reader needs to read the figure (what is plotted, how, what is left out),
 *                or empty
 */
public record FigureFiles(String title, Path png, Path svg, String caption) {

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
        caption = caption == null ? "" : caption.trim();
    }

    /** The files of a figure without a caption. */
    public FigureFiles(String title, Path png, Path svg) {
        this(title, png, svg, "");
    }

    /** Both files, PNG first. */
    public List<Path> paths() {
        return List.of(png, svg);
    }
}
