package dk.hotline.console;

import dk.hotline.common.ConflictException;
import dk.hotline.common.InvalidInputException;
import dk.hotline.common.ServiceException;
import dk.hotline.web.Messages;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rota page's forms: their fields (named as the JSON API names them), local times from
 * {@code datetime-local} inputs turned into the offset times the services take, and a refusal
 * turned into words beside the field it is about.
 */
final class RotaInput {
    static final List<String> SHIFT = List.of("leaderId", "start", "end");
    static final List<String> MOVE = List.of("start", "end");
    static final List<String> HAND_OVER = List.of("leaderId");
    static final List<String> TEMPLATE = List.of("leaderId", "weekday", "start", "end");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private RotaInput() {}

    /** A refused form: which one ({@code add}, {@code move}, {@code handOver}, {@code template}), on which shift, as typed. */
    record Refused(String form, long shiftId, Map<String, String> values, ServiceException error) {
        static final Refused NONE = new Refused("", 0, Map.of(), null);

        boolean is(String name) {
            return form.equals(name);
        }
    }

    /** The posted fields, trimmed; a missing one is empty. */
    static Map<String, String> values(Context ctx, List<String> fields) {
        var values = new LinkedHashMap<String, String>();
        for (String field : fields) {
            values.put(field, Optional.ofNullable(ctx.formParam(field)).orElse("").trim());
        }
        return values;
    }

    /** The chosen leader; none chosen is null (the service says it is required). */
    static Long leaderId(Map<String, String> values) {
        String raw = values.get("leaderId");
        if (raw.isEmpty()) {
            return null;
        }
        try {
            return Long.valueOf(raw);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("leaderId", "choose a leader");
        }
    }

    /**
     * A {@code datetime-local} value as ISO-8601 with the offset the zone has then; empty is null.
     * In the hour the clocks go back, {@code current} (the shift's time now) picks which of the two.
     */
    static String offsetTime(String field, Map<String, String> values, ZoneId zone, Optional<Instant> current) {
        String raw = values.get(field);
        if (raw.isEmpty()) {
            return null;
        }
        try {
            var preferred = current.map(at -> at.atZone(zone).getOffset()).orElse(null);
            return ZonedDateTime.ofLocal(LocalDateTime.parse(raw), zone, preferred).toOffsetDateTime().toString();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "a local date and time such as 2026-12-01T17:00");
        }
    }

    /** A field the page needs though the change would take it as "leave as it is". */
    static void required(String field, Map<String, String> values) {
        if (values.get(field).isEmpty()) {
            throw new InvalidInputException(field, "required");
        }
    }

    /** How a {@code datetime-local} input shows an instant. */
    static String local(Instant at, ZoneId zone) {
        return LOCAL.format(at.atZone(zone));
    }

    /** The error beside the field, in the reader's words; {@code leader} is whose shift clashed. */
    static String message(Messages t, Refused refused, String leader) {
        ServiceException e = refused.error();
        if (e instanceof ConflictException) {
            return t.get("rota.error.taken", leader);
        }
        String field = String.valueOf(e.field());
        String value = refused.values().getOrDefault(field, "");
        boolean template = refused.is("template");
        return switch (field) {
            case "leaderId" -> t.get("rota.error.leaderId");
            case "weekday" -> t.get("rota.error.weekday");
            case "start", "end" -> value.isEmpty() ? t.get("rota.error." + field + ".required")
                    : !parses(value, template) ? t.get(template ? "rota.error.time" : "rota.error.dateTime")
                    : t.get(template ? "rota.error.sameTime" : "rota.error.order");
            default -> t.get("rota.error.other");
        };
    }

    /** The field of the refused form the error is about: the service's, or the form's first. */
    static String field(Refused refused) {
        String field = refused.error().field();
        return refused.values().containsKey(field) ? field : refused.values().keySet().iterator().next();
    }

    private static boolean parses(String value, boolean time) {
        try {
            if (time) {
                LocalTime.parse(value);
            } else {
                LocalDateTime.parse(value);
            }
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
