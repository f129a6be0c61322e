package dk.hotline.console;

import dk.hotline.common.Coded;
import dk.hotline.common.InvalidInputException;
import dk.hotline.outbox.MessageKind;
import dk.hotline.outbox.OutboxLog;
import dk.hotline.outbox.OutboxState;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * What the outbox is asked for, on {@code /outbox} and through {@code /api/outbox} alike: a
 * {@code status} ({@link OutboxState}'s codes), a {@code kind} ({@link MessageKind}'s codes), and a
 * {@code page} of 50, newest first.
 */
record OutboxQuery(Optional<OutboxState> status, Optional<MessageKind> kind, int page) {
    static final int PAGE_SIZE = 50;

    /** The query as sent; a 400 naming {@code status}, {@code kind} or {@code page} when it will not do. */
    static OutboxQuery read(Context ctx) {
        var status = param(ctx, "status").map(code -> OutboxState.fromCode(code)
                .orElseThrow(() -> new InvalidInputException("status", "not a status of the outbox")));
        var kind = param(ctx, "kind").map(code -> Coded.byCode(MessageKind.class, code)
                .orElseThrow(() -> new InvalidInputException("kind", "not a kind of message")));
        return new OutboxQuery(status, kind, QueryParams.page(ctx));
    }

    OutboxLog.Slice run(OutboxLog log) {
        return log.list(status, kind, (page - 1) * PAGE_SIZE, PAGE_SIZE);
    }

    private static Optional<String> param(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).map(String::trim).filter(s -> !s.isEmpty());
    }
}
