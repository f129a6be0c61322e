package dk.hotline.app;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import dk.hotline.db.Database;
import dk.hotline.db.DatabaseUrl;
import dk.hotline.db.LocalDatabase;
import dk.hotline.twilio.DryRunTwilioGateway;
import dk.hotline.twilio.SdkTwilioGateway;
import dk.hotline.twilio.TwilioGateway;
import dk.hotline.twilio.TwilioRecordings;
import dk.hotline.twilio.TwilioSignature;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the features run on, chosen from the config: metrics, the database (the one configured, or
 * an embedded one under the data folder), and Twilio (the SDK, or the dry-run gateway that only
 * records). Whatever must be closed is added to the root's list, in the order it was made.
 */
final class Infrastructure {
    private static final Logger log = LoggerFactory.getLogger(Infrastructure.class);
    private static final int POOL_SIZE = 10;

    private final List<AutoCloseable> toClose;

    Infrastructure(List<AutoCloseable> toClose) {
        this.toClose = toClose;
    }

    PrometheusMeterRegistry metrics() {
        var metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        var gc = new JvmGcMetrics();
        gc.bindTo(metrics);
        toClose.add(gc);
        return metrics;
    }

    HikariDataSource database(Optional<String> configuredUrl, Path dataDir, PrometheusMeterRegistry metrics) {
        DatabaseUrl url;
        if (configuredUrl.isPresent()) {
            url = DatabaseUrl.parse(configuredUrl.get());
        } else {
            var local = LocalDatabase.start(dataDir);
            toClose.add(local);
            url = local.url();
        }
        HikariDataSource pool = Database.pool(url, POOL_SIZE);
        pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(metrics));
        toClose.add(pool);
        return pool;
    }

    TwilioGateway gateway(HotlineConfig config) {
        if (config.dryRun()) {
            log.warn("event=twilio.dry_run note=\"no Twilio credentials: texts and calls are recorded, not sent\"");
            return new DryRunTwilioGateway();
        }
        var creds = config.secrets().twilio().orElseThrow();
        var sdk = new SdkTwilioGateway(creds.accountSid(), creds.authToken(), config.secrets().twilioApiBaseUrl());
        toClose.add(sdk);
        return sdk;
    }

    /** Voicemail recordings at Twilio, or none in dry-run. */
    TwilioRecordings recordings(HotlineConfig config) {
        return config.secrets().twilio()
                .map(t -> TwilioRecordings.live(t.accountSid(), t.authToken(), config.secrets().twilioApiBaseUrl()))
                .orElseGet(TwilioRecordings::dryRun);
    }

    /** Absent in dry-run without an auth token: there is nothing to check signatures against. */
    Optional<TwilioSignature> twilioSignature(HotlineConfig config) {
        return config.secrets().twilio().map(t -> new TwilioSignature(t.authToken()));
    }
}
