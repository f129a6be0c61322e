package dk.hotline.web;

import io.javalin.http.Context;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The console's cookies: never readable by scripts, never sent from another site, and only over
 * https when the service is reached over https.
 */
final class Cookies {
    static final String SESSION = "hotline_session";
    static final String LANGUAGE = "hotline_lang";
    static final String LOGIN_CSRF = "hotline_login";

    private final boolean secure;

    Cookies(URI publicUrl) {
        this.secure = "https".equals(publicUrl.getScheme());
    }

    boolean secure() {
        return secure;
    }

    /** Sets a cookie; {@code maxAge} empty for one that ends with the browser. */
    void set(Context ctx, String name, String value, Optional<Duration> maxAge) {
        ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=/; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "") + maxAge.map(age -> "; Max-Age=" + age.toSeconds()).orElse(""));
    }

    void clear(Context ctx, String name) {
        ctx.res().addHeader("Set-Cookie", name + "=; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
                + "; Max-Age=0");
    }

    static Optional<String> read(Context ctx, String name) {
        return Optional.ofNullable(ctx.cookie(name)).filter(v -> !v.isBlank());
    }
}
