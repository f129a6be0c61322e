package dk.hotline.outbox;

import dk.hotline.privacy.PersonalDataCipher;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/** The texts the service queued, as coordinators may see them: to whom (masked), what for, what became of them. */
public final class OutboundTexts {
    /** Shown once retention has erased the recipient. */
    public static final String NOT_STORED = "not stored";

    private final Jdbi jdbi;
    private final PersonalDataCipher cipher;

    public OutboundTexts(Jdbi jdbi, PersonalDataCipher cipher) {
        this.jdbi = jdbi;
        this.cipher = cipher;
    }

    /**
     * One outgoing text: what it was for, where it stands in the outbox, and Twilio's last word
     * on it ({@code deliveryStatus}, {@code errorCode}).
     */
    public record OutboundText(long id, Instant createdAt, String number, MessageKind kind, OutboxStatus status,
                               String deliveryStatus, Integer errorCode) {}

    /** Texts queued in {@code [from, to)}, oldest first. */
    public List<OutboundText> between(Instant from, Instant to) {
        return jdbi.withExtension(OutboundTextDao.class, dao -> dao.between(from, to)).stream()
                .map(r -> new OutboundText(r.id(), r.createdAt(),
                        r.recipientSealed() == null ? NOT_STORED : cipher.openPhone(r.recipientSealed()).masked(),
                        MessageKind.of(r.messageKind()), OutboxStatus.of(r.status()), r.deliveryStatus(), r.errorCode()))
                .toList();
    }

    /** How many texts queued in {@code [from, to)} were sent (Twilio took them). */
    public long sentBetween(Instant from, Instant to) {
        return jdbi.withExtension(OutboundTextDao.class, dao -> dao.sentBetween(from, to));
    }

    /** {@link #sentBetween} per local ISO week, keyed by its Monday; weeks without a text are absent. */
    public Map<LocalDate, Long> sentByWeek(Instant from, Instant to, ZoneId zone) {
        Map<LocalDate, Long> weeks = jdbi.withExtension(OutboundTextDao.class, dao -> dao.sentByWeek(from, to, zone.getId()));
        return new TreeMap<>(weeks);
    }
}
