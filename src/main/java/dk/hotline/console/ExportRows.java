package dk.hotline.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * One kind of a person's records as the access page shows them: each record a small table of
 * field and value, a nested field named by its path ({@code texts · 2 · words}), a list of plain
 * values on one line. The same content as the JSON download, readable on a phone.
 */
public final class ExportRows {
    /** One field of a record, and its value as text ("–" when there is none). */
    public record Row(String field, String value) {}

    private static final String NONE = "–";

    private ExportRows() {}

    /** The records of {@code value}: each element of a list, or the one object of a state. */
    static List<List<Row>> of(JsonNode value) {
        List<JsonNode> records = value.isArray() ? StreamSupport.stream(value.spliterator(), false).toList() : List.of(value);
        return records.stream().map(record -> {
            var rows = new ArrayList<Row>();
            flatten("", record, rows);
            return List.copyOf(rows);
        }).toList();
    }

    private static void flatten(String path, JsonNode node, List<Row> rows) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> flatten(join(path, field.getKey()), field.getValue(), rows));
        } else if (node.isArray() && StreamSupport.stream(node.spliterator(), false).allMatch(JsonNode::isValueNode)) {
            String values = StreamSupport.stream(node.spliterator(), false).map(JsonNode::asText).collect(Collectors.joining(", "));
            rows.add(new Row(path, values.isEmpty() ? NONE : values));
        } else if (node.isArray()) {
            int i = 1;
            for (JsonNode element : node) {
                flatten(join(path, String.valueOf(i++)), element, rows);
            }
        } else {
            rows.add(new Row(path, node.isNull() ? NONE : node.asText()));
        }
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + " · " + key;
    }
}
