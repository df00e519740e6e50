package org.kanpde.plots;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.kanpde.solver.geometry.Domain;
import org.kanpde.solver.io.AtomicFile;
import org.kanpde.solver.problem.Problem;

/**
 * A self-contained HTML page about one problem and the runs that solved it: the problem (name,
 * description, equation, source, domain, boundary conditions with their data, exact solution, each
 * formula shown where its field carries one), each run's setup and results side by side (bold only
 * for a column's clear winner, never for ties), the figures inline with their captions and links to
 * their SVG versions, and notes. The CSS is inline and nothing is loaded from the network; figures
 * are linked relative to the report's directory, so the directory can be moved or zipped as a whole.
 * Numbers never break across lines, and wide tables scroll. All text is escaped. Immutable; build
 * with {@link #builder(String)}.
 */
public final class HtmlReport {
    /** Name of the written file. */
    public static final String FILE_NAME = "report.html";

    private static final String CSS = String.join("\n",
            "body { font-family: 'DejaVu Sans', 'Segoe UI', Helvetica, Arial, sans-serif; color: #222;",
            "       max-width: 1800px; margin: 24px auto; padding: 0 24px; line-height: 1.45; font-size: 16px; }",
            "h1 { font-size: 28px; margin-bottom: 4px; }",
            "h2 { font-size: 21px; margin-top: 32px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }",
            "h3 { font-size: 17px; margin: 18px 0 6px; }",
            "dl.problem { display: grid; grid-template-columns: max-content 1fr; gap: 6px 18px; }",
            "dl.problem dt { font-weight: bold; }",
            "dl.problem dd { margin: 0; overflow-wrap: anywhere; }",
            "code { font-family: 'DejaVu Sans Mono', Consolas, monospace; background: #f4f4f4; padding: 1px 4px; }",
            // a wide table scrolls inside its box instead of squeezing numbers onto two lines
            ".table-wrap { overflow-x: auto; max-width: 100%; }",
            "table.runs { border-collapse: collapse; font-variant-numeric: tabular-nums; }",
            "table.runs th, table.runs td { border: 1px solid #ccc; padding: 6px 12px; vertical-align: top; }",
            "table.runs th { background: #f0f0f0; text-align: left; }",
            "table.runs th .sub { font-weight: normal; font-size: 13px; color: #555; }",
            "table.runs td.num { text-align: right; font-family: 'DejaVu Sans Mono', Consolas, monospace; white-space: nowrap; }",
            "table.runs td.nowrap { white-space: nowrap; }",
            "table.runs tr:nth-child(even) td { background: #fafafa; }",
            "details.stages { margin: 8px 0 0; font-size: 15px; }",
            "details.stages summary { cursor: pointer; font-weight: bold; }",
            "details.stages li { margin: 2px 0; }",
            ".figures { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; }",
            "figure { margin: 0; max-width: 100%; }",
            "figure img { max-width: 100%; height: auto; border: 1px solid #e4e4e4; }",
            // the caption may not widen the figure beyond its image
            "figcaption { font-size: 14px; color: #444; margin-top: 4px; width: 0; min-width: 100%; }",
            "figcaption .files { white-space: nowrap; }",
            ".muted { color: #666; }");

    private final String title;
    private final Problem problem;
    private final String equation;
    private final String exactSolution;
    private final List<RunSummary> runs;
    private final List<FigureFiles> figures;
    private final List<String> notes;
    private final List<TextTable> tables;

    private HtmlReport(Builder b) {
        this.title = b.title;
        this.problem = b.problem;
        this.equation = b.equation;
        this.exactSolution = b.exactSolution;
        this.runs = List.copyOf(b.runs);
        this.figures = List.copyOf(b.figures);
        this.notes = List.copyOf(b.notes);
        this.tables = List.copyOf(b.tables);
    }

    /**
     * A builder.
     *
     * @param title the page title
     * @throws IllegalArgumentException if the title is blank
     */
    public static Builder builder(String title) {
        return new Builder(title);
    }

    /** The runs in table order. */
    public List<RunSummary> runs() {
        return runs;
    }

    /** The figures in page order. */
    public List<FigureFiles> figures() {
        return figures;
    }

    /**
     * Every file the page links to (each figure's PNG and SVG), as absolute normalized paths, for a
     * report written into {@code directory}.
     */
    public List<Path> referencedFiles(Path directory) {
        List<Path> out = new ArrayList<>();
        for (FigureFiles f : figures) {
            for (Path p : f.paths()) {
                // the link is this path made relative to the directory, so it resolves back to it
                Html.relativeUrl(directory, p);
                out.add(p.toAbsolutePath().normalize());
            }
        }
        return out;
    }

    /**
     * Writes {@value #FILE_NAME} into {@code directory} (created if missing), atomically.
     *
     * @return the written file
     * @throws IllegalArgumentException if the directory is an existing file or a figure file is missing
     * @throws IOException              if writing fails
     */
    public Path write(Path directory) throws IOException {
        OutputPaths.directory(directory);
        for (FigureFiles f : figures) {
            for (Path p : f.paths()) {
                if (!Files.isRegularFile(p)) {
                    throw new IllegalArgumentException("figure '" + f.title() + "' file " + p + " does not exist");
                }
            }
        }
        String page = html(directory);
        return AtomicFile.write(directory.resolve(FILE_NAME), page);
    }

    /** The page, with figure links relative to {@code directory}. */
    public String html(Path directory) {
        StringBuilder sb = new StringBuilder(8192);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n<style>\n").append(CSS)
                .append("\n</style>\n</head>\n<body>\n<h1>").append(Html.escape(title)).append("</h1>\n");
        problemSection(sb);
        RunTables.append(sb, runs);
        tables.forEach(t -> t.append(sb));
        figuresSection(sb, directory);
        if (!notes.isEmpty()) {
            sb.append("<h2>Notes</h2>\n<ul>\n");
            for (String note : notes) {
                sb.append("<li>").append(Html.escape(note)).append("</li>\n");
            }
            sb.append("</ul>\n");
        }
        sb.append("<p class=\"muted\">Written by KAN-PDE.</p>\n</body>\n</html>\n");
        return sb.toString();
    }

    private void problemSection(StringBuilder sb) {
        if (problem == null && equation == null && exactSolution == null) {
            return;
        }
        sb.append("<h2>Problem</h2>\n<dl class=\"problem\">\n");
        if (problem != null) {
            row(sb, "name", "<code>" + Html.escape(problem.name()) + "</code>");
            if (!problem.description().isBlank()) {
                row(sb, "description", Html.escape(MathText.pretty(problem.description())));
            }
        }
        String shownEquation = equation != null ? equation : problem != null ? ProblemText.equation(problem) : null;
        if (shownEquation != null) {
            row(sb, "equation", "<code>" + Html.escape(shownEquation) + "</code>");
        }
        if (problem != null) {
            row(sb, "source", ProblemText.formula(problem.source()).map(f -> "<code>f = " + Html.escape(f) + "</code>")
                    .orElse("<span class=\"muted\">given as code, no formula recorded</span>"));
            row(sb, "domain", Html.escape(describe(problem.domain())));
            StringBuilder lines = new StringBuilder();
            for (String line : ProblemText.boundary(problem)) {
                lines.append(lines.length() == 0 ? "" : "<br>").append(Html.escape(line));
            }
            row(sb, "boundary", lines.toString());
        }
        row(sb, "exact solution", exactText());
        sb.append("</dl>\n");
    }

    /**
     * The exact solution: the text given to the builder, else the formula of the problem's field,
     * else what is known without a formula. Never "unknown" for a problem that has one.
     */
    private String exactText() {
        if (exactSolution != null) {
            return "<code>" + Html.escape(exactSolution) + "</code>";
        }
        if (problem == null || !problem.hasExactSolution()) {
            return "unknown (errors cannot be measured)";
        }
        return ProblemText.formula(problem.exactSolution()).map(u -> "<code>u* = " + Html.escape(u) + "</code>")
                .orElse(problem.description().isBlank() ? "known, given as code (no formula recorded)"
                        : "known, given as code (no formula recorded; the description above states it)");
    }

    private static void row(StringBuilder sb, String term, String html) {
        sb.append("<dt>").append(Html.escape(term)).append("</dt><dd>").append(html).append("</dd>\n");
    }

    static String describe(Domain domain) {
        double[] lo = domain.lower();
        double[] hi = domain.upper();
        StringBuilder box = new StringBuilder();
        for (int k = 0; k < lo.length; k++) {
            if (k > 0) {
                box.append(" × ");
            }
            box.append('[').append(ProblemText.number(lo[k])).append(", ").append(ProblemText.number(hi[k])).append(']');
        }
        // numbers stay ASCII here so that they can be copied into code; a box is its own bounding box
        String name = domain.toString().replace("] x [", "] × [");
        String bounds = box.toString();
        String bounding = name.endsWith(bounds) ? "" : ", bounding box " + bounds;
        return name + " (" + domain.dimension() + "-D" + bounding + ", measure " + ProblemText.number(domain.measure()) + ")";
    }

    /** Seconds with about three significant digits, never in exponent form. */
    static String seconds(double s) {
        if (Math.abs(s) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", s);
        }
        return String.format(Locale.ROOT, Math.abs(s) >= 10 ? "%.1f" : "%.2f", s);
    }

    /** Errors as 1.23e-04. */
    static String scientific(double v) {
        return String.format(Locale.ROOT, "%.2e", v);
    }

    private void figuresSection(StringBuilder sb, Path directory) {
        if (figures.isEmpty()) {
            return;
        }
        sb.append("<h2>Figures</h2>\n<p class=\"muted\">Click a figure for its SVG version.</p>\n<div class=\"figures\">\n");
        for (FigureFiles f : figures) {
            String png = Html.escape(Html.relativeUrl(directory, f.png()));
            String svg = Html.escape(Html.relativeUrl(directory, f.svg()));
            sb.append("<figure><a href=\"").append(svg).append("\"><img src=\"").append(png).append("\" alt=\"")
                    .append(Html.escape(f.title())).append('"').append(size(f.png())).append("></a>\n<figcaption><strong>")
                    .append(Html.escape(f.title())).append(".</strong>");
            if (!f.caption().isEmpty()) {
                sb.append(' ').append(Html.escape(f.caption()));
            }
            sb.append(" <span class=\"files\"><a href=\"").append(png).append("\">PNG</a> · <a href=\"").append(svg)
                    .append("\">SVG</a></span></figcaption></figure>\n");
        }
        sb.append("</div>\n");
    }

    /**
     * The PNG's width and height attributes, read from its header, so the page does not reflow as
     * images load; empty if the file cannot be read.
     */
    private static String size(Path png) {
        try (ImageInputStream in = ImageIO.createImageInputStream(png.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return "";
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return " width=\"" + reader.getWidth(0) + "\" height=\"" + reader.getHeight(0) + "\"";
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            return "";
        }
    }

    /** Builds an {@link HtmlReport}. */
    public static final class Builder {
        private final String title;
        private Problem problem;
        private String equation;
        private String exactSolution;
        private final List<RunSummary> runs = new ArrayList<>();
        private final List<FigureFiles> figures = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final List<TextTable> tables = new ArrayList<>();

        private Builder(String title) {
            if (title == null || title.isBlank()) {
                throw new IllegalArgumentException("report title must not be blank, got '" + title + "'");
            }
            this.title = title;
        }

        /**
         * The problem solved: its name, description, source, domain, boundary conditions and exact
         * solution are shown, and its equation unless {@link #equation} gives one.
         */
        public Builder problem(Problem p) {
            this.problem = p;
            return this;
        }

        /** The equation as text, e.g. {@code "-Δu = f in Ω, u = 0 on ∂Ω"}; default: derived from the problem. */
        public Builder equation(String text) {
            this.equation = blankToNull(text);
            return this;
        }

        /**
         * The exact solution as text, e.g. {@code "u = sin(πx) sin(πy²)"}; default: the formula of the
         * problem's exact field where it has one.
         */
        public Builder exactSolution(String text) {
            this.exactSolution = blankToNull(text);
            return this;
        }

        /**
         * Adds a row to the runs tables. A summary of a training result ({@link RunSummary#of(LabelledRun)})
         * carries the run's own setup: runs of one comparison need not share points or schedules.
         */
        public Builder run(RunSummary run) {
            if (run == null) {
                throw new IllegalArgumentException("run summary must not be null");
            }
            runs.add(run);
            return this;
        }

        /** Adds rows to the runs table. */
        public Builder runs(List<RunSummary> list) {
            list.forEach(this::run);
            return this;
        }

        /** Adds a figure. */
        public Builder figure(FigureFiles figure) {
            if (figure == null) {
                throw new IllegalArgumentException("figure must not be null");
            }
            figures.add(figure);
            return this;
        }

        /** Adds figures. */
        public Builder figures(List<FigureFiles> list) {
            list.forEach(this::figure);
            return this;
        }

        /** Adds a table of its own, shown after the runs tables (e.g. the errors of identified unknowns). */
        public Builder table(TextTable table) {
            if (table == null) {
                throw new IllegalArgumentException("table must not be null");
            }
            tables.add(table);
            return this;
        }

        /** Adds a note (plain text). */
        public Builder note(String text) {
            if (text != null && !text.isBlank()) {
                notes.add(text);
            }
            return this;
        }

        /** Builds the report. */
        public HtmlReport build() {
            return new HtmlReport(this);
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s;
        }
    }
}
