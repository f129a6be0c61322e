package dk.hotline.web;

import dk.hotline.common.Language;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders the console's pages from templates compiled with the build ({@code src/main/jte}). A
 * page's handler builds one record of what the page shows and hands it here with the page's name.
 * The reader's language is {@code ?lang=} when given (then remembered in a cookie), else the
 * cookie's, else Danish.
 */
public final class Pages {
    static final String CSRF = "hotline.csrf";
    private static final Duration REMEMBER_LANGUAGE = Duration.ofDays(365);

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
    private final Cookies cookies;
    private final List<NavEntry> menu;
    private final DemoNotice demo;

    public Pages(URI publicUrl, List<NavEntry> menu) {
        this(publicUrl, menu, DemoNotice.NONE);
    }

    /** @param demo the banner and sign-in hint every page carries while the database holds demo data */
    public Pages(URI publicUrl, List<NavEntry> menu, DemoNotice demo) {
        this.cookies = new Cookies(publicUrl);
        this.menu = List.copyOf(menu);
        this.demo = demo;
    }

    Cookies cookies() {
        return cookies;
    }

    /** Answers the page: {@code template} gets {@code page} (see {@link Page}) and {@code model}. */
    public void render(Context ctx, String template, String titleKey, Object model) {
        html(ctx, template, Map.of("page", page(ctx, titleKey), "model", model));
    }

    /** Answers a part of a page (what htmx swaps in), which gets the same two parameters. */
    public void fragment(Context ctx, String template, Object model) {
        html(ctx, template, Map.of("page", page(ctx, "console.name"), "model", model));
    }

    private void html(Context ctx, String template, Map<String, Object> params) {
        var out = new StringOutput();
        engine.render(template, params, out);
        ctx.contentType("text/html; charset=utf-8").result(out.toString());
    }

    Page page(Context ctx, String titleKey) {
        Messages t = messages(ctx);
        Optional<Principal> principal = Principal.find(ctx);
        List<Page.Link> links = principal.map(p -> menu.stream()
                .filter(entry -> entry.shownTo(p))
                .map(entry -> new Page.Link(entry.path(), t.get(entry.labelKey()), within(ctx.path(), entry.path())))
                .toList()).orElse(List.of());
        String csrf = Optional.<String>ofNullable(ctx.attribute(CSRF)).orElse("");
        return new Page(t.get(titleKey), t, principal, csrf, ctx.path(), links, demo);
    }

    /** Whether {@code path} is the menu entry's page or one under it (a group's page is under Groups). */
    private static boolean within(String path, String entry) {
        return path.equals(entry) || !entry.equals("/") && path.startsWith(entry + "/");
    }

    /** The reader's language; a {@code ?lang=} is remembered. */
    public Messages messages(Context ctx) {
        var asked = Optional.ofNullable(ctx.queryParam("lang")).flatMap(Language::fromCode);
        asked.ifPresent(language -> cookies.set(ctx, Cookies.LANGUAGE, language.code(), Optional.of(REMEMBER_LANGUAGE)));
        Language language = asked.or(() -> Cookies.read(ctx, Cookies.LANGUAGE).flatMap(Language::fromCode))
                .orElse(Language.DANISH);
        return Messages.in(language);
    }
}
