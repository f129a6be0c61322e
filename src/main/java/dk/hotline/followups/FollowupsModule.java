package dk.hotline.followups;

import dk.hotline.common.QuietHours;
import dk.hotline.flows.Texts;
import dk.hotline.outbox.OutboxModule;
import dk.hotline.privacy.RetentionRule;
import dk.hotline.privacy.SealedTable;
import dk.hotline.privacy.Sealing;
import dk.hotline.privacy.SubjectRecords;
import dk.hotline.rota.RotaModule;
import dk.hotline.routing.RoutingModule;
import dk.hotline.scheduling.Jobs;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Requests to be called back (and the calls that answer them), and follow-up texts days after a contact. */
public record FollowupsModule(Followups followups, CallbackRequests callbacks, CallbackCalls callbackCalls) {
    /** What retention erases of callback requests and follow-ups. */
    public static final List<RetentionRule> RETENTION = List.of(new FollowupRetention());
    /** What a key rotation re-seals: the numbers to call back and to follow up. */
    public static final List<SealedTable> SEALED = List.of(
            SealedTable.number("callback_requests", "phone_sealed", "phone_index"),
            SealedTable.number("followups", "phone_sealed", "phone_index"));
    /** How often waiting callback requests and due follow-ups are looked for: a minute is precision enough. */
    static final Duration SWEEP = Duration.ofMinutes(1);

    /** The callbacks' and follow-ups' part of a person's access and erasure requests. */
    public static SubjectRecords subjects(Clock clock) {
        return new FollowupSubjectRecords(clock);
    }

    public static FollowupsModule create(Jdbi jdbi, Sealing sealing, Texts texts, OutboxModule outbox, RotaModule rota,
                                         RoutingModule routing, Duration followupAfter, Optional<QuietHours> quietHours,
                                         ZoneId zone, Jobs jobs, Clock clock) {
        var callbacks = new CallbackRequests(sealing.cipher(), sealing.index(), outbox.outbox(), rota.rota(), rota.leaders(),
                routing.offers(), texts, clock);
        var followups = new Followups(jdbi, outbox.outbox(), outbox.suppressions(), sealing.cipher(), sealing.index(), texts,
                followupAfter, quietHours, zone, clock);
        jobs.every(CallbackAnnounceJob.class, () -> new CallbackAnnounceJob(jdbi, callbacks), SWEEP);
        jobs.every(FollowupJob.class, () -> new FollowupJob(followups), SWEEP);
        var calls = new CallbackCalls(jdbi, callbacks, rota.leaders(), routing.offers(), outbox.outbox(), clock);
        return new FollowupsModule(followups, callbacks, calls);
    }
}
