package dk.hotline.twilio;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recordings stored at Twilio, over its REST API: the mp3 of one (for a coordinator to listen
 * to) and deleting one (retention). Plain HTTP with Basic auth, because the SDK reads a
 * recording's metadata but not its audio. Without credentials (dry-run) there is no account to
 * ask: {@link #live()} is false and nothing is fetched or deleted.
 *
 * <p>Logs name the recording's sid only, never a URL or a credential.
 */
public final class TwilioRecordings {
    private static final Logger log = LoggerFactory.getLogger(TwilioRecordings.class);
    private static final Pattern RECORDING_SID = Pattern.compile("RE[0-9a-fA-F]{32}");
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Until Twilio's answer starts; the audio then streams at its own pace. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_REDIRECTS = 3;

    private final String accountSid;
    private final String authorization;
    private final URI apiBase;
    private final HttpClient http;

    private TwilioRecordings(String accountSid, String authToken, URI apiBase) {
        this.accountSid = accountSid;
        this.authorization = accountSid == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
        this.apiBase = apiBase;
        // Redirects are followed by hand: the credentials must not travel to another host.
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** @param apiBaseUrl Twilio's REST API, {@code https://api.twilio.com} (a mock in tests); null for Twilio's */
    public static TwilioRecordings live(String accountSid, String authToken, URI apiBaseUrl) {
        if (accountSid == null || accountSid.isBlank() || authToken == null || authToken.isBlank()) {
            throw new IllegalArgumentException("Twilio account SID and auth token are both required");
        }
        URI base = apiBaseUrl == null ? RetargetingHttpClient.TWILIO_API : apiBaseUrl;
        if (!base.isAbsolute() || base.getHost() == null) {
            throw new IllegalArgumentException("Twilio API base URL must be absolute, e.g. " + RetargetingHttpClient.TWILIO_API);
        }
        return new TwilioRecordings(accountSid, authToken, base);
    }

    /** No Twilio account: nothing to fetch or delete. */
    public static TwilioRecordings dryRun() {
        return new TwilioRecordings(null, null, null);
    }

    public boolean live() {
        return accountSid != null;
    }

    /** A recording's mp3 as Twilio streams it; the reader closes it. */
    public record Audio(InputStream body) {}

    /** Twilio did not give the recording (an error status, a timeout, no connection). */
    public static final class RecordingUnavailable extends RuntimeException {
        RecordingUnavailable(String message) {
            super(message);
        }
    }

    /**
     * The recording's mp3, or empty when Twilio has no such recording (deleted, or never made).
     *
     * @throws RecordingUnavailable when Twilio could not be asked or answered with an error
     * @throws IllegalStateException in dry-run
     */
    public Optional<Audio> mp3(String recordingSid) {
        requireLive();
        HttpResponse<InputStream> response;
        try {
            response = send(recording(recordingSid, ".mp3"), "GET", HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new RecordingUnavailable("Twilio could not be reached for the recording (" + e.getClass().getSimpleName() + ")");
        }
        int status = response.statusCode();
        if (status == 200) {
            return Optional.of(new Audio(response.body()));
        }
        close(response.body());
        if (status == 404) {
            return Optional.empty();
        }
        log.warn("event=twilio.recording_fetch_failed recording={} status={}", recordingSid, status);
        throw new RecordingUnavailable("Twilio answered " + status + " for the recording");
    }

    /**
     * Deletes the recording at Twilio; true when it is gone there (deleted now, or already: 404).
     * False on any failure, which the caller tries again later. In dry-run nothing can be deleted.
     */
    public boolean delete(String recordingSid) {
        if (!live()) {
            log.warn("event=twilio.recording_delete_skipped recording={} reason=dry-run", recordingSid);
            return false;
        }
        try {
            var response = send(recording(recordingSid, ".json"), "DELETE", HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status == 204 || status == 200 || status == 404) {
                log.info("event=twilio.recording_deleted recording={} status={}", recordingSid, status);
                return true;
            }
            log.warn("event=twilio.recording_delete_failed recording={} status={}", recordingSid, status);
            return false;
        } catch (IOException e) {
            log.warn("event=twilio.recording_delete_failed recording={} error={}", recordingSid, e.getClass().getSimpleName());
            return false;
        }
    }

    private URI recording(String recordingSid, String suffix) {
        if (recordingSid == null || !RECORDING_SID.matcher(recordingSid).matches()) {
            throw new IllegalArgumentException("not a recording sid (RE + 32 hex digits)");
        }
        String base = apiBase.toString().replaceAll("/+$", "");
        return URI.create(base + "/2010-04-01/Accounts/" + accountSid + "/Recordings/" + recordingSid + suffix);
    }

    /** One request, following a few redirects; credentials go only to the API's own host. */
    private <T> HttpResponse<T> send(URI uri, String method, HttpResponse.BodyHandler<T> body) throws IOException {
        URI target = uri;
        for (int hop = 0; ; hop++) {
            var request = HttpRequest.newBuilder(target).timeout(REQUEST_TIMEOUT).method(method, HttpRequest.BodyPublishers.noBody());
            if (sameOrigin(target, apiBase)) {
                request.header("Authorization", authorization);
            }
            HttpResponse<T> response;
            try {
                response = http.send(request.build(), body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            var location = response.headers().firstValue("Location");
            if (!isRedirect(response.statusCode()) || location.isEmpty() || hop == MAX_REDIRECTS) {
                return response;
            }
            if (response.body() instanceof InputStream in) {
                close(in);
            }
            target = target.resolve(location.get());
            if (!"https".equalsIgnoreCase(target.getScheme()) && !sameOrigin(target, apiBase)) {
                throw new IOException("refusing a redirect to a non-https host");
            }
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI u) {
        return u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private void requireLive() {
        if (!live()) {
            throw new IllegalStateException("no Twilio account configured (dry-run)");
        }
    }

    private static void close(InputStream in) {
        if (in == null) {
            return;
        }
        try {
            in.close();
        } catch (IOException e) {
            // An answer we do not read; closing only frees the connection, and failing to is harmless.
        }
    }
}
