package dk.hotline.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * API answers read as JSON, so tests assert on fields and array elements, not on how the text is
 * spelt (key order, spacing, escaping). Every reader fails the test, naming what it looked for,
 * when the answer is not JSON or lacks it.
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    public static JsonNode parse(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    public static JsonNode parse(HttpResponse<String> response) {
        return parse(response.body());
    }

    /** The elements of a JSON array, in order. */
    public static List<JsonNode> elements(JsonNode array) {
        if (!array.isArray()) {
            throw new AssertionError("not a JSON array: " + array);
        }
        var out = new ArrayList<JsonNode>();
        array.forEach(out::add);
        return out;
    }

    public static List<JsonNode> elements(String body) {
        return elements(parse(body));
    }

    /** The elements that match, in order. */
    public static List<JsonNode> where(JsonNode array, Predicate<JsonNode> test) {
        return elements(array).stream().filter(test).toList();
    }

    /** The one element whose {@code field} is the text {@code value}; fails unless there is exactly one. */
    public static JsonNode withText(JsonNode array, String field, String value) {
        var matching = where(array, e -> e.path(field).isTextual() && e.path(field).asText().equals(value));
        if (matching.size() != 1) {
            throw new AssertionError(matching.size() + " elements with " + field + " = \"" + value + "\" in " + array);
        }
        return matching.get(0);
    }

    /** The one element whose {@code id} is {@code id}; fails unless there is exactly one. */
    public static JsonNode withId(JsonNode array, long id) {
        var matching = where(array, e -> e.path("id").isIntegralNumber() && e.path("id").asLong() == id);
        if (matching.size() != 1) {
            throw new AssertionError(matching.size() + " elements with id " + id + " in " + array);
        }
        return matching.get(0);
    }

    /** The {@code id} of every element, in order. */
    public static List<Long> ids(JsonNode array) {
        return elements(array).stream().map(e -> number(e, "id")).toList();
    }

    /** A field's value as text: its string, or null for JSON null; fails when it is missing or not a string. */
    public static String text(JsonNode node, String field) {
        JsonNode value = field(node, field);
        if (value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new AssertionError(field + " is not a string in " + node);
        }
        return value.asText();
    }

    /** A field's whole-number value; fails when it is missing, null or not a whole number. */
    public static long number(JsonNode node, String field) {
        JsonNode value = field(node, field);
        if (!value.isIntegralNumber()) {
            throw new AssertionError(field + " is not a whole number in " + node);
        }
        return value.asLong();
    }

    /** A field's boolean value; fails when it is missing, null or not a boolean. */
    public static boolean bool(JsonNode node, String field) {
        JsonNode value = field(node, field);
        if (!value.isBoolean()) {
            throw new AssertionError(field + " is not a boolean in " + node);
        }
        return value.asBoolean();
    }

    /** A field's strings, in order; fails when it is missing or not an array of strings. */
    public static List<String> texts(JsonNode node, String field) {
        return elements(field(node, field)).stream().map(e -> {
            if (!e.isTextual()) {
                throw new AssertionError(field + " holds a non-string in " + node);
            }
            return e.asText();
        }).toList();
    }

    /** A field that must be there (JSON null counts as there). */
    public static JsonNode field(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            throw new AssertionError("no field " + field + " in " + node);
        }
        return value;
    }

    /** The {@code id} of a created resource, from the answer's body. */
    public static long id(HttpResponse<String> response) {
        return number(parse(response), "id");
    }

    /** The field a 400 answer names; fails when the status is another. */
    public static String badRequestField(HttpResponse<String> response) {
        if (response.statusCode() != 400) {
            throw new AssertionError("expected 400, got " + response.statusCode() + ": " + response.body());
        }
        return errorField(response);
    }

    /** The field an error answer ({@code {"error": …, "field": …}}) names. */
    public static String errorField(HttpResponse<String> response) {
        JsonNode error = parse(response);
        if (text(error, "error") == null || text(error, "error").isBlank()) {
            throw new AssertionError("an error answer without a message: " + response.body());
        }
        return text(error, "field");
    }
}
