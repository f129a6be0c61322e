package dk.hotline.flows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dk.hotline.common.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Reads and checks the flow files at startup, so a coordinator's typo stops the service with
 * "file:line: what is wrong" instead of a caller hearing silence or a dead menu.
 */
public final class FlowLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private FlowLoader() {}

    public static Flows load(Path dir) {
        var texts = new EnumMap<Language, Map<String, String>>(Language.class);
        for (Language language : Language.values()) {
            texts.put(language, loadTexts(dir.resolve("texts." + language.code() + ".yaml"), language));
        }
        var voice = new StepReader(dir.resolve("voice.yaml"), read(dir.resolve("voice.yaml")), texts).voiceFlow();
        return new Flows(voice, new Texts(texts));
    }

    /**
     * A language's texts, each checked against its {@link Text}: there (staff texts only in
     * Danish), and filling in no placeholder the service does not fill. A text of the file's own
     * (one a voice step names) fills in nothing.
     */
    private static Map<String, String> loadTexts(Path file, Language language) {
        JsonNode root = read(file);
        var lines = YamlLines.of(file);
        var declared = new HashMap<String, Text>();
        for (Text text : Text.values()) {
            declared.put(text.key(), text);
        }
        var out = new LinkedHashMap<String, String>();
        root.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
                throw lines.error(e.getKey(), "must be a non-empty text");
            }
            String text = e.getValue().asText().replaceAll("\\s+", " ").trim();
            List<String> fills = Optional.ofNullable(declared.get(e.getKey())).map(Text::placeholders).orElse(List.of());
            Matcher m = Texts.PLACEHOLDER.matcher(text);
            while (m.find()) {
                if (!fills.contains(m.group(1))) {
                    throw lines.error(e.getKey(), "has {" + m.group(1) + "}, which the service does not fill in"
                            + (fills.isEmpty() ? " (this text takes none)" : " (it fills in " + fills + ")"));
                }
            }
            out.put(e.getKey(), text);
        });
        for (Text text : Text.values()) {
            boolean needed = text.reader() != Text.Reader.STAFF || language == Language.DANISH;
            if (needed && !out.containsKey(text.key())) {
                throw new FlowException(file + ": missing text '" + text.key() + "'");
            }
        }
        return Map.copyOf(out);
    }

    static JsonNode read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new FlowException(file + ": file is missing (HOTLINE_FLOWS points at " + file.getParent() + ")");
        }
        try {
            JsonNode root = YAML.readTree(file.toFile());
            if (root == null || !root.isObject()) {
                throw new FlowException(file + ": expected a mapping of keys");
            }
            return root;
        } catch (JsonProcessingException e) {
            var where = e.getLocation();
            throw new FlowException(file + ":" + (where == null ? "?" : where.getLineNr()) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new FlowException(file + ": " + e.getMessage());
        }
    }
}
