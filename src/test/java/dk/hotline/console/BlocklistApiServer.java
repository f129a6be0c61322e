package dk.hotline.console;

import dk.hotline.app.HotlineConfig;
import dk.hotline.privacy.AuditLog;
import dk.hotline.privacy.BlindIndex;
import dk.hotline.privacy.EncryptionKey;
import dk.hotline.privacy.PersonalDataCipher;
import dk.hotline.sms.Blocklist;
import dk.hotline.testing.MigratedDatabase;
import dk.hotline.testing.TestService;
import dk.hotline.web.BearerAuth;
import dk.hotline.web.Coordinators;
import dk.hotline.web.Routes;
import dk.hotline.web.TokenHandler;
import dk.hotline.web.WebApp;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;

/**
 * The real web tier (route table, error mapping, bearer auth) serving only the blocklist API, on
 * its own migrated database and any free port, independent of how the composition root is wired.
 */
final class BlocklistApiServer implements AutoCloseable {
    private static final String EMAIL = "koordinator@example.org";
    private static final String PASSWORD = "a-long-test-password";

    private final MigratedDatabase db = new MigratedDatabase();
    private final HttpClient http = HttpClient.newHttpClient();
    private final EncryptionKey key = EncryptionKey.generate();
    private final Blocklist blocklist;
    private final Javalin web;

    BlocklistApiServer(Clock clock) {
        Jdbi jdbi = db.jdbi();
        var coordinators = new Coordinators(jdbi, new HotlineConfig.Auth(Duration.ofHours(1), 5, Duration.ofMinutes(1)), clock);
        coordinators.bootstrap(Optional.of(EMAIL), Optional.of(PASSWORD));
        blocklist = new Blocklist(new PersonalDataCipher(key), new BlindIndex(key), clock);
        var api = new BlocklistApi(jdbi, blocklist, new AuditLog(clock));
        web = WebApp.create(routes(new TokenHandler(coordinators), new BearerAuth(coordinators), api::register),
                new SimpleMeterRegistry());
        web.start(0);
    }

    /** Fills Routes by component type, so this harness survives new webhook components; only "api" registers. */
    private static Routes routes(TokenHandler tokens, BearerAuth auth, Consumer<RoutesConfig> api) {
        Handler absent = ctx -> ctx.status(404);
        var components = Routes.class.getRecordComponents();
        Object[] args = Arrays.stream(components).map(c -> {
            Class<?> type = c.getType();
            if (type == Optional.class) {
                return Optional.empty();
            } else if (type == TokenHandler.class) {
                return tokens;
            } else if (type == BearerAuth.class) {
                return auth;
            } else if (type == Handler.class) {
                return absent;
            } else if (type.isInterface()) {
                Consumer<RoutesConfig> register = c.getName().equals("api") ? api : routes -> { };
                return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, a) -> {
                    if (a != null && a.length == 1 && a[0] instanceof RoutesConfig routes) {
                        register.accept(routes);
                        return null;
                    }
                    return switch (method.getName()) {
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == a[0];
                        default -> type.getSimpleName();
                    };
                });
            }
            throw new IllegalStateException("BlocklistApiServer does not know how to fill Routes." + c.getName());
        }).toArray();
        try {
            var types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            return Routes.class.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    Jdbi jdbi() {
        return db.jdbi();
    }

    Blocklist blocklist() {
        return blocklist;
    }

    /** Signs in as the bootstrap coordinator and returns "Bearer …". */
    String bearer() {
        var response = api("POST", "/api/tokens", TestService.basic(EMAIL, PASSWORD), null);
        if (response.statusCode() != 201) {
            throw new IllegalStateException("sign-in failed: " + response.statusCode());
        }
        return "Bearer " + response.body().replaceFirst("(?s).*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    HttpResponse<String> api(String method, String pathAndQuery, String authorization, String json) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + web.port() + pathAndQuery))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        web.stop();
        db.close();
    }
}
