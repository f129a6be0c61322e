package dk.hotline.twilio;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.Locale;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * The SDK's HTTP client with three changes:
 * <ul>
 *   <li>requests to {@code https://*.twilio.com} go to {@code apiBaseUrl} instead, path and query
 *       kept, because SDK 13 has no base-URL setting and tests point it at WireMock;</li>
 *   <li>exactly one HTTP request per call: the SDK's {@code reliableRequest} would repeat 5xx
 *       answers itself, but the outbox owns retries and backoff;</li>
 *   <li>our connect and read timeouts, which the SDK would otherwise replace on every request.</li>
 * </ul>
 */
final class RetargetingHttpClient extends NetworkHttpClient {
    static final URI TWILIO_API = URI.create("https://api.twilio.com");

    private final URI apiBaseUrl;
    // The SDK throws away the HTTP status when an error answer has no JSON body; this keeps it
    // for the thread that made the request, so the gateway can still tell a 503 from a 400.
    private final ThreadLocal<Integer> lastStatus = new ThreadLocal<>();

    RetargetingHttpClient(URI apiBaseUrl, Duration connectTimeout, Duration readTimeout) {
        super(httpClient(connectTimeout, readTimeout));
        this.apiBaseUrl = apiBaseUrl == null ? TWILIO_API : apiBaseUrl;
        if (!this.apiBaseUrl.isAbsolute() || this.apiBaseUrl.getHost() == null) {
            throw new IllegalArgumentException("Twilio API base URL must be absolute, e.g. " + TWILIO_API);
        }
    }

    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        lastStatus.remove();
        URL original = request.constructURL();
        URL target = retarget(original, apiBaseUrl);
        Response response = super.makeRequest(target.equals(original) ? request : new RetargetedRequest(request, target));
        lastStatus.set(response.getStatusCode());
        return response;
    }

    /** The HTTP status of this thread's last request, or {@code null} if it got no answer. */
    Integer lastStatus() {
        return lastStatus.get();
    }

    /** Shuts the connection pool; only tests that make many gateways need this. */
    void close() {
        client.close(CloseMode.GRACEFUL);
    }

    /** Moves a Twilio URL onto {@code base}; anything else, or Twilio's own base, stays as it is. */
    static URL retarget(URL url, URI base) {
        String host = url.getHost().toLowerCase(Locale.ROOT);
        boolean twilio = host.equals("twilio.com") || host.endsWith(".twilio.com");
        if (!twilio || isTwilioDefault(base)) {
            return url;
        }
        String basePath = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        String query = url.getQuery() == null ? "" : "?" + url.getQuery();
        try {
            return URI.create(base.getScheme() + "://" + base.getRawAuthority() + basePath + url.getPath() + query).toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException("cannot re-target a Twilio URL at " + base, e);
        }
    }

    private static boolean isTwilioDefault(URI base) {
        return "https".equalsIgnoreCase(base.getScheme())
                && "api.twilio.com".equalsIgnoreCase(base.getHost())
                && (base.getPort() == -1 || base.getPort() == 443)
                && (base.getRawPath() == null || base.getRawPath().isEmpty() || base.getRawPath().equals("/"));
    }

    private static HttpClientBuilder httpClient(Duration connectTimeout, Duration readTimeout) {
        ConnectionConfig connection = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(connectTimeout))
                .setSocketTimeout(Timeout.of(readTimeout))
                .build();
        RequestConfig timeouts = RequestConfig.custom()
                .setConnectionRequestTimeout(Timeout.of(connectTimeout))
                .setResponseTimeout(Timeout.of(readTimeout))
                .build();
        return HttpClientBuilder.create()
                .useSystemProperties()
                // Twilio's answers are a kilobyte of JSON: gzip saves nothing on the wire and cost CPU
                // on both ends (the benchmark's outbox, where the machine's two cores are the limit).
                .disableContentCompression()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(connection)
                        // The outbox's 32 send threads, and room for the calls a webhook places at once.
                        .setMaxConnPerRoute(40)
                        .setMaxConnTotal(40)
                        .build())
                .setDefaultRequestConfig(timeouts)
                // A POST is never repeated by Apache's client either; said here so it stays so.
                .disableAutomaticRetries()
                // NetworkHttpClient stamps its own RequestConfig on every request (30.5 s connect,
                // no response timeout). This puts ours back before the connection is opened.
                .addExecInterceptorFirst("hotline-timeouts", (request, scope, chain) -> {
                    scope.clientContext.setRequestConfig(timeouts);
                    return chain.proceed(request, scope);
                });
    }

    /** The SDK's request as it was, except for the URL it is sent to. */
    private static final class RetargetedRequest extends Request {
        private final URL target;

        RetargetedRequest(Request original, URL target) {
            super(original.getMethod(), original.getUrl());
            this.target = target;
            original.getQueryParams().forEach((name, values) -> values.forEach(v -> addQueryParam(name, v)));
            original.getPostParams().forEach((name, values) -> values.forEach(v -> addPostParam(name, v)));
            original.getHeaderParams().forEach((name, values) -> values.forEach(v -> addHeaderParam(name, v)));
            if (original.getAuthStrategy() != null) {
                setAuth(original.getAuthStrategy());
            } else if (original.getUsername() != null) {
                setAuth(original.getUsername(), original.getPassword());
            }
            setContentType(original.getContentType());
            setBody(original.getBody());
            setFormParameters(original.getFormParameters());
            setUserAgentExtensions(original.getUserAgentExtensions());
            // Region and edge are already part of the original's URL, which target came from.
        }

        @Override
        public URL constructURL() {
            return target;
        }
    }
}
