package dk.hotline.outbox;

import dk.hotline.app.HotlineConfig;
import dk.hotline.privacy.PersonalDataCipher;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.twilio.OutboundCall;
import dk.hotline.twilio.OutboundSms;
import dk.hotline.twilio.SendResult;
import dk.hotline.twilio.TwilioGateway;
import dk.hotline.twilio.TwilioSendException;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due outbox rows through the {@link TwilioGateway}. Several instances may run on one
 * database: claiming is serialised by an advisory lock that also enforces the shared per-second
 * rate, and rows are taken with {@code FOR UPDATE SKIP LOCKED} and marked before any is sent, so
 * no row is sent by two dispatchers.
 */
public final class OutboxDispatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final int SEND_THREADS = 4;
    private static final Duration RATE_WINDOW = Duration.ofSeconds(1);
    /** Short claims keep the lock brief and spread a backlog over every running instance. */
    private static final int MAX_BATCH = 50;

    private final Jdbi jdbi;
    private final TwilioGateway gateway;
    private final PersonalDataCipher cipher;
    private final PhoneNumber from;
    private final URI publicUrl;
    private final HotlineConfig.Outbox settings;
    private final Backoff backoff;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final ExecutorService senders = Executors.newFixedThreadPool(SEND_THREADS, daemon("outbox-send"));
    private final ExecutorService loop = Executors.newSingleThreadExecutor(daemon("outbox-loop"));
    private volatile boolean running;

    public OutboxDispatcher(Jdbi jdbi, TwilioGateway gateway, PersonalDataCipher cipher, PhoneNumber from,
                            URI publicUrl, HotlineConfig.Outbox settings, Clock clock, MeterRegistry metrics) {
        this.jdbi = jdbi;
        this.gateway = gateway;
        this.cipher = cipher;
        this.from = from;
        this.publicUrl = publicUrl;
        this.settings = settings;
        this.backoff = new Backoff(settings.retryBase(), settings.retryMax());
        this.clock = clock;
        this.metrics = metrics;
    }

    /** One round: claims what is due and what the shared rate allows, and sends it. Returns the count claimed. */
    public int dispatchOnce() {
        List<OutboxRow> rows = claim();
        List<Future<?>> sends = rows.stream().<Future<?>>map(row -> senders.submit(() -> send(row))).toList();
        for (Future<?> send : sends) {
            try {
                send.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                log.error("event=outbox.send_crashed error={}", e.getClass().getSimpleName());
            }
        }
        return rows.size();
    }

    private List<OutboxRow> claim() {
        Instant now = clock.instant();
        return jdbi.inTransaction(tx -> {
            var dao = tx.attach(OutboxDao.class);
            dao.lockForClaim();
            int budget = settings.rate() - dao.claimedSince(now.minus(RATE_WINDOW));
            if (budget <= 0) {
                return List.of();
            }
            return dao.claim(now, now.minus(settings.claimTimeout()), Math.min(budget, MAX_BATCH));
        });
    }

    private void send(OutboxRow row) {
        try {
            SendResult result = "sms".equals(row.kind()) ? gateway.sendSms(sms(row)) : gateway.placeCall(call(row));
            Instant now = clock.instant();
            jdbi.useExtension(OutboxDao.class, dao -> dao.markSent(row.id(), result.sid(), result.status(), now));
            metrics.counter("hotline_outbox_sent_total", "kind", row.kind()).increment();
            log.info("event=outbox.sent id={} kind={} attempt={} sid={}", row.id(), row.kind(), row.attempts(), result.sid());
        } catch (TwilioSendException e) {
            // A 401 means our credentials are wrong, not the message: keep it for when they are fixed.
            boolean retryable = e.retryable() || e.httpStatus() == 401;
            recordFailure(row, retryable, e.httpStatus(), e.twilioCode(), e.getMessage());
        } catch (RuntimeException e) {
            // Our own fault (a row that cannot be opened or sent as it is): retrying will not help,
            // and leaving it 'sending' would have it taken up again after every claim timeout.
            recordFailure(row, false, 0, null, "not sendable: " + e.getClass().getSimpleName());
        }
    }

    private void recordFailure(OutboxRow row, boolean retryable, int http, Integer code, String message) {
        Instant now = clock.instant();
        String error = message.length() > 500 ? message.substring(0, 500) : message;
        if (retryable && row.attempts() < settings.maxAttempts()) {
            Duration wait = backoff.after(row.attempts());
            if (http == 0 && wait.compareTo(settings.claimTimeout()) < 0) {
                // No answer: Twilio may have taken the message all the same. Waiting one claim
                // timeout gives its status callback (which carries our id) the chance to settle
                // the row as sent before we would send it a second time.
                wait = settings.claimTimeout();
            }
            Instant retryAt = now.plus(wait);
            jdbi.useExtension(OutboxDao.class, dao -> dao.markRetry(row.id(), retryAt, code, error, now));
            metrics.counter("hotline_outbox_retried_total", "kind", row.kind()).increment();
            log.warn("event=outbox.retry id={} kind={} attempt={} http={} code={} retry_at={}",
                    row.id(), row.kind(), row.attempts(), http, code, retryAt);
        } else {
            jdbi.useExtension(OutboxDao.class, dao -> dao.markFailed(row.id(), code, error, now));
            metrics.counter("hotline_outbox_failed_total", "kind", row.kind()).increment();
            log.warn("event=outbox.failed id={} kind={} attempt={} http={} code={} retryable={}",
                    row.id(), row.kind(), row.attempts(), http, code, retryable);
        }
    }

    private OutboundSms sms(OutboxRow row) {
        return new OutboundSms(cipher.openPhone(row.recipientSealed()), from, cipher.open(row.bodySealed()),
                callback("/twilio/sms/status", row));
    }

    private OutboundCall call(OutboxRow row) {
        return new OutboundCall(cipher.openPhone(row.recipientSealed()), from,
                URI.create(publicUrl + row.twimlPath()), callback("/twilio/voice/status", row), 30);
    }

    /** The outbox id rides along so a callback can settle a row whose sender died before recording the sid. */
    private URI callback(String path, OutboxRow row) {
        return URI.create(publicUrl + path + "?outbox=" + row.id());
    }

    /** Dispatches in the background until {@link #close()}. */
    public void start() {
        running = true;
        loop.submit(this::runLoop);
    }

    private void runLoop() {
        while (running) {
            try {
                if (dispatchOnce() == 0) {
                    TimeUnit.MILLISECONDS.sleep(settings.pollInterval().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // A database hiccup must not end dispatching for good; try again after a pause.
                log.error("event=outbox.loop_error error={} message={}", e.getClass().getSimpleName(), e.getMessage());
                sleepQuietly(settings.pollInterval().multipliedBy(4));
            }
        }
    }

    private static void sleepQuietly(Duration d) {
        try {
            TimeUnit.MILLISECONDS.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        loop.shutdownNow();
        senders.shutdown();
        try {
            // Let sends under way record their outcome, so they are not retried after restart.
            if (!senders.awaitTermination(20, TimeUnit.SECONDS)) {
                senders.shutdownNow();
            }
            loop.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            var t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
