package dk.hotline.sms;

import dk.hotline.privacy.PersonalDataCipher;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/**
 * The texts that came in, as coordinators may see them: when, from whom (masked), and what became
 * of them. Never the words: those are sealed for the leaders in the conversation only.
 */
public final class InboundTexts {
    /** Shown for a text whose number is not kept with it (keywords, leaders' texts) or was erased. */
    public static final String NOT_STORED = "not stored";

    private final Jdbi jdbi;
    private final PersonalDataCipher cipher;

    public InboundTexts(Jdbi jdbi, PersonalDataCipher cipher) {
        this.jdbi = jdbi;
        this.cipher = cipher;
    }

    /**
     * One text received. {@code kind}: {@code relay} (a survivor's text put into a conversation),
     * {@code leader} (from a leader's phone), {@code other} (a keyword, an answer to a reminder, a
     * picture without words, or a text dropped from a blocked or flooding number). {@code status}:
     * {@code forwarded} or {@code waiting} (for a leader on call) for a relayed text, else {@code received}.
     */
    public record InboundText(String messageSid, Instant receivedAt, String number, String kind, String status) {}

    /** Texts received in {@code [from, to)}, oldest first. */
    public List<InboundText> between(Instant from, Instant to) {
        return jdbi.withExtension(InboundTextDao.class, dao -> dao.between(from, to)).stream()
                .map(this::view).toList();
    }

    /** How many texts came in {@code [from, to)} from anyone but a leader. */
    public long fromSurvivorsBetween(Instant from, Instant to) {
        return jdbi.withExtension(InboundTextDao.class, dao -> dao.fromSurvivorsBetween(from, to));
    }

    /** {@link #fromSurvivorsBetween} per local ISO week, keyed by its Monday; weeks without a text are absent. */
    public Map<LocalDate, Long> fromSurvivorsByWeek(Instant from, Instant to, ZoneId zone) {
        Map<LocalDate, Long> weeks = jdbi.withExtension(InboundTextDao.class, dao -> dao.fromSurvivorsByWeek(from, to, zone.getId()));
        return new TreeMap<>(weeks);
    }

    private InboundText view(InboundTextDao.Row row) {
        String number = row.survivorSealed() == null ? NOT_STORED : cipher.openPhone(row.survivorSealed()).masked();
        if (row.relayed()) {
            return new InboundText(row.messageSid(), row.receivedAt(), number, "relay",
                    row.forwardedAt() == null ? "waiting" : "forwarded");
        }
        return new InboundText(row.messageSid(), row.receivedAt(), NOT_STORED, row.fromLeader() ? "leader" : "other", "received");
    }
}
