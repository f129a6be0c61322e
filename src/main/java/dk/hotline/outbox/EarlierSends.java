package dk.hotline.outbox;

import dk.hotline.twilio.SendResult;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * Finds a row's own earlier send among what Twilio holds, for a row whose earlier attempt may have
 * reached Twilio without our learning it. Twilio can only be asked by recipient, sender, words and
 * time, so it may also answer with another row's text of the same words to the same number; texts
 * to one number go one at a time, so that row was settled first and holds its sid, and such
 * matches are left out. Taking one would mark this row sent while it never went.
 */
final class EarlierSends {
    private final Jdbi jdbi;

    EarlierSends(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * The newest match that no other row holds, or nothing. {@code lookup} asks Twilio for matches
     * created since the time it is given, and throws when it cannot.
     */
    Optional<SendResult> find(OutboxRow row, Function<Instant, List<SendResult>> lookup) {
        List<SendResult> matches = lookup.apply(row.outcomeUnknownSince());
        if (matches.isEmpty()) {
            return Optional.empty();
        }
        List<String> sids = matches.stream().map(SendResult::sid).toList();
        Set<String> others = Set.copyOf(jdbi.withExtension(OutboxDao.class, dao -> dao.sidsOfOtherRows(sids, row.id())));
        return matches.stream().filter(match -> !others.contains(match.sid())).findFirst();
    }
}
