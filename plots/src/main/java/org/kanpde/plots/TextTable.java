package org.kanpde.plots;

import java.util.List;

/**
 * A plain table for a report section of its own, e.g. the errors of an inverse solve's unknowns:
 * a heading, column names and rows of text cells (escaped when written).
 *
 * @param heading the section heading
 * @param columns the column names
 * @param rows    the rows, each with one cell per column
 */
public record TextTable(String heading, List<String> columns, List<List<String>> rows) {

    /**
     * @throws IllegalArgumentException if the heading is blank, there are no columns or a row has
     *                                  another number of cells than there are columns
     */
    public TextTable {
        if (heading == null || heading.isBlank()) {
            throw new IllegalArgumentException("table heading must not be blank, got '" + heading + "'");
        }
        if (columns == null || columns.isEmpty()) {
            throw new IllegalArgumentException("table '" + heading + "' needs at least one column");
        }
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        for (int r = 0; r < rows.size(); r++) {
            if (rows.get(r).size() != columns.size()) {
                throw new IllegalArgumentException("row " + r + " of table '" + heading + "' has " + rows.get(r).size()
                        + " cells, expected " + columns.size());
            }
        }
        rows = rows.stream().map(List::copyOf).toList();
    }

    /** Appends the table as HTML, in the style of the runs tables; numbers (cells that parse) align right. */
    void append(StringBuilder sb) {
        sb.append("<h2>").append(Html.escape(heading)).append("</h2>\n<div class=\"table-wrap\"><table class=\"runs\">\n<tr>");
        for (String c : columns) {
            sb.append("<th>").append(Html.escape(c)).append("</th>");
        }
        sb.append("</tr>\n");
        for (List<String> row : rows) {
            sb.append("<tr>");
            for (String cell : row) {
                sb.append(isNumber(cell) ? "<td class=\"num\">" : "<td>").append(Html.escape(cell)).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</table></div>\n");
    }

    private static boolean isNumber(String cell) {
        try {
            Double.parseDouble(cell);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
