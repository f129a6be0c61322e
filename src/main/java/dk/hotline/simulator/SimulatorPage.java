package dk.hotline.simulator;

import dk.hotline.common.InvalidInputException;
import dk.hotline.privacy.InvalidPhoneNumberException;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.web.Messages;
import dk.hotline.web.Pages;
import dk.hotline.web.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * {@code /simulator}: Telefonsimulator / Phone simulator, coordinators only. The page draws the
 * phones from {@code GET /simulator/state} (polled every second) and each button posts to
 * {@code /simulator/phones/{id}/…}; every change goes through {@link PhoneSimulator}, which plays
 * Twilio against the real webhooks. When the simulator is off, the page says why and nothing else
 * answers.
 */
public final class SimulatorPage {
    /** The words the page's script shows, each under {@code simulator.js.} in the messages. */
    static final List<String> SCRIPT_WORDS = List.of("caller", "withheld", "leader", "other", "call", "hangUp", "answer",
            "decline", "skip", "send", "textPlaceholder", "noCall", "state.ringing", "state.playing", "state.keys",
            "state.dialing", "state.queued", "state.connected", "state.recording", "state.ended", "timer.keys",
            "timer.ringing", "timer.queue", "timer.recording", "queuePosition", "with", "incoming", "outgoing", "ended",
            "timeline.empty", "timeline.answer", "phones.empty", "error");

    /** The prefix of the reasons {@link PhoneSimulator} refuses with; the page words each one. */
    static final String REASON = "simulator.";

    /** Why the simulator is off, for the page to say; empty when it runs. */
    public enum Off { PRODUCTION, TWILIO_CREDENTIALS, DISABLED }

    private final Pages pages;
    private final Optional<PhoneSimulator> simulator;
    private final Optional<Off> off;

    private SimulatorPage(Pages pages, Optional<PhoneSimulator> simulator, Optional<Off> off) {
        this.pages = pages;
        this.simulator = simulator;
        this.off = off;
    }

    public static SimulatorPage running(Pages pages, PhoneSimulator simulator) {
        return new SimulatorPage(pages, Optional.of(simulator), Optional.empty());
    }

    public static SimulatorPage off(Pages pages, Off why) {
        return new SimulatorPage(pages, Optional.empty(), Optional.of(why));
    }

    public void register(RoutesConfig routes) {
        routes.get("/simulator", this::show);
        routes.get("/simulator/state", ctx -> ctx.json(running(ctx).state()));
        routes.post("/simulator/phones", answering((sim, ctx) -> {
            boolean withheld = "true".equals(ctx.formParam("withheld"));
            String raw = Optional.ofNullable(ctx.formParam("number")).orElse("").trim();
            try {
                sim.addCaller(withheld ? Optional.empty() : Optional.of(PhoneNumber.parse(raw)));
            } catch (InvalidPhoneNumberException e) {
                throw new InvalidInputException("number", REASON + "number", "not a phone number");
            }
        }));
        action(routes, "call", PhoneSimulator::call);
        action(routes, "answer", PhoneSimulator::answer);
        action(routes, "decline", PhoneSimulator::decline);
        action(routes, "hangup", PhoneSimulator::hangUp);
        action(routes, "skip", PhoneSimulator::skip);
        routes.post("/simulator/phones/{id}/keys", answering((sim, ctx) ->
                sim.press(ctx.pathParam("id"), Optional.ofNullable(ctx.formParam("key")).orElse(""))));
        routes.post("/simulator/phones/{id}/texts", answering((sim, ctx) ->
                sim.text(ctx.pathParam("id"), ctx.formParam("body"))));
        routes.post("/simulator/reset", answering((sim, ctx) -> sim.reset()));
    }

    private void action(RoutesConfig routes, String name, BiConsumer<PhoneSimulator, String> act) {
        routes.post("/simulator/phones/{id}/" + name, answering((sim, ctx) -> act.accept(sim, ctx.pathParam("id"))));
    }

    /** Runs the change and answers the new state, or 400 with the reason in the reader's language. */
    private Handler answering(BiConsumer<PhoneSimulator, Context> change) {
        return ctx -> {
            var sim = running(ctx);
            try {
                change.accept(sim, ctx);
            } catch (InvalidInputException e) {
                Messages t = pages.messages(ctx);
                String reason = e.reason().orElse("");
                ctx.status(400).json(Map.of("error", reason.startsWith(REASON) ? t.get("simulator.error." + reason.substring(REASON.length()))
                        : e.getMessage(), "field", e.field()));
                return;
            }
            ctx.json(sim.state());
        };
    }

    private PhoneSimulator running(Context ctx) {
        Principal.coordinator(ctx);
        return simulator.orElseThrow(NotFoundResponse::new);
    }

    private void show(Context ctx) {
        Principal.coordinator(ctx);
        Messages t = pages.messages(ctx);
        pages.render(ctx, "simulator.jte", "simulator.title", new SimulatorView(simulator.isPresent(),
                off.map(why -> t.get("simulator.off." + why.name().toLowerCase())).orElse(""),
                SCRIPT_WORDS.stream().map(k -> new SimulatorView.Word(k, t.get("simulator.js." + k))).toList()));
    }
}
