package dk.hotline.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;

/**
 * Before every form the console and sign-in pages take: each field is {@link PlainText}, or 400
 * naming it and nothing done. The JSON API checks its bodies in {@link JsonBody}; Twilio's webhooks
 * carry what a phone sent, and are taken as they come.
 */
final class FormText {
    private FormText() {}

    static void check(Context ctx) {
        String path = ctx.path();
        if (ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD || path.startsWith("/api/") || path.startsWith("/twilio/")
                || !String.valueOf(ctx.contentType()).startsWith("application/x-www-form-urlencoded")) {
            return;
        }
        ctx.formParamMap().forEach((field, values) -> values.forEach(value -> PlainText.check(PlainText.isPlain(field) ? field : "form", value)));
    }
}
