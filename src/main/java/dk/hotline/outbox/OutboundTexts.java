package dk.hotline.outbox;

import dk.hotline.privacy.PersonalDataCipher;
import java.time.Instant;
import java.util.List;
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
     * One outgoing text. {@code kind} from {@link TextKinds}; {@code status} the outbox's
     * ({@code pending}, {@code sending}, {@code sent}, {@code failed}, {@code cancelled});
     * {@code deliveryStatus} and {@code errorCode} as Twilio last reported them.
     */
    public record OutboundText(long id, Instant createdAt, String number, String kind, String status,
                               String deliveryStatus, Integer errorCode) {}

    /** Texts queued in {@code [from, to)}, oldest first. */
    public List<OutboundText> between(Instant from, Instant to) {
        return jdbi.withExtension(OutboundTextDao.class, dao -> dao.between(from, to)).stream()
                .map(r -> new OutboundText(r.id(), r.createdAt(),
                        r.recipientSealed() == null ? NOT_STORED : cipher.openPhone(r.recipientSealed()).masked(),
                        TextKinds.of(r.dedupeKey()), r.status(), r.deliveryStatus(), r.errorCode()))
                .toList();
    }

    /** How many texts queued in {@code [from, to)} were sent (Twilio took them). */
    public long sentBetween(Instant from, Instant to) {
        return jdbi.withExtension(OutboundTextDao.class, dao -> dao.sentBetween(from, to));
    }
}
