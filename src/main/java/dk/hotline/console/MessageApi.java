package dk.hotline.console;

import dk.hotline.outbox.OutboundTexts;
import dk.hotline.sms.InboundTexts;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;

/**
 * {@code GET /api/messages?from=&to=}: the texts that came in and went out, oldest first, numbers
 * masked and never a word of what they said (bodies stay sealed; coordinators do not read them).
 */
public final class MessageApi {
    private final InboundTexts inbound;
    private final OutboundTexts outbound;
    private final ZoneId zone;

    MessageApi(InboundTexts inbound, OutboundTexts outbound, ZoneId zone) {
        this.inbound = inbound;
        this.outbound = outbound;
        this.zone = zone;
    }

    /** {@code id}: the MessageSid of a text that came in, {@code outbox-<n>} for one that went out. */
    record MessageView(String id, String at, String direction, String number, String kind, String status,
                       String deliveryStatus, Integer errorCode) {}

    private record Sorted(Instant at, MessageView view) {}

    public void register(RoutesConfig routes) {
        routes.get("/api/messages", this::list);
    }

    private void list(Context ctx) {
        var window = ReportWindow.of(ctx);
        var all = new ArrayList<Sorted>();
        inbound.between(window.from(), window.to()).forEach(t -> all.add(new Sorted(t.receivedAt(), new MessageView(
                t.messageSid(), ShiftView.local(t.receivedAt(), zone), "in", t.number(), t.kind(), t.status(), null, null))));
        outbound.between(window.from(), window.to()).forEach(t -> all.add(new Sorted(t.createdAt(), new MessageView(
                "outbox-" + t.id(), ShiftView.local(t.createdAt(), zone), "out", t.number(), t.kind().code(), t.status().code(),
                t.deliveryStatus(), t.errorCode()))));
        // A text and the replies it caused share their instant: the text comes first. Stable sort
        // keeps each side's own order (received, or queued) within one instant.
        all.sort(Comparator.comparing(Sorted::at).thenComparing(s -> s.view().direction().equals("in") ? 0 : 1));
        ctx.json(all.stream().map(Sorted::view).toList());
    }
}
