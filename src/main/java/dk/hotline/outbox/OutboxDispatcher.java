package dk.hotline.outbox;

import dk.hotline.privacy.PersonalDataCipher;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.twilio.TwilioGateway;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
 * runs from there. Each row is sent by {@link RowSender}; outcomes are written by {@link
 * SendOutcomes}, only while the row still holds the claim's token.
 */
public final class OutboxDispatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    /**
     * Sends under way at once, and so the most rows a round claims. A send is mostly waiting for
     * Twilio's answer, so a round takes about as long as its slowest send whatever its size (4
     * threads: 119 texts/s in the benchmark; README for 16). Twilio's HTTP client keeps 20
     * connections, and a send holds a database connection only for its outcome's one statement.
     * A round waits for all its sends before it claims again, so no row this instance is still
     * sending can look abandoned to its own next claim.
     */
    static final int SEND_THREADS = 16;
    private static final Duration RATE_WINDOW = Duration.ofSeconds(1);
    /** How many of the next due rows each round checks for opted-out recipients. */
    static final int OPT_OUT_WINDOW = 100;

    private final Jdbi jdbi;
    private final OutboxSettings settings;
    private final Clock clock;
    private final SendOutcomes outcomes;
    private final RowSender sender;
    private final MeterRegistry metrics;
    private final ExecutorService senders = Executors.newFixedThreadPool(SEND_THREADS, daemon("outbox-send"));
    private final ExecutorService loop = Executors.newSingleThreadExecutor(daemon("outbox-loop"));
    private volatile boolean running;

    public OutboxDispatcher(Jdbi jdbi, TwilioGateway gateway, PersonalDataCipher cipher, PhoneNumber from,
                            URI publicUrl, OutboxSettings settings, Clock clock, MeterRegistry metrics) {
        this.jdbi = jdbi;
        this.settings = settings;
        this.clock = clock;
        this.outcomes = new SendOutcomes(jdbi, clock, metrics);
        this.sender = new RowSender(gateway, cipher, from, publicUrl, settings, outcomes, new EarlierSends(jdbi), clock);
        this.metrics = metrics;
    }

    /**
     * One round: claims what is due and what the shared rate allows, at most one row per send
     * thread, and sends it. Returns the count claimed.
     */
    public int dispatchOnce() {
        return round().claimed();
    }

    /** What a round did: rows claimed, and when the shared rate has room again if it had none. */
    private record Round(int claimed, Instant rateRoomAt) {
        /**
         * The loop's pause before the next round: none after a claim; when the rate is spent, until
         * it has room, not a whole poll interval; when nothing was due, a poll interval.
         */
        long pauseMillis(Instant now, Duration pollInterval) {
            if (rateRoomAt != null) {
                return Math.max(1, Math.min(Duration.between(now, rateRoomAt).toMillis(), pollInterval.toMillis()));
            }
            return claimed == 0 ? pollInterval.toMillis() : 0;
        }
    }

    private Round round() {
        outcomes.retryUnrecorded();
        Claim claim = claim();
        List<OutboxRow> rows = claim.rows();
        List<Future<?>> sends = rows.stream().<Future<?>>map(row -> senders.submit(() -> sender.send(row))).toList();
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
        return new Round(rows.size(), claim.rateRoomAt());
    }

    /** {@code rateRoomAt}: set when the shared rate allowed nothing: when its oldest claim leaves the window. */
    private record Claim(List<OutboxRow> rows, Instant rateRoomAt) {}

    private Claim claim() {
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
            OutboxDao.Window window = dao.claimedSince(now.minus(RATE_WINDOW));
            int budget = settings.rate() - window.claims();
            if (budget <= 0) {
                return new Claim(List.of(), window.oldest() == null ? null : window.oldest().plus(RATE_WINDOW));
            }
            // Every send thread is free here (a round waits for its sends), so each row claimed
            // starts sending now: claimed_at is when its send starts.
            return new Claim(dao.claim(now, staleBefore, Math.min(budget, SEND_THREADS), token), null);
        });
    }

    private void cancelled(String reason, int count) {
        if (count > 0) {
            metrics.counter("hotline_outbox_cancelled_total", "kind", "sms", "reason", reason).increment(count);
            log.info("event=outbox.cancelled reason={} count={}", reason, count);
        }
    }

    /** Registers what is told when the outbox gives up on a call; before {@link #start()}. */
    public void onCallGivenUp(CallGivenUpListener listener) {
        outcomes.onCallGivenUp(listener);
    }

    /** Dispatches in the background until {@link #close()}. */
    public void start() {
        running = true;
        loop.submit(this::runLoop);
    }

    private void runLoop() {
        while (running) {
            try {
                TimeUnit.MILLISECONDS.sleep(round().pauseMillis(clock.instant(), settings.pollInterval()));
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
