package dk.hotline.groups;

import dk.hotline.common.Language;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A session's time as a text says it, in the reader's language: "torsdag 26/11 kl. 17.00", "Thursday 26/11 at 17:00". */
final class SessionTimes {
    private static final DateTimeFormatter DANISH = DateTimeFormatter.ofPattern("EEEE d/M 'kl.' HH.mm", Language.DANISH.locale());
    private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("EEEE d/M 'at' HH:mm", Locale.ENGLISH);

    private final ZoneId zone;

    SessionTimes(ZoneId zone) {
        this.zone = zone;
    }

    String format(Instant start, Language language) {
        return start.atZone(zone).format(language == Language.ENGLISH ? ENGLISH : DANISH);
    }
}
