package org.kanpde.plots;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.kanpde.solver.geometry.Domain;
import org.kanpde.solver.problem.BoundaryCondition;
import org.kanpde.solver.problem.Problem;

/**
 * A self-contained HTML page about one problem and the runs that solved it: the problem (name,
 * description, equation, domain, boundary conditions, exact solution), a side-by-side table of the
 * runs (lowest time and errors in bold), the figures inline with links to their SVG versions, and
 * notes. The CSS is inline and nothing is loaded from the network; figures are linked relative to
 * the report's directory, so the directory can be moved or zipped as a whole. All text is escaped.
 * Immutable; build with {@link #builder(String)}.
 */
public final class HtmlReport {
    /** Name of the written file. */
    public static final String FILE_NAME = "report.html";

    private static final String CSS = String.join("\n",
            "body { font-family: 'DejaVu Sans', 'Segoe UI', Helvetica, Arial, sans-serif; color: #222;",
            "       max-width: 1800px; margin: 24px auto; padding: 0 24px; line-height: 1.45; font-size: 16px; }",
            "h1 { font-size: 28px; margin-bottom: 4px; }",
            "h2 { font-size: 21px; margin-top: 32px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }",
            "dl.problem { display: grid; grid-template-columns: max-content 1fr; gap: 6px 18px; }",
            "dl.problem dt { font-weight: bold; }",
            "dl.problem dd { margin: 0; }",
            "code { font-family: 'DejaVu Sans Mono', Consolas, monospace; background: #f4f4f4; padding: 1px 4px; }",
            "table.runs { border-collapse: collapse; font-variant-numeric: tabular-nums; }",
            "table.runs th, table.runs td { border: 1px solid #ccc; padding: 6px 12px; }",
            "table.runs th { background: #f0f0f0; text-align: left; }",
            "table.runs td.num { text-align: right; font-family: 'DejaVu Sans Mono', Consolas, monospace; }",
            "table.runs tr:nth-child(even) td { background: #fafafa; }",
            ".figures { display: flex; flex-wrap: wrap; gap: 24px; }",
            "figure { margin: 0; max-width: 100%; }",
            "figure img { max-width: 100%; height: auto; border: 1px solid #e4e4e4; }",
            "figcaption { font-size: 14px; color: #444; margin-top: 4px; }",
            ".muted { color: #777; }");

    private final String title;
    private final Problem problem;
    private final String equation;
    private final String exactSolution;
    private final List<RunSummary> runs;
    private final List<FigureFiles> figures;
    private final List<String> notes;

    private HtmlReport(Builder b) {
        this.title = b.title;
        this.problem = b.problem;
        this.equation = b.equation;
        this.exactSolution = b.exactSolution;
        this.runs = List.copyOf(b.runs);
        this.figures = List.copyOf(b.figures);
        this.notes = List.copyOf(b.notes);
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
        AtomicFiles.directory(directory);
        for (FigureFiles f : figures) {
            for (Path p : f.paths()) {
                if (!Files.isRegularFile(p)) {
                    throw new IllegalArgumentException("figure '" + f.title() + "' file " + p + " does not exist");
                }
            }
        }
        String page = html(directory);
        return AtomicFiles.write(directory.resolve(FILE_NAME), out -> out.write(page.getBytes(StandardCharsets.UTF_8)));
    }

    /** The page, with figure links relative to {@code directory}. */
    public String html(Path directory) {
        StringBuilder sb = new StringBuilder(8192);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n<style>\n").append(CSS)
                .append("\n</style>\n</head>\n<body>\n<h1>").append(Html.escape(title)).append("</h1>\n");
        problemSection(sb);
        runsSection(sb);
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
                row(sb, "description", Html.escape(problem.description()));
            }
        }
        if (equation != null) {
            row(sb, "equation", "<code>" + Html.escape(equation) + "</code>");
        }
        if (problem != null) {
            row(sb, "domain", Html.escape(describe(problem.domain())));
            row(sb, "boundary", Html.escape(boundary(problem)));
        }
        String exact = exactSolution != null ? "<code>" + Html.escape(exactSolution) + "</code>"
                : problem != null && problem.hasExactSolution() ? "known (no formula given)" : "unknown";
        row(sb, "exact solution", exact);
        sb.append("</dl>\n");
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
            box.append('[').append(number(lo[k])).append(", ").append(number(hi[k])).append(']');
        }
        return domain + " (" + domain.dimension() + "-D, bounding box " + box + ", measure " + number(domain.measure()) + ")";
    }

    private static String boundary(Problem problem) {
        int parts = problem.domain().boundaryPartCount();
        Map<BoundaryCondition.Kind, List<String>> byKind = new LinkedHashMap<>();
        for (int p = 0; p < parts; p++) {
            byKind.computeIfAbsent(problem.boundaryCondition(p).kind(), k -> new ArrayList<>())
                    .add(problem.domain().boundaryPartName(p));
        }
        if (byKind.size() == 1) {
            String kind = kindName(byKind.keySet().iterator().next());
            return kind + " on " + (parts == 1 ? "the boundary" : "all " + parts + " boundary parts");
        }
        List<String> pieces = new ArrayList<>();
        byKind.forEach((kind, names) -> pieces.add(kindName(kind) + " on " + String.join(", ", names)));
        return String.join("; ", pieces);
    }

    /** "Dirichlet", "Neumann", "Robin": the names are people's. */
    private static String kindName(BoundaryCondition.Kind kind) {
        String lower = kind.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4g", v);
    }

    private void runsSection(StringBuilder sb) {
        if (runs.isEmpty()) {
            return;
        }
        List<Column> columns = List.of(
                new Column("parameters", r -> r.parameters() == null ? null : r.parameters().doubleValue(), false,
                        v -> String.format(Locale.ROOT, "%,d", (long) (double) v)),
                new Column("iterations", r -> r.iterations() == null ? null : r.iterations().doubleValue(), false,
                        v -> String.format(Locale.ROOT, "%,d", (long) (double) v)),
                new Column("wall time [s]", RunSummary::wallSeconds, true, HtmlReport::seconds),
                new Column("relative L2 error", RunSummary::relL2, true, HtmlReport::scientific),
                new Column("max |error|", RunSummary::maxError, true, HtmlReport::scientific),
                new Column("relative H1 error", RunSummary::h1Error, true, HtmlReport::scientific));
        sb.append("<h2>Runs</h2>\n<table class=\"runs\">\n<thead><tr><th>run</th>");
        for (Column c : columns) {
            sb.append("<th>").append(Html.escape(c.name)).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        double[] best = new double[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            best[c] = columns.get(c).best(runs);
        }
        for (RunSummary r : runs) {
            sb.append("<tr><td>").append(Html.escape(r.label())).append("</td>");
            for (int c = 0; c < columns.size(); c++) {
                Column column = columns.get(c);
                Double v = column.value.apply(r);
                sb.append("<td class=\"num\">");
                if (v == null) {
                    sb.append("<span class=\"muted\">—</span>");
                } else if (column.lowerIsBetter && v == best[c]) {
                    sb.append("<strong>").append(Html.escape(column.format.apply(v))).append("</strong>");
                } else {
                    sb.append(Html.escape(column.format.apply(v)));
                }
                sb.append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
        sb.append("<p class=\"muted\">Errors are measured against the exact solution by quadrature; "
                + "— means unknown. Bold: the lowest value of a column.</p>\n");
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
        sb.append("<h2>Figures</h2>\n<div class=\"figures\">\n");
        for (FigureFiles f : figures) {
            String png = Html.escape(Html.relativeUrl(directory, f.png()));
            String svg = Html.escape(Html.relativeUrl(directory, f.svg()));
            sb.append("<figure><a href=\"").append(svg).append("\"><img src=\"").append(png).append("\" alt=\"")
                    .append(Html.escape(f.title())).append('"').append(size(f.png())).append("></a>\n<figcaption>").append(Html.escape(f.title()))
                    .append(" · <a href=\"").append(png).append("\">PNG</a> · <a href=\"").append(svg)
                    .append("\">SVG</a></figcaption></figure>\n");
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

    /** A table column: how to get, compare and format its value. */
    private static final class Column {
        final String name;
        final Function<RunSummary, Double> value;
        final boolean lowerIsBetter;
        final Function<Double, String> format;

        Column(String name, Function<RunSummary, Double> value, boolean lowerIsBetter, Function<Double, String> format) {
            this.name = name;
            this.value = value;
            this.lowerIsBetter = lowerIsBetter;
            this.format = format;
        }

        /** The lowest finite value when two or more runs have one (a single value is not "best"), else NaN. */
        double best(List<RunSummary> runs) {
            double min = Double.NaN;
            int known = 0;
            for (RunSummary r : runs) {
                Double v = value.apply(r);
                if (v != null && Double.isFinite(v)) {
                    known++;
                    min = Double.isNaN(min) ? v : Math.min(min, v);
                }
            }
            return known >= 2 ? min : Double.NaN;
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

        private Builder(String title) {
            if (title == null || title.isBlank()) {
                throw new IllegalArgumentException("report title must not be blank, got '" + title + "'");
            }
            this.title = title;
        }

        /** The problem solved: its name, description, domain and boundary conditions are shown. */
        public Builder problem(Problem p) {
            this.problem = p;
            return this;
        }

        /** The equation as text, e.g. {@code "-Δu = f in Ω, u = 0 on ∂Ω"}. */
        public Builder equation(String text) {
            this.equation = blankToNull(text);
            return this;
        }

        /** The exact solution as text, e.g. {@code "u = sin(πx) sin(πy²)"}. */
        public Builder exactSolution(String text) {
            this.exactSolution = blankToNull(text);
            return this;
        }

        /** Adds a row to the runs table. */
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
