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
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due outbox rows through the {@link TwilioGateway}. Several instances may run on one
 * database. An advisory lock serialises claiming across them, so the shared per-second rate is
 * counted and spent as one step, and a claimed row is marked 'sending' with a fresh claim token
 * before any is sent; {@code FOR UPDATE SKIP LOCKED} is the second guard, against rows another
 * transaction holds. A round claims no more rows than there are send threads, so each send starts
 * as its row is claimed and the claim timeout (after which another instance may take a row back)
 * runs from there. Outcomes are written by {@link SendOutcomes}, only while the row still holds the
 * claim's token.
 *
 * <p>A row whose earlier attempt may have reached Twilio unbeknown to us (its sender died mid-send,
 * or no answer came) is not simply sent again: Twilio is asked first ({@link EarlierSends}), and a
 * match settles the row as sent. Only such rows pay for that request; any other is one request.
 */
public final class OutboxDispatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    static final int SEND_THREADS = 4;
    private static final Duration RATE_WINDOW = Duration.ofSeconds(1);
    /** How many of the next due rows each round checks for opted-out recipients. */
    static final int OPT_OUT_WINDOW = 100;

    private final Jdbi jdbi;
    private final TwilioGateway gateway;
    private final PersonalDataCipher cipher;
    private final PhoneNumber from;
    private final URI publicUrl;
    private final HotlineConfig.Outbox settings;
    private final Backoff backoff;
    private final Clock clock;
    private final SendOutcomes outcomes;
    private final EarlierSends earlierSends;
    private final MeterRegistry metrics;
    /** 401s from Twilio in a row, across rows: wrong credentials are this instance's problem, not a row's. */
    private final AtomicInteger authRefusals = new AtomicInteger();
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
        this.outcomes = new SendOutcomes(jdbi, clock, metrics);
        this.earlierSends = new EarlierSends(jdbi);
        this.metrics = metrics;
    }

    /**
     * One round: claims what is due and what the shared rate allows, at most one row per send
     * thread, and sends it. Returns the count claimed.
     */
    public int dispatchOnce() {
        outcomes.retryUnrecorded();
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
        UUID token = UUID.randomUUID();
        return jdbi.inTransaction(tx -> {
            var dao = tx.attach(OutboxDao.class);
            dao.lockForClaim();
            // Read after the lock: time spent waiting for it must not age the claim.
            Instant now = clock.instant();
            Instant staleBefore = now.minus(settings.claimTimeout());
            // The opt-out is checked here, at send time, so every text queued before a STOP honours it.
            cancelled("opted_out", dao.cancelOptedOut(now, staleBefore, OPT_OUT_WINDOW));
            cancelled("too_late", dao.cancelExpired(now));
            int budget = settings.rate() - dao.claimedSince(now.minus(RATE_WINDOW));
            if (budget <= 0) {
                return List.of();
            }
            // Every send thread is free here (a round waits for its sends), so each row claimed
            // starts sending now: claimed_at is when its send starts.
            return dao.claim(now, staleBefore, Math.min(budget, SEND_THREADS), token);
        });
    }

    private void cancelled(String reason, int count) {
        if (count > 0) {
            metrics.counter("hotline_outbox_cancelled_total", "kind", "sms", "reason", reason).increment(count);
            log.info("event=outbox.cancelled reason={} count={}", reason, count);
        }
    }

    private void send(OutboxRow row) {
        Request request;
        try {
            request = request(row);
        } catch (RuntimeException e) {
            // Our own fault, found before anything went out (a row that cannot be opened or is no
            // valid request as it stands): retrying will not help, and leaving it 'sending' would
            // have it taken up again after every claim timeout.
            outcomes.failed(row, 0, null, "not sendable: " + e.getClass().getSimpleName(), false);
            return;
        }
        if (row.outcomeUnknownSince() != null && !earlierSendMissing(row, request)) {
            return;
        }
        SendResult result;
        try {
            result = request.send().get();
        } catch (TwilioSendException e) {
            refused(row, e);
            return;
        } catch (RuntimeException e) {
            // Whether Twilio took it is unknown: as good as an answer that never came.
            retryOrFail(row, 0, null, "Twilio request failed: " + e.getClass().getSimpleName());
            return;
        }
        authRefusals.set(0);
        outcomes.sent(row, result);
    }

    /**
     * Asks Twilio for the row's earlier send. True only when it surely has none, so the row may be
     * sent; otherwise the row is settled as sent with what Twilio has, or, when the look-up failed,
     * kept for a later try: a late text is better than a double one.
     */
    private boolean earlierSendMissing(OutboxRow row, Request request) {
        Optional<SendResult> earlier;
        try {
            earlier = earlierSends.find(row, request.findEarlier());
        } catch (TwilioSendException e) {
            if (e.httpStatus() == 401) {
                refused(row, e);
            } else {
                // Whatever the answer, nothing is known of the earlier attempt yet: never a reason to give up at once.
                retryOrFail(row, e.httpStatus(), e.twilioCode(), e.getMessage());
            }
            return false;
        } catch (RuntimeException e) {
            retryOrFail(row, 0, null, "earlier send not looked up: " + e.getClass().getSimpleName());
            return false;
        }
        authRefusals.set(0);
        earlier.ifPresent(found -> outcomes.recovered(row, found));
        return earlier.isEmpty();
    }

    /** The row opened into its Twilio requests: sending it, and looking for an earlier send of it since a time. */
    private record Request(Supplier<SendResult> send, Function<Instant, List<SendResult>> findEarlier) {}

    /** Opens the row and builds its requests; nothing is sent until one is called for. */
    private Request request(OutboxRow row) {
        if ("sms".equals(row.kind())) {
            OutboundSms sms = sms(row);
            return new Request(() -> gateway.sendSms(sms), since -> gateway.findSms(sms, since));
        }
        OutboundCall call = call(row);
        return new Request(() -> gateway.placeCall(call), since -> gateway.findCall(call, since));
    }

    private void refused(OutboxRow row, TwilioSendException e) {
        if (e.httpStatus() == 401) {
            // Twilio refused our credentials, not this message: keep it pending, without using up
            // its attempts, until they are fixed. The wait grows with each 401 in a row, up to retryMax.
            Duration wait = backoff.after(authRefusals.updateAndGet(n -> Math.min(n + 1, 64)));
            outcomes.authRefused(row, e.twilioCode(), e.getMessage(), clock.instant().plus(wait));
        } else if (e.retryable()) {
            retryOrFail(row, e.httpStatus(), e.twilioCode(), e.getMessage());
        } else {
            outcomes.failed(row, e.httpStatus(), e.twilioCode(), e.getMessage(), false);
        }
    }

    private void retryOrFail(OutboxRow row, int http, Integer code, String message) {
        if (row.attempts() >= settings.maxAttempts()) {
            outcomes.failed(row, http, code, message, true);
            return;
        }
        Duration wait = backoff.after(row.attempts());
        // No answer: Twilio may have taken the message all the same, so the next attempt asks it
        // first. Waiting one claim timeout gives its status callback (which carries our id) the
        // chance to settle the row before, and Twilio's list the time to show the message.
        boolean outcomeUnknown = http == 0;
        if (outcomeUnknown && wait.compareTo(settings.claimTimeout()) < 0) {
            wait = settings.claimTimeout();
        }
        outcomes.retry(row, http, code, message, clock.instant().plus(wait), outcomeUnknown);
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
            outcomes.abandonUnrecorded();
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
