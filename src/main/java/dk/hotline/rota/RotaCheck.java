package dk.hotline.rota;

import dk.hotline.flows.Texts;
import dk.hotline.outbox.MessageKind;
import dk.hotline.outbox.Outbox;
import dk.hotline.privacy.PhoneNumber;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily look at the coming week: if any hour has nobody on call, each coordinator in
 * {@code rotaCheck.notify} gets one text listing the gaps. Coordinators are staff, so the text is
 * Danish. Once per coordinator per local day, by dedupe key, however often the check runs.
 */
public final class RotaCheck {
    private static final Logger log = LoggerFactory.getLogger(RotaCheck.class);
    static final int DAYS_AHEAD = 7;

    private final Jdbi jdbi;
    private final Rota rota;
    private final Outbox outbox;
    private final Texts texts;
    private final List<PhoneNumber> notify;
    private final ZoneId zone;
    private final Clock clock;

    RotaCheck(Jdbi jdbi, Rota rota, Outbox outbox, Texts texts, List<PhoneNumber> notify, ZoneId zone, Clock clock) {
        this.jdbi = jdbi;
        this.rota = rota;
        this.outbox = outbox;
        this.texts = texts;
        this.notify = List.copyOf(notify);
        this.zone = zone;
        this.clock = clock;
    }

    /** Queues today's texts (none when the week is covered or nobody is to be told); returns how many were new. */
    public int run() {
        Instant now = clock.instant();
        ZonedDateTime local = now.atZone(zone);
        // Seven days of wall-clock time: a week that crosses a DST change is 167 or 169 hours.
        var gaps = rota.coverageGaps(now, local.plusDays(DAYS_AHEAD).toInstant());
        int queued = 0;
        if (!gaps.isEmpty() && !notify.isEmpty()) {
            String body = RotaGapText.render(gaps, zone, texts);
            queued = jdbi.inTransaction(tx -> {
                int n = 0;
                for (int i = 0; i < notify.size(); i++) {
                    // By position in the list: a key may not hold a number, not even hashed (retention keeps keys).
                    if (outbox.sms(tx, MessageKind.ROTA_GAPS, local.toLocalDate() + ":" + (i + 1), notify.get(i), body, now).isPresent()) {
                        n++;
                    }
                }
                return n;
            });
        }
        log.info("event=rota.gap_check gaps={} coordinators={} queued={}", gaps.size(), notify.size(), queued);
        return queued;
    }
}
