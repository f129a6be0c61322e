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
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due outbox rows through the {@link TwilioGateway}. Several instances may run on one
 * database. An advisory lock serialises claiming across them, so the shared per-second rate is
 * counted and spent as one step, and a claimed row is marked 'sending' with a fresh claim token
 * before any is sent; {@code FOR UPDATE SKIP LOCKED} is the second guard, against rows another
 * transaction holds. A round claims no more rows than there are idle send threads, so each send
 * starts as its row is claimed and the claim timeout (after which another instance may take a row
 * back) runs from there. The loop claims again as soon as a quarter of the send threads are idle,
 * not when a round's slowest send ends ({@link SendThreads}). Each row is sent by {@link
 * RowSender}; outcomes are written by {@link SendOutcomes}, only while the row still holds the
 * claim's token.
 */
public final class OutboxDispatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    /**
     * Sends under way at once, and so the most rows a round claims. A send is mostly waiting for
     * Twilio's answer (README: 4 threads in rounds that waited for their slowest send made 119
     * texts/s, 16 made 264/s). Twilio's HTTP client keeps 40 connections, and a send holds a
     * database connection only for its outcome's one statement.
     */
    static final int SEND_THREADS = 32;
    /**
     * Idle send threads the loop waits for before it claims again: claiming for one free thread at
     * a time would cost a claim transaction per text.
     */
    private static final int CLAIM_AT_IDLE = SEND_THREADS / 4;
    private static final Duration RATE_WINDOW = Duration.ofSeconds(1);
    /** How many of the next due rows each round checks for opted-out recipients. */
    static final int OPT_OUT_WINDOW = 100;

    private final Jdbi jdbi;
    private final OutboxSettings settings;
    private final Clock clock;
    private final SendOutcomes outcomes;
    private final RowSender sender;
    private final MeterRegistry metrics;
    private final SendThreads senders = new SendThreads(SEND_THREADS);
    private final ExecutorService loop = Executors.newSingleThreadExecutor(SendThreads.daemon("outbox-loop"));
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
     * One round: claims what is due and what the shared rate allows, at most one row per idle send
     * thread, sends it and waits for the sends. Returns the count claimed.
     */
    public int dispatchOnce() {
        Dispatched dispatched = round(senders.takeIdle());
        dispatched.underWay().await();
        return dispatched.round().claimed();
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

    /**
     * Claims for the {@code idle} send threads the caller has taken and starts the sends; threads
     * the claim did not use are given back at once, the others as their sends end.
     */
    private Dispatched round(int idle) {
        Claim claim;
        try {
            outcomes.retryUnrecorded();
            claim = claim(idle);
        } catch (RuntimeException e) {
            senders.giveBack(idle);
            throw e;
        }
        List<OutboxRow> rows = claim.rows();
        senders.giveBack(idle - rows.size());
        var round = new Round(rows.size(), claim.rateRoomAt());
        return new Dispatched(round, rows.isEmpty() ? SendThreads.Sends.NONE : senders.start(claim.token(), rows, sender::send));
    }

    /** A round, and its sends under way. */
    private record Dispatched(Round round, SendThreads.Sends underWay) {}

    /** {@code rateRoomAt}: set when the shared rate allowed nothing: when its oldest claim leaves the window. */
    private record Claim(UUID token, List<OutboxRow> rows, Instant rateRoomAt) {}

    private Claim claim(int idle) {
        UUID token = UUID.randomUUID();
        UUID[] ownInFlight = senders.tokensInFlight();
        return jdbi.inTransaction(tx -> {
            var dao = tx.attach(OutboxDao.class);
            dao.lockForClaim();
            // Read after the lock: time spent waiting for it must not age the claim.
            Instant now = clock.instant();
            Instant staleBefore = now.minus(settings.claimTimeout());
            // The opt-out is checked here, at send time, so every text queued before a STOP honours it.
            cancelled("opted_out", dao.cancelOptedOut(now, staleBefore, ownInFlight, OPT_OUT_WINDOW));
            cancelled("too_late", dao.cancelExpired(now));
            OutboxDao.Window window = dao.claimedSince(now.minus(RATE_WINDOW));
            int budget = settings.rate() - window.claims();
            if (budget <= 0) {
                return new Claim(token, List.of(), window.oldest() == null ? null : window.oldest().plus(RATE_WINDOW));
            }
            // No more rows than idle send threads, so each row claimed starts sending now:
            // claimed_at is when its send starts.
            return new Claim(token, dao.claim(now, staleBefore, ownInFlight, Math.min(budget, idle), token), null);
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
                Round round = round(senders.awaitIdle(CLAIM_AT_IDLE)).round();
                TimeUnit.MILLISECONDS.sleep(round.pauseMillis(clock.instant(), settings.pollInterval()));
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
        try {
            senders.close();
            loop.awaitTermination(5, TimeUnit.SECONDS);
            outcomes.abandonUnrecorded();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
