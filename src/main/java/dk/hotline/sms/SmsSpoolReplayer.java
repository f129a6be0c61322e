package dk.hotline.sms;

import dk.hotline.common.UnavailableException;
import dk.hotline.db.DatabaseOutage;
import dk.hotline.twilio.Webhook;
import dk.hotline.twilio.WebhookHandler;
import dk.hotline.twilio.WebhookParams;
import dk.hotline.twilio.WebhookRequest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every few seconds, acts on the texts waiting in the {@link SmsSpool}, oldest first, through the
 * same handler as {@code /twilio/sms} (so a text Twilio also retried there after the outage is
 * acted on once, by its MessageSid), and removes each file only after its transaction committed.
 *
 * <p>A thread of this instance, not a Quartz job: Quartz keeps its triggers in the database that
 * was down, and the spool is on this instance's disk.
 */
public final class SmsSpoolReplayer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SmsSpoolReplayer.class);
    static final Duration EVERY = Duration.ofSeconds(2);

    private final SmsSpool spool;
    private final WebhookHandler inbound;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(work -> {
        var t = new Thread(work, "sms-spool-replay");
        t.setDaemon(true);
        return t;
    });

    SmsSpoolReplayer(SmsSpool spool, WebhookHandler inbound) {
        this.spool = spool;
        this.inbound = inbound;
    }

    public void start() {
        thread.scheduleWithFixedDelay(this::replayQuietly, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Acts on every text waiting, in the order they came; stops at the first sign the database is still away. */
    void replay() {
        if (spool.isEmpty()) {
            return;
        }
        for (var text : spool.waiting()) {
            try {
                inbound.handle(new WebhookRequest(Webhook.SMS, "", Map.of(), new WebhookParams(text.fields())));
            } catch (UnavailableException e) {
                return;
            } catch (RuntimeException e) {
                if (DatabaseOutage.is(e)) {
                    return;
                }
                // Kept for the next round and for an operator: a text is never dropped for our fault.
                log.error("event=sms.replay_failed sid={} error={}", text.sid(), e.getClass().getName());
                continue;
            }
            spool.remove(text.sid());
            log.info("event=sms.replayed sid={}", text.sid());
        }
    }

    private void replayQuietly() {
        try {
            replay();
        } catch (RuntimeException e) {
            // An exception would end the schedule; the next round tries again.
            log.error("event=sms.replay_error error={}", e.getClass().getName());
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
