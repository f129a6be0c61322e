package dk.hotline.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dk.hotline.common.InvalidInputException;
import io.javalin.http.Context;
import java.util.Map;

/**
 * Reads a JSON request body into a record, turning every parse problem into a 400 that names the
 * field. Jackson's own messages quote the input (which may be a phone number), so they are not used.
 * Every string in the body is checked first ({@link PlainText}): a control character would reach
 * the database (which refuses a NUL outright), a log or a text message.
 */
public final class JsonBody {
    private JsonBody() {}

    public static <T> T read(Context ctx, Class<T> type) {
        String body = ctx.body();
        if (body.isBlank()) {
            throw new InvalidInputException("body", "a JSON object is required");
        }
        try {
            JsonNode tree = WebApp.json().readTree(body);
            checkStrings(tree, "body");
            T value = WebApp.json().treeToValue(tree, type);
            if (value == null) {
                throw new InvalidInputException("body", "a JSON object is required");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidInputException(PlainText.isPlain(e.getPropertyName()) ? e.getPropertyName() : "body", "unknown field");
        } catch (MismatchedInputException e) {
            String field = e.getPath().isEmpty() ? "body" : e.getPath().get(e.getPath().size() - 1).getFieldName();
            throw new InvalidInputException(field == null ? "body" : field, "wrong type or format");
        } catch (JsonProcessingException e) {
            var where = e.getLocation();
            throw new InvalidInputException("body", "not valid JSON" + (where == null ? "" : " (line " + where.getLineNr()
                    + ", column " + where.getColumnNr() + ")"));
        }
    }

    /** Every string value (and key) under {@code node}; a bad one is named by the field that holds it. */
    private static void checkStrings(JsonNode node, String field) {
        if (node.isTextual()) {
            PlainText.check(field, node.textValue());
        } else if (node.isArray()) {
            node.forEach(element -> checkStrings(element, field));
        } else if (node.isObject()) {
            for (var fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = fields.next();
                if (!PlainText.isPlain(entry.getKey())) {
                    throw new InvalidInputException("body", "a field name with a control character");
                }
                checkStrings(entry.getValue(), entry.getKey());
            }
        }
    }
}
