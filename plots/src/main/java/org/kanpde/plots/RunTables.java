package org.kanpde.plots;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The report's tables of runs: how each run was set up (points, schedule, time budget) and what it
 * reached (size, iterations, time, why it stopped, errors), then how each stage ended.
 *
 * <p>Bold marks a column's winner only where there is one: the lowest value, shown differently from
 * every other after rounding and lower than each by more than {@value #TIE_TOLERANCE} relative. A run
 * that the time budget stopped cannot win the wall-time column, since its time is the budget's and not
 * a speed. Bold on values that merely differ in a digit the table does not show would claim a
 * difference the reader cannot check.
 */
final class RunTables {
    /** Relative difference below which two values count as a tie. */
    static final double TIE_TOLERANCE = 0.01;

    private RunTables() {
    }

    /** Appends the setup table (when any run has a setup), the results table and the stage list. */
    static void append(StringBuilder sb, List<RunSummary> runs) {
        if (runs.isEmpty()) {
            return;
        }
        sb.append("<h2>Runs</h2>\n");
        if (runs.stream().anyMatch(r -> r.setup() != null)) {
            setup(sb, runs);
        }
        results(sb, runs);
        stages(sb, runs);
    }

    private static void setup(StringBuilder sb, List<RunSummary> runs) {
        sb.append("<h3>Setup</h3>\n<div class=\"table-wrap\"><table class=\"runs\">\n<thead><tr><th>run</th>")
                .append("<th>collocation points<br><span class=\"sub\">interior + boundary</span></th>")
                .append("<th>sampling</th><th>optimizer schedule<br><span class=\"sub\">optimizer · grid per stage · "
                        + "iterations per stage</span></th><th>time budget [s]</th></tr></thead>\n<tbody>\n");
        for (RunSummary r : runs) {
            sb.append("<tr><td>").append(Html.escape(r.label())).append("</td>");
            RunSetup s = r.setup();
            if (s == null) {
                sb.append("<td class=\"num\">").append(DASH).append("</td><td>").append(DASH).append("</td><td>")
                        .append(DASH).append("</td><td class=\"num\">").append(DASH).append("</td>");
            } else {
                sb.append("<td class=\"num\">").append(Html.escape(s.pointsText())).append("</td><td>")
                        .append(Html.escape(s.sampling())).append("</td><td>").append(Html.escape(s.scheduleText()))
                        .append("</td><td class=\"num\">")
                        .append(s.hasTimeLimit() ? Html.escape(ProblemText.number(s.timeLimit())) : "none").append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table></div>\n");
    }

    private static final String DASH = "<span class=\"muted\">—</span>";

    private static void results(StringBuilder sb, List<RunSummary> runs) {
        Predicate<RunSummary> any = r -> true;
        List<Column> columns = List.of(
                new Column("parameters", r -> r.parameters() == null ? null : r.parameters().doubleValue(), null,
                        v -> String.format(Locale.ROOT, "%,d", (long) (double) v)),
                new Column("iterations", r -> r.iterations() == null ? null : r.iterations().doubleValue(), null,
                        v -> String.format(Locale.ROOT, "%,d", (long) (double) v)),
                new Column("wall time [s]", RunSummary::wallSeconds, r -> !r.stoppedByTimeLimit(), HtmlReport::seconds),
                new Column("relative L2 error", RunSummary::relL2, any, HtmlReport::scientific),
                new Column("max |error|", RunSummary::maxError, any, HtmlReport::scientific),
                new Column("relative H1 error", RunSummary::h1Error, any, HtmlReport::scientific));
        boolean stops = runs.stream().anyMatch(r -> r.stoppedBy() != null);
        sb.append(runs.stream().anyMatch(r -> r.setup() != null) ? "<h3>Results</h3>\n" : "")
                .append("<div class=\"table-wrap\"><table class=\"runs\">\n<thead><tr><th>run</th>");
        for (int c = 0; c < columns.size(); c++) {
            sb.append("<th>").append(Html.escape(columns.get(c).name)).append("</th>");
            if (c == 2 && stops) {
                sb.append("<th>stopped by</th>");
            }
        }
        sb.append("</tr></thead>\n<tbody>\n");
        int[] winner = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            winner[c] = columns.get(c).winner(runs);
        }
        for (int row = 0; row < runs.size(); row++) {
            RunSummary r = runs.get(row);
            sb.append("<tr><td>").append(Html.escape(r.label())).append("</td>");
            for (int c = 0; c < columns.size(); c++) {
                Column column = columns.get(c);
                Double v = column.value.apply(r);
                sb.append("<td class=\"num\">");
                if (v == null) {
                    sb.append(DASH);
                } else if (winner[c] == row) {
                    sb.append("<strong>").append(Html.escape(column.format.apply(v))).append("</strong>");
                } else {
                    sb.append(Html.escape(column.format.apply(v)));
                }
                sb.append("</td>");
                if (c == 2 && stops) {
                    String stop = r.stoppedBy();
                    sb.append("<td class=\"nowrap\">").append(stop == null ? DASH : Html.escape(stop)).append("</td>");
                }
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table></div>\n");
        sb.append("<p class=\"muted\">Errors are measured against the exact solution by quadrature; — means unknown. "
                + "Bold: the lowest value of a column where it differs from every other by more than "
                + Math.round(100 * TIE_TOLERANCE) + "% and after rounding; a run stopped by its time budget does not "
                + "count as the fastest.</p>\n");
    }

    private static void stages(StringBuilder sb, List<RunSummary> runs) {
        if (runs.stream().allMatch(r -> r.stages().isEmpty())) {
            return;
        }
        sb.append("<details class=\"stages\" open><summary>How each stage ended</summary>\n<ul>\n");
        for (RunSummary r : runs) {
            if (r.stages().isEmpty()) {
                continue;
            }
            sb.append("<li><strong>").append(Html.escape(r.label())).append("</strong>: ")
                    .append(Html.escape(String.join("; ", r.stageLines()))).append("</li>\n");
        }
        sb.append("</ul>\n</details>\n");
    }

    /** A results column: how to get, rank and format its value. */
    private static final class Column {
        final String name;
        final Function<RunSummary, Double> value;
        /** Which runs may win (lowest is best), or null for a column without a winner. */
        final Predicate<RunSummary> mayWin;
        final Function<Double, String> format;

        Column(String name, Function<RunSummary, Double> value, Predicate<RunSummary> mayWin,
               Function<Double, String> format) {
            this.name = name;
            this.value = value;
            this.mayWin = mayWin;
            this.format = format;
        }

        /**
         * The row of the column's winner, or -1: the eligible run with the lowest finite value that
         * is shown differently from, and is more than the tie tolerance below, every other run's
         * finite value. Needs at least two finite values (a single value is not "best").
         */
        int winner(List<RunSummary> runs) {
            if (mayWin == null) {
                return -1;
            }
            List<Integer> known = new ArrayList<>();
            int best = -1;
            for (int t = 0; t < runs.size(); t++) {
                Double v = value.apply(runs.get(t));
                if (v != null && Double.isFinite(v)) {
                    known.add(t);
                    if (best < 0 || v < value.apply(runs.get(best))) {
                        best = t;
                    }
                }
            }
            if (known.size() < 2 || !mayWin.test(runs.get(best))) {
                return -1;
            }
            double b = value.apply(runs.get(best));
            String shown = format.apply(b);
            for (int t : known) {
                if (t == best) {
                    continue;
                }
                double v = value.apply(runs.get(t));
                if (format.apply(v).equals(shown) || !(v > b + TIE_TOLERANCE * Math.abs(b))) {
                    return -1;
                }
            }
            return best;
        }
    }
}
