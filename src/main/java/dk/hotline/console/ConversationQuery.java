package dk.hotline.console;

import dk.hotline.common.InvalidInputException;
import dk.hotline.sms.ConversationLog;
import dk.hotline.web.Principal;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * What the list of conversations is asked for, on {@code /messages} and through {@code
 * /api/conversations} alike: {@code state} ({@code open} or {@code closed}, both when left out),
 * {@code from} and {@code to} local dates in the rota's zone, both included (a conversation going on
 * then: started by the end of {@code to}, its last text on or after the start of {@code from}), and
 * a {@code page} of 50, newest activity first. Dates and page are read as the audit log reads them.
 */
record ConversationQuery(Optional<String> state, AuditQuery days) {
    static final int PAGE_SIZE = 50;
    private static final Set<String> STATES = Set.of("open", "closed");

    /** The query as sent; a 400 naming {@code state}, {@code from}, {@code to} or {@code page} when it will not do. */
    static ConversationQuery read(Context ctx) {
        var state = Optional.ofNullable(ctx.queryParam("state")).map(String::trim).filter(s -> !s.isEmpty());
        if (state.isPresent() && !STATES.contains(state.get())) {
            throw new InvalidInputException("state", "open or closed");
        }
        return new ConversationQuery(state, AuditQuery.read(ctx));
    }

    int page() {
        return days.page();
    }

    /** The page asked for; a leader account's only among the conversations offered to it. */
    ConversationLog.Slice run(ConversationLog log, Principal principal, ZoneId zone) {
        var filter = new ConversationLog.Filter(state, days.from().map(day -> day.atStartOfDay(zone).toInstant()),
                days.to().map(day -> day.plusDays(1).atStartOfDay(zone).toInstant()),
                principal.coordinator() ? Optional.empty() : Optional.of(ownLeader(principal)));
        return log.list(filter, (page() - 1) * PAGE_SIZE, PAGE_SIZE);
    }

    /** The leader a leader account is; an account without one sees nothing. */
    static long ownLeader(Principal principal) {
        return principal.leaderId().orElseThrow(() -> new ForbiddenResponse("no leader for this account"));
    }
}
