package dk.hotline.console;

import dk.hotline.common.InvalidInputException;
import dk.hotline.rota.Leader;
import dk.hotline.rota.Leaders;
import dk.hotline.sms.ConversationLog;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /messages}: Beskeder / Texts, the relayed conversations newest activity first, 50 a page,
 * by state and local dates; {@code /messages/{id}}: one conversation's texts in order. Never a word of
 * any text. A leader account sees only the conversations offered to it, and another's is 403. Reads
 * what {@code /api/conversations} reads ({@link ConversationQuery}).
 */
final class TextsPage {
    private final Jdbi jdbi;
    private final Pages pages;
    private final ConversationLog log;
    private final Leaders leaders;
    private final ZoneId zone;

    TextsPage(Jdbi jdbi, Pages pages, ConversationLog log, Leaders leaders, ZoneId zone) {
        this.jdbi = jdbi;
        this.pages = pages;
        this.log = log;
        this.leaders = leaders;
        this.zone = zone;
    }

    void register(RoutesConfig routes) {
        routes.get("/messages", this::list);
        routes.get("/messages/{id}", this::one);
    }

    private void list(Context ctx) {
        Principal principal = Principal.of(ctx);
        Messages t = pages.messages(ctx);
        String state = param(ctx, "state");
        String from = param(ctx, "from");
        String to = param(ctx, "to");
        var states = List.of(new TextsView.Option("", t.get("texts.state.any"), state.isEmpty()),
                new TextsView.Option("open", t.get("texts.state.open"), state.equals("open")),
                new TextsView.Option("closed", t.get("texts.state.closed"), state.equals("closed")));
        ConversationQuery query;
        try {
            query = ConversationQuery.read(ctx);
        } catch (InvalidInputException e) {
            ctx.status(400);
            pages.render(ctx, "texts.jte", "texts.title", new TextsView(states, from, to,
                    FormErrors.of(e, t, "texts", Map.of()), List.of(), 0, 1, 1, Optional.empty(), Optional.empty()));
            return;
        }
        var slice = query.run(log, principal, zone);
        Map<Long, String> names = names();
        var when = when(t);
        var rows = slice.conversations().stream().map(c -> new TextsView.Row(c.id(), c.tag(), when.format(c.openedAt().atZone(zone)),
                        t.get("texts.state." + c.state()), number(c.number(), t), taker(c, names, t), c.textsIn(), c.textsOut(),
                        when.format(c.lastActivityAt().atZone(zone)), c.awaitingAnswer()))
                .toList();
        int pageCount = (int) Math.max(1, (slice.total() + ConversationQuery.PAGE_SIZE - 1) / ConversationQuery.PAGE_SIZE);
        int page = query.page();
        pages.render(ctx, "texts.jte", "texts.title", new TextsView(states, from, to, FormErrors.NONE, rows, slice.total(), page,
                pageCount, page > 1 ? Optional.of(href(state, from, to, page - 1)) : Optional.empty(),
                page < pageCount ? Optional.of(href(state, from, to, page + 1)) : Optional.empty()));
    }

    private void one(Context ctx) {
        var detail = ConversationApi.visible(log, Principal.of(ctx), ctx.pathParamAsClass("id", Long.class).get());
        Messages t = pages.messages(ctx);
        Map<Long, String> names = names();
        var when = when(t);
        var c = detail.summary();
        var facts = new ArrayList<ConversationView.Fact>();
        facts.add(new ConversationView.Fact(t.get("texts.col.opened"), when.format(c.openedAt().atZone(zone))));
        facts.add(new ConversationView.Fact(t.get("texts.col.state"), c.closedAt()
                .map(at -> t.get("texts.closedAt", when.format(at.atZone(zone)))).orElse(t.get("texts.state." + c.state()))));
        facts.add(new ConversationView.Fact(t.get("texts.col.number"), number(c.number(), t)));
        facts.add(new ConversationView.Fact(t.get("texts.col.leader"), taker(c, names, t)));
        facts.add(new ConversationView.Fact(t.get("texts.offeredTo"), detail.offeredTo().isEmpty() ? t.get("texts.nobody")
                : detail.offeredTo().stream().map(id -> name(id, names, t)).collect(Collectors.joining(", "))));
        facts.add(new ConversationView.Fact(t.get("texts.counts"), t.get("texts.inOut", c.textsIn(), c.textsOut())));
        facts.add(new ConversationView.Fact(t.get("texts.col.last"), when.format(c.lastActivityAt().atZone(zone))));
        facts.add(new ConversationView.Fact(t.get("texts.col.waiting"), t.get(c.awaitingAnswer() ? "texts.waiting.yes" : "texts.waiting.no")));
        var lines = detail.texts().stream().map(text -> new ConversationView.Line(when.format(text.at().atZone(zone)),
                        t.get("texts.direction." + text.direction()),
                        text.leaderId().map(id -> name(id, names, t)).orElse("–"), status(text, t),
                        text.characters().map(n -> t.get("texts.length", n, text.segments().orElseThrow()))
                                .orElse(t.get("texts.erased"))))
                .toList();
        pages.render(ctx, "text.jte", "texts.one.title", new ConversationView(c.tag(), facts, lines));
    }

    /** How far a text came; for an answer Twilio refused, with its error code. */
    private static String status(ConversationLog.Text text, Messages t) {
        String words = t.get((text.direction().equals("in") ? "texts.in." : "outbox.status.") + text.status());
        return text.errorCode().map(code -> t.get("outbox.errorCode", words, String.valueOf(code))).orElse(words);
    }

    private Map<Long, String> names() {
        return jdbi.withHandle(leaders::all).stream().collect(Collectors.toMap(Leader::id, Leader::name));
    }

    private static String taker(ConversationLog.Summary c, Map<Long, String> names, Messages t) {
        return c.leaderId().map(id -> name(id, names, t)).orElse(t.get("texts.untaken"));
    }

    private static String name(long id, Map<Long, String> names, Messages t) {
        return Optional.ofNullable(names.get(id)).orElse(t.get("texts.leaderNo", id));
    }

    private static String number(String masked, Messages t) {
        return masked.equals(ConversationLog.NOT_STORED) ? t.get("texts.notStored") : masked;
    }

    private static DateTimeFormatter when(Messages t) {
        return DateTimeFormatter.ofPattern("EEE d/M yyyy HH:mm", t.language().locale());
    }

    private static String param(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).orElse("").trim();
    }

    private static String href(String state, String from, String to, int page) {
        return "/messages?state=" + enc(state) + "&from=" + enc(from) + "&to=" + enc(to) + "&page=" + page;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
