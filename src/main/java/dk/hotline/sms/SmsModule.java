package dk.hotline.sms;

import dk.hotline.flows.Texts;
import dk.hotline.followups.FollowupsModule;
import dk.hotline.groups.GroupsModule;
import dk.hotline.outbox.Outbox;
import dk.hotline.outbox.OutboxModule;
import dk.hotline.privacy.RetentionRule;
import dk.hotline.privacy.SealedTable;
import dk.hotline.privacy.Sealing;
import dk.hotline.privacy.SubjectRecords;
import dk.hotline.rota.RotaModule;
import dk.hotline.scheduling.Jobs;
import dk.hotline.twilio.Webhook;
import dk.hotline.twilio.WebhookHandler;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Texts to the hotline's number: keywords and opt-out, leaders' own commands, and the relay that
 * lets survivors and leaders text without seeing each other's numbers.
 */
public record SmsModule(Map<Webhook, WebhookHandler> webhooks, Blocklist blocklist, InboundTexts inbound,
                        Conversations conversations, ConversationLog log, SmsSpoolReplayer spoolReplayer) {
    /** What retention erases of texts, and what it keeps. */
    public static final List<RetentionRule> RETENTION = TextRetention.RULES;
    /** What a key rotation re-seals: texters' numbers, relayed words, blocked numbers. */
    public static final List<SealedTable> SEALED = List.of(
            SealedTable.number("conversations", "survivor_sealed", "survivor_index"),
            SealedTable.values("conversation_messages", "body_sealed"),
            SealedTable.number("sms_blocklist", "phone_sealed", "phone_index"));

    /** How often texts that waited for a shift are delivered and quiet conversations closed. */
    static final Duration RELAY_SWEEP = Duration.ofMinutes(1);

    /** The texts' part of a person's access and erasure requests. */
    public static SubjectRecords subjects(Sealing sealing, Outbox outbox, Clock clock) {
        return new TextSubjectRecords(sealing.cipher(), outbox, clock);
    }

    /** @param spoolDir where texts wait while the database is down (this instance's own disk) */
    public static SmsModule create(Jdbi jdbi, Sealing sealing, SmsKeywords keywords, Texts texts, OutboxModule outbox,
                                   RotaModule rota, FollowupsModule followups, GroupsModule groups, SmsSettings settings,
                                   Path spoolDir, ZoneId zone, Jobs jobs, Clock clock) {
        var longTexts = new LongTexts(outbox.outbox());
        var relay = new Relay(jdbi, outbox.outbox(), longTexts, sealing.cipher(), sealing.index(), rota.leaders(), rota.rota(), texts,
                settings.autoReplyWindow(), settings.closeAfter(), zone, clock);
        jobs.every(RelayJob.class, () -> new RelayJob(relay), RELAY_SWEEP);
        var blocklist = new Blocklist(sealing.cipher(), sealing.index(), clock);
        var survivors = new SurvivorTexts(keywords, outbox.suppressions(), blocklist,
                new InboundRateLimit(sealing.index(), settings.maxPerMinute()), groups.interest(), groups.attendance(),
                followups.followups(), followups.callbacks(), relay, outbox.outbox(), texts, clock);
        var leaders = new LeaderTexts(keywords, rota.leaders(), rota.rota(), relay, longTexts, followups.callbackCalls(),
                followups.followups(), texts, zone, clock);
        var inbound = new InboundSmsHandler(jdbi, rota.leaders(), survivors, leaders, clock);
        var spool = SmsSpool.open(spoolDir, sealing.cipher());
        var spooling = new SpoolingSmsHandlers(inbound, spool, keywords, texts, clock);
        return new SmsModule(
                Map.of(Webhook.SMS, spooling::primary,
                        Webhook.SMS_FALLBACK, spooling::fallback,
                        Webhook.SMS_STATUS, new MessageStatusHandler(jdbi, outbox.outbox())),
                blocklist, new InboundTexts(jdbi, sealing.cipher()), new Conversations(jdbi),
                new ConversationLog(jdbi, sealing.cipher(), outbox.log()), new SmsSpoolReplayer(spool, inbound));
    }
}
