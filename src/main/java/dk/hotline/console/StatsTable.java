package dk.hotline.console;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The numbers of a stats section as the page's table shows them and its CSV holds them, cell for
 * cell: a header row, then rows whose first cell names the row.
 */
public record StatsTable(String caption, List<String> header, List<List<String>> rows) {
    /** RFC 4180: comma-separated, CRLF, a cell with a comma, quote or line break quoted. */
    public String csv() {
        var out = new StringBuilder();
        line(out, header);
        rows.forEach(row -> line(out, row));
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append(cells.stream().map(StatsTable::cell).collect(Collectors.joining(","))).append("\r\n");
    }

    private static String cell(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
                ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
