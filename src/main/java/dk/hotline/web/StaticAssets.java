package dk.hotline.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The console's few static files (its style sheet and scripts, and htmx from its WebJar), read
 * from the classpath once at start and answered from memory, with an ETag. Not Javalin's classpath
 * static files: for those Jetty mounts the whole packaged jar as a zip file system, several times
 * over and 25,000 entries each, which cost over 50 MB of heap and a second of start-up for five
 * small files.
 */
final class StaticAssets {
    /** WebJar files the pages use: kept for a month (the version is in the path). */
    private static final List<String> WEBJAR_FILES = List.of("htmx.org/2.0.8/dist/htmx.min.js");
    /** The console's own files, which change with a release: revalidated by their ETag. */
    private static final List<String> ASSET_FILES = List.of("console.css", "note-counter.js", "simulator.js");
    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8");

    private StaticAssets() {}

    /** Each served path with its handler; every file is read now, so one missing from the build stops the start. */
    static Map<String, Handler> load() {
        var handlers = new HashMap<String, Handler>();
        WEBJAR_FILES.forEach(f -> handlers.put("/webjars/" + f, read("META-INF/resources/webjars/" + f, "max-age=2592000")));
        ASSET_FILES.forEach(f -> handlers.put("/assets/" + f, read("console/assets/" + f, "no-cache")));
        return Map.copyOf(handlers);
    }

    private static Asset read(String resource, String cacheControl) {
        try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("static file missing from the build: " + resource);
            }
            byte[] bytes = in.readAllBytes();
            String type = TYPES.get(resource.substring(resource.lastIndexOf('.') + 1));
            return new Asset(bytes, type, "\"" + sha256(bytes).substring(0, 16) + "\"", cacheControl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Asset(byte[] bytes, String contentType, String etag, String cacheControl) implements Handler {
        @Override
        public void handle(Context ctx) {
            ctx.header("Cache-Control", cacheControl);
            ctx.header("ETag", etag);
            if (etag.equals(ctx.header("If-None-Match"))) {
                ctx.status(304);
                return;
            }
            ctx.contentType(contentType).result(bytes);
        }
    }
}
