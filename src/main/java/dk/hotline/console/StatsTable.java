package dk.hotline.console;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The numbers of a stats section as the page's table shows them and its CSV holds them, cell for
 * cell: a header row, then rows whose first cell names the row.
 */
public record StatsTable(String caption, List<String> header, List<List<String>> rows) {
    /** RFC 4180 with {@code separator} between cells: CRLF, a cell with a separator, comma, quote or line break quoted. */
    public String csv(char separator) {
        var out = new StringBuilder();
        line(out, header, separator);
        rows.forEach(row -> line(out, row, separator));
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, char separator) {
        out.append(cells.stream().map(value -> cell(value, separator)).collect(Collectors.joining(String.valueOf(separator))))
                .append("\r\n");
    }

    private static String cell(String value, char separator) {
        return value.indexOf(separator) >= 0 || value.contains(",") || value.contains("\"") || value.contains("\n")
                || value.contains("\r") ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
