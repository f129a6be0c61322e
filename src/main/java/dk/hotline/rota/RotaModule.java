package dk.hotline.rota;

import dk.hotline.flows.Texts;
import dk.hotline.outbox.Outbox;
import dk.hotline.privacy.RetentionRule;
import dk.hotline.privacy.SealedTable;
import dk.hotline.privacy.Sealing;
import dk.hotline.scheduling.Jobs;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** The rota: leaders, shifts and weekly templates, who is on call, and the daily look for gaps. */
public record RotaModule(Leaders leaders, Rota rota, Shifts shifts, RotaTemplates templates, CalendarFeeds calendarFeeds) {
    /** Leaders' numbers are kept while they lead; a calendar link's hash until it is replaced or revoked. */
    public static final List<RetentionRule> RETENTION = List.of(
            new RetentionRule.Kept("leaders", "a leader's own number, for as long as they lead"),
            new RetentionRule.Kept("calendar_feeds", "a leader's calendar link, until they replace or revoke it or are deleted"));
    /** What a key rotation re-seals: leaders' numbers and calendar secrets. */
    public static final List<SealedTable> SEALED = List.of(
            SealedTable.number("leaders", "phone_sealed", "phone_index"),
            SealedTable.values("calendar_feeds", "secret_sealed"));
    /** When the templates' shifts are made for the weeks ahead. */
    static final LocalTime EXTEND_AT = LocalTime.of(3, 15);

    public static RotaModule create(Jdbi jdbi, Sealing sealing, Texts texts, Outbox outbox, RotaCheckSettings check,
                                    RotaLimits limits, ZoneId zone, Jobs jobs, Clock clock) {
        var rota = new Rota(jdbi);
        var templates = new RotaTemplates(jdbi, zone, clock);
        // Catch up at once after downtime; the daily job keeps the rota six weeks ahead.
        templates.extendAhead();
        var rotaCheck = new RotaCheck(jdbi, rota, outbox, texts, check.recipients(), zone, clock);
        jobs.daily(RotaExtendJob.class, () -> new RotaExtendJob(templates), EXTEND_AT);
        jobs.daily(RotaCheckJob.class, () -> new RotaCheckJob(rotaCheck), check.at());
        return new RotaModule(new Leaders(jdbi, sealing.cipher(), sealing.index(), clock), rota, new Shifts(jdbi, limits, clock),
                templates, new CalendarFeeds(jdbi, sealing.cipher(), clock));
    }
}
