package dk.hotline.flows;

import com.fasterxml.jackson.databind.JsonNode;
import dk.hotline.common.Language;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns {@code voice.yaml} into checked {@link Step}s: every key, text and step it names must exist. */
final class StepReader {
    private static final Set<String> KINDS = Set.of("menu", "say", "route", "queue", "callback", "voicemail", "groupInterest",
            "hangup");
    private static final Set<String> KEYS = Set.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "#");

    private final Path file;
    private final JsonNode root;
    private final YamlLines lines;
    private final Map<Language, Map<String, String>> texts;

    StepReader(Path file, JsonNode root, Map<Language, Map<String, String>> texts) {
        this.file = file;
        this.root = root;
        this.lines = YamlLines.of(file);
        this.texts = texts;
    }

    VoiceFlow voiceFlow() {
        var speakers = new EnumMap<Language, VoiceFlow.Speaker>(Language.class);
        for (Language language : Language.values()) {
            JsonNode v = root.path("voices").path(language.code());
            String name = v.path("voice").asText("");
            String tag = v.path("language").asText("");
            if (name.isBlank() || tag.isBlank()) {
                throw lines.error("voices." + language, "needs 'voice' and 'language'");
            }
            speakers.put(language, new VoiceFlow.Speaker(name, tag));
        }
        JsonNode stepsNode = root.path("steps");
        if (!stepsNode.isObject() || stepsNode.isEmpty()) {
            throw new FlowException(file + ": 'steps' must list the flow's steps");
        }
        var steps = new LinkedHashMap<String, Step>();
        stepsNode.fields().forEachRemaining(e -> steps.put(e.getKey(), step(e.getKey(), e.getValue())));
        String start = root.path("start").asText("");
        if (!steps.containsKey(start)) {
            throw lines.error("start", "names step '" + start + "', which 'steps' does not have");
        }
        steps.values().forEach(s -> checkTargets(s, steps.keySet()));
        return new VoiceFlow(Map.copyOf(speakers), start, Map.copyOf(steps));
    }

    private Step step(String id, JsonNode node) {
        String at = "steps." + id;
        if (!node.isObject() || node.size() != 1 || !KINDS.contains(node.fieldNames().next())) {
            throw lines.error(at, "a step is one of " + KINDS.stream().sorted().toList());
        }
        String kind = node.fieldNames().next();
        JsonNode body = node.get(kind);
        String where = at + "." + kind;
        Language language = language(where, body);
        return switch (kind) {
            case "menu" -> new Step.Menu(id, language, texts(where + ".say", body.path("say"), language),
                    number(where + ".timeoutSeconds", body.path("timeoutSeconds"), 6, 1, 30),
                    number(where + ".tries", body.path("tries"), 2, 1, 5),
                    required(where + ".noInput", body.path("noInput")), options(where + ".options", body.path("options")));
            case "say" -> new Step.Say(id, language, texts(where + ".texts", body.path("texts"), language),
                    recordings(where + ".play", body.path("play")),
                    body.hasNonNull("next") ? Optional.of(body.get("next").asText()) : Optional.empty());
            case "route" -> new Step.Route(id, language);
            case "queue" -> new Step.Queue(id, language);
            case "callback" -> new Step.Callback(id, language);
            case "groupInterest" -> new Step.GroupInterest(id, language, required(where + ".next", body.path("next")));
            case "voicemail" -> new Step.Voicemail(id, language,
                    number(where + ".maxSeconds", body.path("maxSeconds"), 120, 10, 600));
            default -> new Step.Hangup(id, language);
        };
    }

    private Language language(String where, JsonNode body) {
        String code = body.path("language").asText("");
        return Language.fromCode(code).orElseThrow(() -> lines.error(where + ".language", "must be one of "
                + Arrays.stream(Language.values()).map(Language::code).toList() + ", got '" + code + "'"));
    }

    /** Texts a step says as they are: each must be in the language's file and fill in nothing. */
    private List<String> texts(String where, JsonNode node, Language language) {
        if (!node.isArray() || node.isEmpty()) {
            throw lines.error(where, "must be a list of text keys, e.g. [greeting]");
        }
        var keys = new ArrayList<String>();
        node.forEach(k -> {
            if (!texts.get(language).containsKey(k.asText())) {
                throw lines.error(where, "text '" + k.asText() + "' is not in texts." + language + ".yaml");
            }
            Arrays.stream(Text.values()).filter(t -> t.key().equals(k.asText()) && !t.placeholders().isEmpty())
                    .findFirst().ifPresent(t -> {
                        throw lines.error(where, "text '" + k.asText() + "' fills in " + t.placeholders()
                                + ", which a step cannot say");
                    });
            keys.add(k.asText());
        });
        return List.copyOf(keys);
    }

    /** Audio to play after the texts: https URLs Twilio can fetch (optional). */
    private List<String> recordings(String where, JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw lines.error(where, "must be a list of https URLs of audio files");
        }
        var urls = new ArrayList<String>();
        node.forEach(u -> {
            if (!u.isTextual() || !u.asText().startsWith("https://")) {
                throw lines.error(where, "'" + u.asText() + "' is not an https URL");
            }
            urls.add(u.asText());
        });
        return List.copyOf(urls);
    }

    private int number(String where, JsonNode node, int fallback, int min, int max) {
        if (node.isMissingNode()) {
            return fallback;
        }
        if (!node.canConvertToInt() || node.asInt() < min || node.asInt() > max) {
            throw lines.error(where, "must be a whole number from " + min + " to " + max);
        }
        return node.asInt();
    }

    private String required(String where, JsonNode node) {
        if (!node.isTextual() || node.asText().isBlank()) {
            throw lines.error(where, "is required");
        }
        return node.asText();
    }

    private Map<String, String> options(String where, JsonNode node) {
        if (!node.isObject() || node.isEmpty()) {
            throw lines.error(where, "must map keys to steps, e.g. \"1\": route-da");
        }
        var out = new LinkedHashMap<String, String>();
        node.fields().forEachRemaining(e -> {
            if (!KEYS.contains(e.getKey())) {
                throw lines.error(where + "." + e.getKey(), "a key is one of 0-9, * or #");
            }
            out.put(e.getKey(), e.getValue().asText());
        });
        return Map.copyOf(out);
    }

    /** A step that leads nowhere would leave a caller in a dead menu. */
    private void checkTargets(Step step, Set<String> ids) {
        var targets = new LinkedHashMap<String, String>();
        if (step instanceof Step.Menu m) {
            targets.put("steps." + m.id() + ".menu.noInput", m.noInput());
            m.options().forEach((key, target) -> targets.put("steps." + m.id() + ".menu.options." + key, target));
        } else if (step instanceof Step.Say s && s.next().isPresent()) {
            targets.put("steps." + s.id() + ".say.next", s.next().get());
        } else if (step instanceof Step.GroupInterest g) {
            targets.put("steps." + g.id() + ".groupInterest.next", g.next());
        }
        targets.forEach((where, target) -> {
            if (!ids.contains(target)) {
                throw lines.error(where, "names step '" + target + "', which 'steps' does not have");
            }
        });
    }
}
