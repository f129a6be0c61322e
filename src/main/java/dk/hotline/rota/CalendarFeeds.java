package dk.hotline.rota;

import dk.hotline.common.NotFoundException;
import dk.hotline.privacy.PersonalDataCipher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leaders' calendar links: a secret URL a phone's calendar app subscribes to, which lists that
 * leader's shifts. The secret is the only key (the app cannot sign in), so it is 256 random bits,
 * found by its SHA-256 and otherwise kept sealed, one per leader: a new link replaces the old one
 * and revoking deletes it.
 */
public final class CalendarFeeds {
    /** How far back and ahead a feed reaches: enough for the weeks a leader plans around. */
    public static final Duration REACH = Duration.ofDays(8 * 7);

    private static final Logger log = LoggerFactory.getLogger(CalendarFeeds.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Jdbi jdbi;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    CalendarFeeds(Jdbi jdbi, PersonalDataCipher cipher, Clock clock) {
        this.jdbi = jdbi;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** A new link for the leader, in place of any they had; answers the secret, which is shown once. */
    public String renew(long leaderId) {
        String secret = random();
        // As PostgreSQL keeps it: it rounds nanoseconds.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        jdbi.useTransaction(tx -> {
            if (tx.attach(ShiftDao.class).leaderName(leaderId).isEmpty()) {
                throw new NotFoundException("no such leader");
            }
            tx.attach(CalendarFeedDao.class).store(leaderId, sha256(secret), cipher.seal(secret), now);
        });
        log.info("event=rota.calendar_link_made leader={}", leaderId);
        return secret;
    }

    /** The leader's live link's secret, made now when they have none (never made, or revoked). */
    public String current(long leaderId) {
        return jdbi.withExtension(CalendarFeedDao.class, dao -> dao.sealedSecret(leaderId)).map(cipher::open)
                .orElseGet(() -> renew(leaderId));
    }

    /** Ends the leader's link, if they have one: it answers 404 from now on. Says whether there was one. */
    public boolean revoke(long leaderId) {
        boolean revoked = jdbi.inTransaction(tx -> {
            if (tx.attach(ShiftDao.class).leaderName(leaderId).isEmpty()) {
                throw new NotFoundException("no such leader");
            }
            return tx.attach(CalendarFeedDao.class).delete(leaderId) > 0;
        });
        if (revoked) {
            log.info("event=rota.calendar_link_revoked leader={}", leaderId);
        }
        return revoked;
    }

    /** When the leader's current link was made, if they have one. */
    public Optional<Instant> since(long leaderId) {
        return jdbi.withExtension(CalendarFeedDao.class, dao -> dao.createdAt(leaderId));
    }

    /**
     * The shifts the link shows, by start: its leader's, from {@link #REACH} before now to as far
     * after; none when the secret is no live link (unknown, replaced, revoked, or its leader deleted).
     */
    public Optional<List<Shift>> shifts(String secret) {
        if (secret == null || secret.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return jdbi.withHandle(tx -> tx.attach(CalendarFeedDao.class).leaderOf(sha256(secret))
                .map(leader -> tx.attach(ShiftDao.class).ofLeader(leader, now.minus(REACH), now.plus(REACH))));
    }

    /** 256 random bits, URL-safe. */
    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-256", e);
        }
    }
}
