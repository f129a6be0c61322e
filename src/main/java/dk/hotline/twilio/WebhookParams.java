package dk.hotline.twilio;

import dk.hotline.common.InvalidInputException;
import dk.hotline.privacy.InvalidPhoneNumberException;
import dk.hotline.privacy.PhoneNumber;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The form fields of a Twilio webhook, read with the checks Twilio's formats allow. */
public final class WebhookParams {
    private static final Pattern SID_BODY = Pattern.compile("[0-9a-fA-F]{32}");

    private final Map<String, String> fields;

    public WebhookParams(Map<String, String> fields) {
        this.fields = Map.copyOf(fields);
    }

    /** A request's form fields; Twilio never repeats a field, so the first value is the value. */
    public static WebhookParams of(Map<String, List<String>> form) {
        var first = new HashMap<String, String>();
        form.forEach((k, v) -> first.put(k, v.isEmpty() ? "" : v.get(0)));
        return new WebhookParams(first);
    }

    /**
     * The fields as handlers read them: without NUL, which PostgreSQL does not store in text (the
     * replay key holds some fields as sent; a NUL there was a 500), and which nobody sees in a text.
     * The signature is checked on the fields as sent, before this.
     */
    public WebhookParams withoutNul() {
        var clean = new HashMap<String, String>();
        fields.forEach((k, v) -> clean.put(k.replace("\u0000", ""), v.replace("\u0000", "")));
        return new WebhookParams(clean);
    }

    /** All fields, as Twilio's signature covers them. */
    public Map<String, String> asMap() {
        return fields;
    }

    /** A Twilio id such as CallSid ({@code CA…}) or MessageSid ({@code SM…}/{@code MM…}). */
    public String sid(String name, String... prefixes) {
        String value = required(name);
        for (String prefix : prefixes) {
            if (value.startsWith(prefix) && SID_BODY.matcher(value.substring(prefix.length())).matches()) {
                return value;
            }
        }
        throw new InvalidInputException(name, "not a Twilio id of the expected kind");
    }

    public String required(String name) {
        String value = fields.get(name);
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(name, "missing");
        }
        return value;
    }

    public Optional<String> optional(String name) {
        String value = fields.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    public Optional<Integer> integer(String name) {
        return optional(name).map(v -> {
            try {
                return Integer.valueOf(v);
            } catch (NumberFormatException e) {
                throw new InvalidInputException(name, "not a whole number");
            }
        });
    }

    /**
     * A count Twilio reports, such as NumMedia (at most 10 by Twilio's limits), held to 0 to
     * {@code max}: out of range or no number is no reason to drop what came with it.
     */
    public int count(String name, int max) {
        try {
            return optional(name).map(v -> Math.max(0, Math.min(max, Long.parseLong(v.trim())))).orElse(0L).intValue();
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * A caller's number. Withheld numbers arrive as words ("anonymous", "restricted") or odd
     * digits; those are not an error, just no number.
     */
    public Optional<PhoneNumber> phone(String name) {
        return optional(name).flatMap(raw -> {
            try {
                return Optional.of(PhoneNumber.parse(raw));
            } catch (InvalidPhoneNumberException e) {
                return Optional.empty();
            }
        });
    }
}
