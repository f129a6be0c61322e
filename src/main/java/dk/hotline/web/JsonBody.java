package dk.hotline.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dk.hotline.common.InvalidInputException;
import io.javalin.http.Context;

/**
 * Reads a JSON request body into a record, turning every parse problem into a 400 that names the
 * field. Jackson's own messages quote the input (which may be a phone number), so they are not used.
 */
public final class JsonBody {
    private JsonBody() {}

    public static <T> T read(Context ctx, Class<T> type) {
        String body = ctx.body();
        if (body.isBlank()) {
            throw new InvalidInputException("body", "a JSON object is required");
        }
        try {
            T value = WebApp.json().readValue(body, type);
            if (value == null) {
                throw new InvalidInputException("body", "a JSON object is required");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidInputException(e.getPropertyName(), "unknown field");
        } catch (MismatchedInputException e) {
            String field = e.getPath().isEmpty() ? "body" : e.getPath().get(e.getPath().size() - 1).getFieldName();
            throw new InvalidInputException(field == null ? "body" : field, "wrong type or format");
        } catch (JsonProcessingException e) {
            var where = e.getLocation();
            throw new InvalidInputException("body", "not valid JSON" + (where == null ? "" : " (line " + where.getLineNr()
                    + ", column " + where.getColumnNr() + ")"));
        }
    }
}
