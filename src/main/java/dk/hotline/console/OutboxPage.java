package dk.hotline.console;

import dk.hotline.common.InvalidInputException;
import dk.hotline.outbox.MessageKind;
import dk.hotline.outbox.OutboxLog;
import dk.hotline.outbox.OutboxState;
import dk.hotline.web.Messages;
import dk.hotline.web.Pages;
import dk.hotline.web.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /outbox}: Udsendt / Outbox, coordinators only. Every text and call the service sent or
 * will send, newest first, 50 a page, by status and kind: what for, to whom (masked), how far it
 * came, tries and times; never the words. In dry-run mode the page says so first, and the rows the
 * dry-run gateway recorded read "would have been sent". Reads what {@code /api/outbox} reads ({@link OutboxQuery}).
 */
final class OutboxPage {
    private final Pages pages;
    private final OutboxLog log;
    private final boolean dryRun;
    private final ZoneId zone;

    OutboxPage(Pages pages, OutboxLog log, boolean dryRun, ZoneId zone) {
        this.pages = pages;
        this.log = log;
        this.dryRun = dryRun;
        this.zone = zone;
    }

    void register(RoutesConfig routes) {
        routes.get("/outbox", this::show);
    }

    private void show(Context ctx) {
        Principal.coordinator(ctx);
        Messages t = pages.messages(ctx);
        String status = param(ctx, "status");
        String kind = param(ctx, "kind");
        var statuses = new ArrayList<TextsView.Option>();
        statuses.add(new TextsView.Option("", t.get("outbox.status.any"), status.isEmpty()));
        Arrays.stream(OutboxState.values()).filter(s -> dryRun || s != OutboxState.DRY_RUN || status.equals(s.code()))
                .forEach(s -> statuses.add(new TextsView.Option(s.code(), t.get("outbox.status." + s.code()), status.equals(s.code()))));
        var kinds = new ArrayList<TextsView.Option>();
        kinds.add(new TextsView.Option("", t.get("outbox.kind.any"), kind.isEmpty()));
        Arrays.stream(MessageKind.values()).filter(k -> k != MessageKind.OTHER || kind.equals(k.code()))
                .forEach(k -> kinds.add(new TextsView.Option(k.code(), t.get("outbox.kind." + k.code()), kind.equals(k.code()))));
        OutboxQuery query;
        try {
            query = OutboxQuery.read(ctx);
        } catch (InvalidInputException e) {
            ctx.status(400);
            pages.render(ctx, "outbox.jte", "outbox.title", new OutboxView(dryRun, statuses, kinds,
                    FormErrors.of(e, t, "outbox", Map.of()), List.of(), 0, 1, 1, Optional.empty(), Optional.empty()));
            return;
        }
        var slice = query.run(log);
        var when = DateTimeFormatter.ofPattern("EEE d/M yyyy HH:mm", t.language().locale());
        var rows = slice.entries().stream().map(e -> new OutboxView.Row(t.get("outbox.kind." + e.kind().code()),
                        e.channel() == MessageKind.Channel.CALL,
                        e.to().equals(OutboxLog.NOT_STORED) ? t.get("texts.notStored") : e.to(), status(e, t), e.state().code(),
                        e.attempts(), when.format(e.dueAt().atZone(zone)), e.sentAt().map(at -> when.format(at.atZone(zone))).orElse("–")))
                .toList();
        int pageCount = (int) Math.max(1, (slice.total() + OutboxQuery.PAGE_SIZE - 1) / OutboxQuery.PAGE_SIZE);
        int page = query.page();
        pages.render(ctx, "outbox.jte", "outbox.title", new OutboxView(dryRun, statuses, kinds, FormErrors.NONE, rows,
                slice.total(), page, pageCount, page > 1 ? Optional.of(href(status, kind, page - 1)) : Optional.empty(),
                page < pageCount ? Optional.of(href(status, kind, page + 1)) : Optional.empty()));
    }

    /** The state in words; a failure with Twilio's error code, a cancellation with why. */
    private static String status(OutboxLog.Entry e, Messages t) {
        String words = t.get("outbox.status." + e.state().code());
        if (e.state() == OutboxState.CANCELLED) {
            return t.get("outbox.because", words, t.get("outbox.cancel." + e.cancelReason().orElse("other")));
        }
        if (e.state() == OutboxState.FAILED && e.errorCode().isPresent()) {
            return t.get("outbox.errorCode", words, String.valueOf(e.errorCode().get()));
        }
        return words;
    }

    private static String param(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).orElse("").trim();
    }

    private static String href(String status, String kind, int page) {
        return "/outbox?status=" + enc(status) + "&kind=" + enc(kind) + "&page=" + page;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
