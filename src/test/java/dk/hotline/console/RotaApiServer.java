package dk.hotline.console;

import dk.hotline.app.HotlineConfig;
import dk.hotline.rota.Rota;
import dk.hotline.rota.RotaTemplates;
import dk.hotline.rota.Shifts;
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
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;

/**
 * The real web tier (route table, error mapping, bearer auth) serving only the rota's API, on
 * its own migrated database and any free port. Lighter than the whole service, and independent
 * of how the composition root is wired.
 */
final class RotaApiServer implements AutoCloseable {
    static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");
    private static final String EMAIL = "koordinator@example.org";
    private static final String PASSWORD = "a-long-test-password";

    private final MigratedDatabase db = new MigratedDatabase();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Javalin web;

    RotaApiServer(Clock clock) {
        Jdbi jdbi = db.jdbi();
        var coordinators = new Coordinators(jdbi, new HotlineConfig.Auth(Duration.ofHours(1), 5, Duration.ofMinutes(1)), clock);
        coordinators.bootstrap(Optional.of(EMAIL), Optional.of(PASSWORD));
        var shiftApi = new ShiftApi(new Shifts(jdbi, clock), new Rota(jdbi), ZONE);
        var templateApi = new ShiftTemplateApi(new RotaTemplates(jdbi, ZONE, clock));
        Consumer<RoutesConfig> api = routes -> {
            shiftApi.register(routes);
            templateApi.register(routes);
        };
        web = WebApp.create(routes(new TokenHandler(coordinators), new BearerAuth(coordinators), api), new SimpleMeterRegistry());
        web.start(0);
    }

    /**
     * Routes changes shape as the webhooks land; filling its components by type (and the
     * feature routes through a proxy) keeps this harness independent of that. Only the
     * component named "api" registers anything; other handlers answer 404.
     */
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
                return featureRoutes(type, c.getName().equals("api") ? api : routes -> { });
            }
            throw new IllegalStateException("RotaApiServer does not know how to fill Routes." + c.getName());
        }).toArray();
        try {
            var types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            return Routes.class.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An implementation of a one-method "register your paths" interface. */
    private static Object featureRoutes(Class<?> type, Consumer<RoutesConfig> register) {
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (args != null && args.length == 1 && args[0] instanceof RoutesConfig routes) {
                register.accept(routes);
                return null;
            }
            return switch (method.getName()) {
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> type.getSimpleName();
            };
        });
    }

    Jdbi jdbi() {
        return db.jdbi();
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
