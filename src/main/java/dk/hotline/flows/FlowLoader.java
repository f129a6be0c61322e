package dk.hotline.flows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and checks the flow files at startup, so a coordinator's typo stops the service with
 * "file:line: what is wrong" instead of a caller hearing silence.
 */
public final class FlowLoader {
    static final List<String> LANGUAGES = List.of("da", "en");
    /** Texts every language must have: the voice flow and the fallback speak them. */
    static final List<String> REQUIRED_TEXTS = List.of("greeting", "closed", "emergency", "connecting");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private FlowLoader() {}

    public static Flows load(Path dir) {
        var texts = new LinkedHashMap<String, Map<String, String>>();
        for (String language : LANGUAGES) {
            texts.put(language, loadTexts(dir.resolve("texts." + language + ".yaml")));
        }
        var voice = loadVoice(dir.resolve("voice.yaml"), texts.get(Texts.DANISH));
        return new Flows(voice, new Texts(Map.copyOf(texts)));
    }

    private static Map<String, String> loadTexts(Path file) {
        JsonNode root = read(file);
        var out = new LinkedHashMap<String, String>();
        root.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
                throw new FlowException(file + ": '" + e.getKey() + "' must be a non-empty text");
            }
            out.put(e.getKey(), e.getValue().asText().replaceAll("\\s+", " ").trim());
        });
        for (String key : REQUIRED_TEXTS) {
            if (!out.containsKey(key)) {
                throw new FlowException(file + ": missing text '" + key + "'");
            }
        }
        return Map.copyOf(out);
    }

    private static VoiceFlow loadVoice(Path file, Map<String, String> danish) {
        JsonNode root = read(file);
        var speakers = new LinkedHashMap<String, VoiceFlow.Speaker>();
        for (String language : LANGUAGES) {
            JsonNode v = root.path("voices").path(language);
            String name = v.path("voice").asText("");
            String tag = v.path("language").asText("");
            if (name.isBlank() || tag.isBlank()) {
                throw new FlowException(file + ": voices." + language + " needs 'voice' and 'language'");
            }
            speakers.put(language, new VoiceFlow.Speaker(name, tag));
        }
        String greeting = root.path("start").path("say").asText("");
        if (!danish.containsKey(greeting)) {
            throw new FlowException(file + ": start.say names text '" + greeting + "', which texts.da.yaml does not have");
        }
        return new VoiceFlow(Map.copyOf(speakers), greeting);
    }

    private static JsonNode read(Path file) {
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
