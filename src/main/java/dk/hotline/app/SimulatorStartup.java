package dk.hotline.app;

import dk.hotline.console.ConsoleModule;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.rota.RotaModule;
import dk.hotline.simulator.PhoneSimulator;
import dk.hotline.simulator.SimulatorPage;
import dk.hotline.twilio.DryRunTwilioGateway;
import dk.hotline.twilio.TwilioGateway;
import dk.hotline.twilio.TwilioSignature;
import dk.hotline.web.FeatureRoutes;
import dk.hotline.web.NavEntry;
import dk.hotline.web.Pages;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;

/**
 * The phone simulator, when the config has it run (only in dry-run), and what it changes around
 * it: a menu entry, its page (or the page saying why it is off), and the signature check. With
 * no Twilio auth token to check signatures against in dry-run, the simulator gets a new random
 * one at each start and the signature filter checks every webhook against it: what the simulator
 * sends passes the same check a real Twilio request does, and nobody else can post a webhook.
 */
final class SimulatorStartup {
    private static final NavEntry MENU_ENTRY = new NavEntry("/simulator", "menu.simulator", true);

    private final Optional<PhoneSimulator> simulator;
    private final Optional<String> authToken;
    private final HotlineConfig config;

    private SimulatorStartup(Optional<PhoneSimulator> simulator, Optional<String> authToken, HotlineConfig config) {
        this.simulator = simulator;
        this.authToken = authToken;
        this.config = config;
    }

    /** @param port the web server's port, asked once it listens */
    static SimulatorStartup start(HotlineConfig config, TwilioGateway gateway, RotaModule rota, Jdbi jdbi, IntSupplier port,
                                  PhoneNumber hotline, List<AutoCloseable> toClose, Clock clock) {
        if (!config.simulatorRuns() || !(gateway instanceof DryRunTwilioGateway dryRun)) {
            return new SimulatorStartup(Optional.empty(), Optional.empty(), config);
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String token = HexFormat.of().formatHex(secret);
        var simulator = new PhoneSimulator(token, config.publicUrl(), port, hotline,
                () -> jdbi.withHandle(rota.leaders()::all).stream()
                        .map(l -> new PhoneSimulator.LeaderPhone(l.id(), l.name(), l.phone())).toList(),
                clock);
        dryRun.listen(simulator);
        toClose.add(simulator);
        return new SimulatorStartup(Optional.of(simulator), Optional.of(token), config);
    }

    /** The console's menu, with the simulator's entry when it runs. */
    List<NavEntry> menu() {
        return simulator.isPresent() ? Stream.concat(ConsoleModule.MENU.stream(), Stream.of(MENU_ENTRY)).toList()
                : ConsoleModule.MENU;
    }

    /** The console's pages and the simulator's (or the page saying why it is off). */
    FeatureRoutes withPage(FeatureRoutes console, Pages pages) {
        var page = simulator.map(s -> SimulatorPage.running(pages, s)).orElseGet(() -> SimulatorPage.off(pages, whyOff()));
        return routes -> {
            console.register(routes);
            page.register(routes);
        };
    }

    /** What webhooks are checked against: Twilio's auth token when there is one, else the simulator's. */
    Optional<TwilioSignature> signature(Optional<TwilioSignature> twilio) {
        return twilio.or(() -> authToken.map(TwilioSignature::new));
    }

    private SimulatorPage.Off whyOff() {
        if (config.mode() == HotlineConfig.Mode.PRODUCTION) {
            return SimulatorPage.Off.PRODUCTION;
        }
        return config.simulator() ? SimulatorPage.Off.TWILIO_CREDENTIALS : SimulatorPage.Off.DISABLED;
    }
}
