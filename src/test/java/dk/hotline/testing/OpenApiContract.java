package dk.hotline.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Holds the JSON API to its description, {@code src/main/resources/openapi.json}: every answer a
 * test gets from {@code /api/**} or {@code /health} must be a documented operation (method and
 * path template), with a documented status, and a JSON body valid against that response's schema
 * (JSON Schema 2020-12 in OpenAPI 3.1's dialect, {@code $ref}s resolved within the document,
 * formats asserted). A mismatch throws an {@link AssertionError}, which fails the test that made
 * the request. The message names method, path, status and the schema's complaint, never the body:
 * even a masked number does not belong in a test report.
 */
public final class OpenApiContract {
    private static final String RESOURCE = "openapi.json";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final int MAX_ERRORS = 3;
    private static final int MAX_DEMAND = 120;
    private static final int MAX_MESSAGE = 600;
    private static final OpenApiContract INSTANCE = load();

    /** A documented response: per media type, the schema its body must meet (null: any body). */
    private record Answer(Map<String, Schema> content) {}

    private record Operation(String method, String template, Pattern pattern, int literalSegments, Map<String, Answer> answers) {}

    private final List<Operation> operations;

    private OpenApiContract(List<Operation> operations) {
        this.operations = operations;
    }

    /** Checks an answer the test suite got; does nothing for paths outside {@code /api} and {@code /health}. */
    public static void check(HttpRequest request, HttpResponse<String> response) {
        check(request.method(), request.uri(), response.statusCode(), response.headers().firstValue("Content-Type"),
                response.body());
    }

    public static void check(String method, URI uri, int status, Optional<String> contentType, String body) {
        String path = uri.getRawPath();
        if (path == null || !(path.startsWith("/api/") || path.equals("/health"))) {
            return;
        }
        INSTANCE.verify(method.toLowerCase(Locale.ROOT), path, status, contentType, body == null ? "" : body);
    }

    /** The documented operations as "METHOD /template", for tests that walk them. */
    public static List<String> operations() {
        return INSTANCE.operations.stream().map(o -> o.method().toUpperCase(Locale.ROOT) + " " + o.template()).toList();
    }

    private void verify(String method, String path, int status, Optional<String> contentType, String body) {
        // A literal segment beats a template ({id}), as it does in the router.
        var operation = operations.stream()
                .filter(o -> o.method().equals(method) && o.pattern().matcher(path).matches())
                .max((a, b) -> Integer.compare(a.literalSegments(), b.literalSegments()));
        // An undocumented path is named as requested, any long run of digits in it hidden: it could be a number.
        String what = method.toUpperCase(Locale.ROOT) + " " + operation.map(Operation::template)
                .orElse(path.replaceAll("\\+?[0-9]{6,}", "•••")) + " answered " + status;
        if (operation.isEmpty()) {
            throw fail(what, "no such operation is documented");
        }
        var answer = operation.get().answers().get(String.valueOf(status));
        if (answer == null) {
            throw fail(what, "status not documented (documented: " + String.join(", ", operation.get().answers().keySet()) + ")");
        }
        if (answer.content().isEmpty()) {
            if (!body.isEmpty()) {
                throw fail(what, "documented without a body, but one came (" + body.length() + " chars)");
            }
            return;
        }
        if (body.isEmpty()) {
            throw fail(what, "documented with a body (" + String.join(", ", answer.content().keySet()) + "), but none came");
        }
        String mediaType = contentType.map(t -> t.split(";", 2)[0].trim().toLowerCase(Locale.ROOT)).orElse("(none)");
        if (!answer.content().containsKey(mediaType)) {
            throw fail(what, "Content-Type " + mediaType + " not documented (documented: "
                    + String.join(", ", answer.content().keySet()) + ")");
        }
        Schema schema = answer.content().get(mediaType);
        if (schema == null) {
            return;
        }
        List<Error> errors;
        try {
            errors = schema.validate(body, InputFormat.JSON);
        } catch (RuntimeException e) {
            throw fail(what, "body is not JSON (" + e.getClass().getSimpleName() + ")");
        }
        if (!errors.isEmpty()) {
            String shown = errors.stream().limit(MAX_ERRORS).map(OpenApiContract::describe).collect(Collectors.joining("; "));
            throw fail(what, "body does not match the schema: " + shown
                    + (errors.size() > MAX_ERRORS ? "; and " + (errors.size() - MAX_ERRORS) + " more" : ""));
        }
    }

    /**
     * Where, and which of the schema's demands the body failed: never the value found there. Not
     * the library's own message: WireMock's standalone jar carries an older copy of the library
     * whose message bundle, of the same name, wins on the test classpath and garbles them.
     */
    private static String describe(Error e) {
        String demand = e.getProperty() != null ? "'" + e.getProperty() + "'" : String.valueOf(e.getSchemaNode());
        return e.getInstanceLocation() + " fails " + e.getKeyword() + " "
                + (demand.length() > MAX_DEMAND ? demand.substring(0, MAX_DEMAND) + "…" : demand);
    }

    private static AssertionError fail(String what, String problem) {
        String message = "OpenAPI contract (src/main/resources/" + RESOURCE + "): " + what + ": " + problem;
        return new AssertionError(message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "…" : message);
    }

    private static OpenApiContract load() {
        JsonNode document;
        try (InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            document = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        checkRefs(document, document, "#");
        var registry = SchemaRegistry.withDialect(Dialects.getOpenApi31(), builder -> builder.schemaRegistryConfig(
                SchemaRegistryConfig.builder().formatAssertionsEnabled(true).pathType(PathType.JSON_PATH).build()));
        var operations = new ArrayList<Operation>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            if (!METHODS.contains(entry.getKey())) {
                return;
            }
            var answers = new LinkedHashMap<String, Answer>();
            entry.getValue().path("responses").properties().forEach(response -> {
                // A response is written in place or as a $ref to #/components/responses/….
                String pointer = "/paths/" + escape(path.getKey()) + "/" + entry.getKey() + "/responses/" + response.getKey();
                JsonNode node = response.getValue();
                if (node.has("$ref")) {
                    pointer = node.get("$ref").asText().substring(1);
                    node = document.at(pointer);
                }
                var content = new LinkedHashMap<String, Schema>();
                for (var media : node.path("content").properties()) {
                    content.put(media.getKey(), media.getValue().has("schema")
                            ? registry.getSchema(SchemaLocation.of("classpath:" + RESOURCE + "#" + pointer + "/content/"
                                    + escape(media.getKey()) + "/schema"))
                            : null);
                }
                answers.put(response.getKey(), new Answer(content));
            });
            operations.add(new Operation(entry.getKey(), path.getKey(), pattern(path.getKey()), literalSegments(path.getKey()), answers));
        }));
        if (operations.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " documents no operation");
        }
        return new OpenApiContract(operations);
    }

    /** Every {@code $ref} in the document points at something in it: a typo fails at once, not when first used. */
    private static void checkRefs(JsonNode document, JsonNode node, String where) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && (!ref.isTextual() || !ref.asText().startsWith("#/") || document.at(ref.asText().substring(1)).isMissingNode())) {
                throw new IllegalStateException(RESOURCE + ": " + where + " has a $ref to nothing: " + ref);
            }
            node.properties().forEach(e -> checkRefs(document, e.getValue(), where + "/" + e.getKey()));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkRefs(document, node.get(i), where + "/" + i);
            }
        }
    }

    /** {@code /api/leaders/{id}} matches one path segment for each {@code {name}}. */
    private static Pattern pattern(String template) {
        var regex = new StringBuilder();
        for (String part : template.split("(?=\\{)|(?<=\\})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    private static int literalSegments(String template) {
        return (int) java.util.Arrays.stream(template.split("/")).filter(s -> !s.isEmpty() && !s.startsWith("{")).count();
    }

    /** A JSON Pointer token (RFC 6901). */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
