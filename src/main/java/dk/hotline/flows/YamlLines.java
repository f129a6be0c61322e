package dk.hotline.flows;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The line of every key in a YAML file, by dotted path ({@code steps.menu-da.menu.noInput}), so a
 * validation error can point a coordinator at the line to fix.
 */
final class YamlLines {
    private final Path file;
    private final Map<String, Integer> lines;

    private YamlLines(Path file, Map<String, Integer> lines) {
        this.file = file;
        this.lines = lines;
    }

    static YamlLines of(Path file) {
        var lines = new HashMap<String, Integer>();
        try (JsonParser p = new YAMLFactory().createParser(file.toFile())) {
            Deque<String> path = new ArrayDeque<>();
            Deque<Boolean> inObject = new ArrayDeque<>();
            String pendingField = null;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                switch (t) {
                    case FIELD_NAME -> {
                        pendingField = p.currentName();
                        String key = path.isEmpty() ? pendingField : String.join(".", reversed(path)) + "." + pendingField;
                        lines.putIfAbsent(key, p.currentLocation().getLineNr());
                    }
                    case START_OBJECT, START_ARRAY -> {
                        if (pendingField != null) {
                            path.push(pendingField);
                        }
                        inObject.push(pendingField != null);
                        pendingField = null;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        if (!inObject.isEmpty() && inObject.pop()) {
                            path.pop();
                        }
                    }
                    default -> pendingField = null;
                }
            }
        } catch (IOException e) {
            // The loader reports syntax errors itself; without lines, errors name the file only.
        }
        return new YamlLines(file, lines);
    }

    private static Iterable<String> reversed(Deque<String> path) {
        return path::descendingIterator;
    }

    /** "file:line: message" for the key at that path, or its nearest parent that has a line. */
    FlowException error(String path, String message) {
        String p = path;
        while (!lines.containsKey(p) && p.contains(".")) {
            p = p.substring(0, p.lastIndexOf('.'));
        }
        Integer line = lines.get(p);
        return new FlowException(file + (line == null ? "" : ":" + line) + ": " + path + ": " + message);
    }
}
