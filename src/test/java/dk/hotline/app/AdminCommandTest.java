package dk.hotline.app;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dk.hotline.testing.TestConfig;
import dk.hotline.testing.TestService;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A lost coordinator password is reset on the server, from the command line: a one-time link. */
class AdminCommandTest {
    private final WireMockServer twilio = new WireMockServer(options().dynamicPort());
    private TestService service;

    @BeforeEach
    void start() {
        twilio.start();
        service = TestService.start(twilio.baseUrl());
    }

    @AfterEach
    void stop() {
        service.close();
        twilio.stop();
    }

    @Test
    void resetPasswordPrintsAOneTimeLinkThatOpensTheForm() {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();

        int exit = AdminCommand.run(List.of("reset-password", TestConfig.ADMIN_EMAIL), service.environment(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isZero();
        String link = out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("/password/")).findFirst().orElseThrow();
        assertThat(link).startsWith(service.publicUrl() + "/password/");
        assertThat(service.get(link.substring(service.publicUrl().length())).statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownAddressOrAWrongCommandSaysSoAndChangesNothing() {
        var err = new ByteArrayOutputStream();
        var errors = new PrintStream(err, true, StandardCharsets.UTF_8);

        assertThat(AdminCommand.run(List.of("reset-password", "nobody@example.org"), service.environment(),
                new PrintStream(new ByteArrayOutputStream()), errors)).isEqualTo(1);
        assertThat(AdminCommand.run(List.of("drop-everything"), Map.of(), new PrintStream(new ByteArrayOutputStream()), errors))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no account").contains("usage:");
    }
}
