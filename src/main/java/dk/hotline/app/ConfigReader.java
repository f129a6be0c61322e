package dk.hotline.app;

import dk.hotline.common.QuietHours;
import dk.hotline.privacy.InvalidPhoneNumberException;
import dk.hotline.privacy.PhoneNumber;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Typed reads of {@link Settings}; each failure names the key, its variable and the bad value.
 *
 * <p>Longer than 200 lines because each kind of setting (number, duration, list, zone, phone,
 * time, URL, flag) is a small read with its own wording of what is wrong, and together they are
 * the one vocabulary of config errors.
 */
final class ConfigReader {
    private final Settings settings;

    ConfigReader(Settings settings) {
        this.settings = settings;
    }

    String text(String key) {
        return settings.get(key);
    }

    /** {@code true} or {@code false}; an empty value is {@code whenUnset}. */
    boolean flag(String key, boolean whenUnset) {
        String raw = settings.get(key);
        return switch (raw.toLowerCase()) {
            case "" -> whenUnset;
            case "true" -> true;
            case "false" -> false;
            default -> throw bad(key, raw, "must be true or false");
        };
    }

    int positiveInt(String key) {
        String raw = settings.get(key);
        try {
            int value = Integer.parseInt(raw);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw bad(key, raw, "must be a whole number above 0");
    }

    Duration duration(String key) {
        String raw = settings.get(key);
        try {
            Duration d = Duration.parse(raw);
            if (!d.isNegative() && !d.isZero()) {
                return d;
            }
        } catch (DateTimeParseException ignored) {
            // reported below
        }
        throw bad(key, raw, "must be a positive ISO-8601 duration such as PT2H or P2D");
    }

    List<Duration> durations(String key) {
        String raw = settings.get(key);
        var out = new ArrayList<Duration>();
        for (String part : raw.split(",")) {
            try {
                Duration d = Duration.parse(part.trim());
                if (d.isNegative() || d.isZero()) {
                    throw bad(key, raw, "every duration must be positive");
                }
                out.add(d);
            } catch (DateTimeParseException e) {
                throw bad(key, raw, "must be comma-separated ISO-8601 durations such as PT24H,PT2H");
            }
        }
        return List.copyOf(out);
    }

    <E extends Enum<E>> E enumValue(String key, Class<E> type) {
        String raw = settings.get(key);
        try {
            return Enum.valueOf(type, raw.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw bad(key, raw, "must be one of " + names(type));
        }
    }

    /** Comma-separated names, each once, at least one. */
    <E extends Enum<E>> List<E> enumList(String key, Class<E> type) {
        String raw = settings.get(key);
        var out = new ArrayList<E>();
        for (String part : raw.split(",")) {
            try {
                E value = Enum.valueOf(type, part.trim().toUpperCase(java.util.Locale.ROOT));
                if (out.contains(value)) {
                    throw bad(key, raw, "names " + part.trim() + " twice");
                }
                out.add(value);
            } catch (IllegalArgumentException e) {
                throw bad(key, raw, "must be a comma-separated list of " + names(type));
            }
        }
        return List.copyOf(out);
    }

    private static <E extends Enum<E>> String names(Class<E> type) {
        return java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(java.util.Locale.ROOT)).toList().toString();
    }

    /** Comma-separated words, trimmed and lower-cased; empty entries dropped. */
    List<String> words(String key) {
        return java.util.Arrays.stream(settings.get(key).split(",")).map(w -> w.trim().toLowerCase(java.util.Locale.ROOT))
                .filter(w -> !w.isEmpty()).toList();
    }

    ZoneId zone(String key) {
        String raw = settings.get(key);
        try {
            return ZoneId.of(raw);
        } catch (DateTimeException e) {
            throw bad(key, raw, "must be a time zone id such as Europe/Copenhagen");
        }
    }

    Optional<PhoneNumber> phone(String key) {
        String raw = settings.get(key);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(PhoneNumber.parse(raw));
        } catch (InvalidPhoneNumberException e) {
            // The number itself is personal data of a kind; say which key, not what it held.
            throw new ConfigException(settings.describe(key) + ": " + e.getMessage());
        }
    }

    /** Comma-separated numbers, each once; empty for none. An error says which entry, never what it held. */
    List<PhoneNumber> phones(String key) {
        String raw = settings.get(key);
        var out = new ArrayList<PhoneNumber>();
        String[] parts = raw.isEmpty() ? new String[0] : raw.split(",");
        for (int i = 0; i < parts.length; i++) {
            PhoneNumber number;
            try {
                number = PhoneNumber.parse(parts[i]);
            } catch (InvalidPhoneNumberException e) {
                throw new ConfigException(settings.describe(key) + ": number " + (i + 1) + " of " + parts.length + ": "
                        + e.getMessage());
            }
            if (out.contains(number)) {
                throw new ConfigException(settings.describe(key) + ": number " + (i + 1) + " of " + parts.length
                        + " is listed twice");
            }
            out.add(number);
        }
        return List.copyOf(out);
    }

    /** A wall-clock time of day to the minute, such as 09:00. */
    LocalTime localTime(String key) {
        String raw = settings.get(key);
        try {
            LocalTime time = LocalTime.parse(raw);
            if (time.getSecond() == 0 && time.getNano() == 0) {
                return time;
            }
        } catch (DateTimeParseException ignored) {
            // reported below
        }
        throw bad(key, raw, "must be a local time such as 09:00");
    }

    Optional<QuietHours> quietHours(String key) {
        String raw = settings.get(key);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(QuietHours.parse(raw));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw bad(key, raw, "must be a local range such as 21:00-08:00, or empty for none");
        }
    }

    /** An absolute http(s) URL without a trailing slash, or empty when unset. */
    Optional<URI> url(String key, String raw) {
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw);
            if (uri.isAbsolute() && uri.getHost() != null
                    && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException ignored) {
            // reported below
        }
        throw new ConfigException(key + ": must be an absolute http(s) URL, got '" + raw + "'");
    }

    ConfigException bad(String key, String raw, String why) {
        return new ConfigException(settings.describe(key) + ": " + why + ", got '" + raw + "'");
    }
}
