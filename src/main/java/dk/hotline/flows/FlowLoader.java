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
 * "file:line: what is wrong" instead of a caller hearing silence or a dead menu.
 */
public final class FlowLoader {
    static final List<String> LANGUAGES = List.of("da", "en");
    /** Texts the service itself speaks (routing, queue, fallback, screening), in every language. */
    static final List<String> REQUIRED_TEXTS = List.of("greeting", "menuRepeat", "connecting", "queuePosition",
            "queueTimeout", "callbackOffer", "callbackWhen", "callbackConfirmed", "callbackWithheld", "closed",
            "closedUntil", "emergency", "goodbye", "screening", "screeningTaken", "callbackScreening",
            "queueScreening", "queueEmpty", "callerLanguageDa", "callerLanguageEn", "leaderCallbackRequested",
            "whenAsap", "whenMorning", "whenAfternoon", "whenEvening", "callbackNoAnswer", "backupScreening",
            "voicemailPrompt", "voicemailThanks", "leaderVoicemail",
            "smsStopConfirm", "smsStartConfirm", "smsHelp", "smsCallbackConfirm", "smsGroupConfirm", "smsAutoReply",
            "smsMediaNotice", "leaderRelay", "leaderTaken", "leaderTakenByOther", "leaderClosed", "leaderWhich",
            "leaderUnknown", "leaderOn", "leaderOff", "leaderStatus", "leaderNobody", "leaderCallbackStarted", "callbackSurvivorScreening", "smsSessionCancelled",
            "smsSessionMoved", "smsReminder", "smsAttendanceYes", "smsAttendanceNo", "leaderAttendanceNo", "leaderAttendanceYes",
            "followupOffer", "followupConfirmed", "smsFollowup", "leaderFollowupSet",
            "smsGroupInvite", "groupInterestOffer", "groupInterestConfirmed", "groupInterestWithheld");
    /** Texts to staff who all read Danish (the coordinators' rota-gap text): Danish only, the fallback of every language. */
    static final List<String> DANISH_TEXTS = List.of("rotaGaps", "rotaGapsMore");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private FlowLoader() {}

    public static Flows load(Path dir) {
        var texts = new LinkedHashMap<String, Map<String, String>>();
        for (String language : LANGUAGES) {
            texts.put(language, loadTexts(dir.resolve("texts." + language + ".yaml")));
        }
        for (String key : DANISH_TEXTS) {
            if (!texts.get(Texts.DANISH).containsKey(key)) {
                throw new FlowException(dir.resolve("texts." + Texts.DANISH + ".yaml") + ": missing text '" + key + "'");
            }
        }
        var voice = new StepReader(dir.resolve("voice.yaml"), read(dir.resolve("voice.yaml")), texts).voiceFlow();
        return new Flows(voice, new Texts(Map.copyOf(texts)));
    }

    private static Map<String, String> loadTexts(Path file) {
        JsonNode root = read(file);
        var lines = YamlLines.of(file);
        var out = new LinkedHashMap<String, String>();
        root.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
                throw lines.error(e.getKey(), "must be a non-empty text");
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
