package dk.hotline.outbox;

import dk.hotline.privacy.PhoneNumber;
import dk.hotline.privacy.RetentionRule;
import dk.hotline.privacy.SealedTable;
import dk.hotline.privacy.Sealing;
import dk.hotline.privacy.SubjectRecords;
import dk.hotline.twilio.TwilioGateway;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Every outbound text and call: queued by features in their own transactions ({@link Outbox}),
 * sent by the {@link OutboxDispatcher} (started by the composition root once all is built), held
 * back by opt-outs ({@link Suppressions}).
 */
public record OutboxModule(Outbox outbox, Suppressions suppressions, OutboxDispatcher dispatcher, OutboundTexts texts,
                           OutboxLog log) {
    /** What retention erases of the outbox's tables, and what it keeps. */
    public static final List<RetentionRule> RETENTION = OutboxRetention.RULES;
    /** What a key rotation re-seals in the outbox's tables. */
    public static final List<SealedTable> SEALED = List.of(
            SealedTable.number("outbox", "recipient_sealed", "recipient_index", "body_sealed"),
            SealedTable.number("suppressions", "phone_sealed", "phone_index"));

    /** The outbox's part of a person's access and erasure requests. */
    public static SubjectRecords subjects(Sealing sealing, Clock clock) {
        return new OutboxSubjectRecords(sealing.cipher(), clock);
    }

    /**
     * @param sender the hotline's number, the caller id of every text and call
     * @param publicUrl where Twilio reaches this service: calls fetch their TwiML there, and status callbacks go there
     */
    public static OutboxModule create(Jdbi jdbi, Sealing sealing, TwilioGateway gateway, PhoneNumber sender, URI publicUrl,
                                      OutboxSettings settings, MeterRegistry metrics, Clock clock) {
        return new OutboxModule(
                new Outbox(sealing.cipher(), sealing.index(), clock),
                new Suppressions(sealing.cipher(), sealing.index(), clock),
                new OutboxDispatcher(jdbi, gateway, sealing.cipher(), sender, publicUrl, settings, clock, metrics),
                new OutboundTexts(jdbi, sealing.cipher()),
                new OutboxLog(jdbi, sealing.cipher()));
    }
}
