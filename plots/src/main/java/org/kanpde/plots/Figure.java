package org.kanpde.plots;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.ui.Drawable;
import org.jfree.svg.SVGGraphics2D;
import org.kanpde.solver.io.AtomicFile;

/**
 * A picture of a given size made of one or more panels (charts, usually JFreeCharts), with an
 * optional title and subtitle above them, that can be written as PNG and SVG. The same drawing code
 * produces both formats, so they show the same thing.
 *
 * <p>Files are written atomically (a temporary file in the same directory, then a rename), so a
 * crash never leaves a half-written figure. Works headless. A figure draws its panels anew every
 * time; it is not safe to draw one figure from several threads at once, because charts are mutable.
 */
public final class Figure {
    /** Largest accepted width or height in pixels; beyond it a PNG would need hundreds of megabytes. */
    public static final int MAX_SIZE = 16_384;

    private static final int TITLE_BAND = 38;
    private static final int SUBTITLE_BAND = 24;

    private final String title;
    private final String subtitle;
    private final boolean drawTitle;
    private final List<Panel> panels;
    private final int width;
    private final int height;
    private final String caption;

    /**
     * One panel: something drawable and where it goes, as fractions of the area below the title.
     */
    record Panel(Drawable content, double x, double y, double w, double h) {
    }

    Figure(String title, String subtitle, boolean drawTitle, List<Panel> panels, int width, int height) {
        this(title, subtitle, drawTitle, panels, width, height, "");
    }

    private Figure(String title, String subtitle, boolean drawTitle, List<Panel> panels, int width, int height,
                   String caption) {
        checkSize(width, height);
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("every figure needs a title, got '" + title + "'");
        }
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("figure '" + title + "' has no panels");
        }
        this.title = title;
        this.subtitle = subtitle == null || subtitle.isBlank() ? null : subtitle;
        this.drawTitle = drawTitle;
        this.panels = List.copyOf(panels);
        this.width = width;
        this.height = height;
        this.caption = caption == null ? "" : caption.trim();
    }

    /**
     * A figure of one chart, which must carry its own title.
     *
     * @param chart  the chart
     * @param width  width in pixels, 1 to {@link #MAX_SIZE}
     * @param height height in pixels, 1 to {@link #MAX_SIZE}
     * @throws IllegalArgumentException if a size is out of range or the chart has no title
     */
    public static Figure of(JFreeChart chart, int width, int height) {
        if (chart == null) {
            throw new IllegalArgumentException("chart must not be null");
        }
        String text = chart.getTitle() == null ? null : chart.getTitle().getText();
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("every figure needs a title; this chart has '" + text + "'");
        }
        return new Figure(text, null, false, List.of(new Panel(chart, 0, 0, 1, 1)), width, height);
    }

    /**
     * A figure of panels laid out row by row in a grid, under a common title.
     *
     * @param title    the figure title (drawn above the panels)
     * @param subtitle a line under the title, or null
     * @param contents the panels, e.g. JFreeCharts, in reading order
     * @param columns  panels per row, at least 1
     * @param width    width in pixels, 1 to {@link #MAX_SIZE}
     * @param height   height in pixels, 1 to {@link #MAX_SIZE}
     * @throws IllegalArgumentException if the title is blank, there are no panels, columns &lt; 1 or a
     *                                  size is out of range
     */
    public static Figure grid(String title, String subtitle, List<? extends Drawable> contents, int columns, int width,
                              int height) {
        if (columns < 1) {
            throw new IllegalArgumentException("a figure grid needs at least 1 column, got " + columns);
        }
        if (contents == null || contents.isEmpty()) {
            throw new IllegalArgumentException("figure '" + title + "' has no panels");
        }
        int rows = (contents.size() + columns - 1) / columns;
        List<Panel> panels = new ArrayList<>();
        for (int t = 0; t < contents.size(); t++) {
            int row = t / columns;
            int col = t % columns;
            panels.add(new Panel(contents.get(t), (double) col / columns, (double) row / rows, 1.0 / columns, 1.0 / rows));
        }
        return new Figure(title, subtitle, true, panels, width, height);
    }

    /**
     * The same figure at another size (panels keep their relative places).
     *
     * @throws IllegalArgumentException if a size is out of range
     */
    public Figure withSize(int width, int height) {
        return new Figure(title, subtitle, drawTitle, panels, width, height, caption);
    }

    /**
     * The same figure with a caption for reports: what is plotted and how, in sentences (not drawn).
     *
     * @param text the caption; null or blank for none
     */
    public Figure withCaption(String text) {
        return new Figure(title, subtitle, drawTitle, panels, width, height, text);
    }

    /** The caption for reports, or empty. */
    public String caption() {
        return caption;
    }

    /** What the figure shows; also the first sentence of its caption in reports. */
    public String title() {
        return title;
    }

    /** Width in pixels. */
    public int width() {
        return width;
    }

    /** Height in pixels. */
    public int height() {
        return height;
    }

    /** The subtitle, or null. */
    String subtitle() {
        return subtitle;
    }

    /** The panels in drawing order. */
    List<Panel> panels() {
        return panels;
    }

    /** Number of panels. */
    public int panelCount() {
        return panels.size();
    }

    /**
     * Draws the figure onto {@code g} in the rectangle (0, 0, width, height).
     *
     * @param g the target (its state is left unchanged)
     */
    public void draw(Graphics2D g) {
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.setPaint(Color.WHITE);
            g2.fill(new Rectangle2D.Double(0, 0, width, height));
            double top = 0;
            if (drawTitle) {
                top = drawCentred(g2, title, Theme.TITLE_FONT, TITLE_BAND, 0);
                if (subtitle != null) {
                    top = drawCentred(g2, subtitle, Theme.SUBTITLE_FONT, SUBTITLE_BAND, top);
                }
            }
            double areaHeight = Math.max(1, height - top);
            for (Panel p : panels) {
                Rectangle2D area = new Rectangle2D.Double(p.x() * width, top + p.y() * areaHeight, p.w() * width,
                        p.h() * areaHeight);
                Graphics2D panel = (Graphics2D) g2.create();
                try {
                    panel.clip(area);
                    p.content().draw(panel, area);
                } finally {
                    panel.dispose();
                }
            }
        } finally {
            g2.dispose();
        }
    }

    private double drawCentred(Graphics2D g, String text, java.awt.Font font, int band, double top) {
        g.setFont(font);
        g.setPaint(Theme.INK);
        FontMetrics metrics = g.getFontMetrics();
        String shown = text;
        // a title wider than the figure is cut with an ellipsis rather than clipped mid-letter
        while (metrics.stringWidth(shown) > width - 16 && shown.length() > 4) {
            shown = shown.substring(0, shown.length() - 4) + "…";
        }
        float x = (float) ((width - metrics.stringWidth(shown)) / 2.0);
        float y = (float) (top + (band + metrics.getAscent() - metrics.getDescent()) / 2.0);
        g.drawString(shown, x, y);
        return top + band;
    }

    /** The figure as an opaque RGB image of {@link #width()} x {@link #height()} pixels. */
    public BufferedImage toImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            draw(g);
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * The figure as a standalone SVG document. Written without the SVG 1.0 DOCTYPE that JFreeSVG adds,
     * whose DTD address would make validating XML readers go to the network.
     */
    public String toSvg() {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        draw(g);
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + g.getSVGElement() + "\n";
    }

    /**
     * Writes the figure as PNG, atomically.
     *
     * @param file the target; its directory must exist
     * @return the file
     * @throws IOException if writing fails (the target is then unchanged)
     */
    public Path writePng(Path file) throws IOException {
        BufferedImage image = toImage();
        return AtomicFile.write(file, out -> ChartUtils.writeBufferedImageAsPNG(out, image));
    }

    /**
     * Writes the figure as SVG (UTF-8), atomically.
     *
     * @param file the target; its directory must exist
     * @return the file
     * @throws IOException if writing fails (the target is then unchanged)
     */
    public Path writeSvg(Path file) throws IOException {
        String svg = toSvg();
        return AtomicFile.write(file, svg);
    }

    /**
     * Writes {@code baseName.png} and {@code baseName.svg} into {@code directory}, creating it if needed.
     *
     * @param directory the output directory
     * @param baseName  the file name without extension: no path separators, not starting with '.'
     * @return the written files, titled with {@link #title()} and carrying the {@link #caption()}
     * @throws IllegalArgumentException if the directory is an existing file or the base name is bad
     * @throws IOException              if writing fails
     */
    public FigureFiles write(Path directory, String baseName) throws IOException {
        OutputPaths.directory(directory);
        OutputPaths.baseName(baseName);
        Path png = writePng(directory.resolve(baseName + ".png"));
        Path svg = writeSvg(directory.resolve(baseName + ".svg"));
        return new FigureFiles(title, png, svg, caption);
    }

    /** Height in pixels of the band above the panels of a figure with a title drawn by the figure. */
    static int titleHeight(boolean withSubtitle) {
        return TITLE_BAND + (withSubtitle ? SUBTITLE_BAND : 0);
    }

    static void checkSize(int width, int height) {
        if (width < 1 || width > MAX_SIZE) {
            throw new IllegalArgumentException("figure width must be in [1, " + MAX_SIZE + "] pixels, got " + width);
        }
        if (height < 1 || height > MAX_SIZE) {
            throw new IllegalArgumentException("figure height must be in [1, " + MAX_SIZE + "] pixels, got " + height);
        }
    }

    @Override
    public String toString() {
        return "Figure['" + title + "', " + width + "x" + height + ", " + panels.size() + " panel(s)]";
    }
}
