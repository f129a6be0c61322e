package dk.hotline.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dk.hotline.common.ConflictException;
import dk.hotline.common.InvalidInputException;
import dk.hotline.privacy.InvalidPhoneNumberException;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.privacy.SubjectErasure;
import dk.hotline.privacy.SubjectExport;
import dk.hotline.rota.Leaders;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The answer to an access or erasure request, the same for the API and the page: the number
 * masked, the leaders the records name (by id and name, never their numbers), then each kind of
 * record as the features found it; or what an erasure erased and kept.
 */
final class SubjectAnswer {
    /** Pretty JSON for the download and the page, times as ISO-8601. */
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    private SubjectAnswer() {}

    record NamedLeader(long id, String name) {}

    static Map<String, Object> of(Jdbi jdbi, Leaders leaders, PhoneNumber number, SubjectExport export) {
        var answer = new LinkedHashMap<String, Object>();
        answer.put("phone", number.masked());
        answer.put("words", export.words());
        answer.put("leaders", named(jdbi, leaders, export));
        answer.putAll(export.kinds());
        return answer;
    }

    private static List<NamedLeader> named(Jdbi jdbi, Leaders leaders, SubjectExport export) {
        if (export.leaderIds().isEmpty()) {
            return List.of();
        }
        Map<Long, String> names = new LinkedHashMap<>();
        jdbi.useHandle(h -> leaders.all(h).forEach(l -> names.put(l.id(), l.name())));
        return export.leaderIds().stream().map(id -> new NamedLeader(id, names.getOrDefault(id, ""))).toList();
    }

    static Map<String, Object> erased(SubjectErasure erasure) {
        var answer = new LinkedHashMap<String, Object>();
        answer.put("erased", erasure.erased());
        answer.put("kept", erasure.kept());
        return answer;
    }

    /** The number as typed, in any form libphonenumber reads; 400 naming {@code phone} otherwise (never echoing it). */
    static PhoneNumber phone(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException("phone", "required");
        }
        try {
            return PhoneNumber.parse(raw);
        } catch (InvalidPhoneNumberException e) {
            throw new InvalidInputException("phone", e.getMessage());
        }
    }

    /**
     * Refuses a leader's own number (409 naming {@code phone}): what is sent to it is other
     * people's words relayed to the leader, and the number itself is changed or removed on the
     * leader's page.
     */
    static PhoneNumber notALeaders(Jdbi jdbi, Leaders leaders, PhoneNumber number) {
        if (jdbi.withHandle(h -> leaders.byPhone(h, number)).isPresent()) {
            throw new ConflictException("phone", "the number is a leader's: change or remove it on the leader's page");
        }
        return number;
    }

    static String pretty(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the export could not be written as JSON", e);
        }
    }
}
