package dk.hotline.privacy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.status.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URL;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The phone masking in the log pattern, tested through the real {@code logback.xml} and
 * {@code logback-test.xml}: each is loaded into its own {@link LoggerContext} and events are
 * rendered by the layout of its STDOUT appender.
 */
class PhoneMaskingConverterTest {

    private LoggerContext context;

    @AfterEach
    void stopContext() {
        if (context != null) {
            context.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"+4520123456", "20 12 34 56", "+45 20 12 34 56", "0045-20-12-34-56",
            "20123456", "20.12.34.56", "%2B4520123456"})
    void masksPhoneNumbers(String number) {
        String line = render("/logback.xml", event("incoming text from " + number + ", routing", null));

        assertThat(line).contains("incoming text from •••, routing");
        assertThat(line).doesNotContain(number);
        assertThat(line).doesNotContain("20 12").doesNotContain("2012").doesNotContain("3456");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SM0123456789abcdef0123456789abcdef", "CA0123456789abcdef0123456789abcdef",
            "id=42", "ms=1234", "2026-11-25T18:35:14Z", "2026-11-25T18:35:14.123456789Z", "2026-11-25",
            "port=54321", "123e4567-e89b-12d3-a456-426614174000", "12345678-1234-1234-1234-123456789012",
            "+45 •••• ••34", "v1.2.3", "127.0.0.1:5432"})
    void leavesOtherTextAlone(String text) {
        String line = render("/logback.xml", event("value " + text + " end", null));

        assertThat(line).contains("value " + text + " end");
        assertThat(line).doesNotContain(PhoneMaskingConverter.MASK + " end");
    }

    @Test
    void masksSeveralNumbersAndKeepsTheRest() {
        assertThat(PhoneMaskingConverter.mask("from=+4520123456 to=+4530123456 sid=SM0123456789abcdef0123456789abcdef"))
                .isEqualTo("from=••• to=••• sid=SM0123456789abcdef0123456789abcdef");
        assertThat(PhoneMaskingConverter.mask(null)).isNull();
        assertThat(PhoneMaskingConverter.mask("")).isEmpty();
    }

    @Test
    void masksANumberInAnExceptionMessageAndKeepsTheEventOnOneLine() {
        Exception cause = new IllegalArgumentException("not a valid number: 0045-20-12-34-56");
        Exception failure = new IllegalStateException("text to +4520123456 failed", cause);

        String line = render("/logback.xml", event("dispatch failed", failure));

        assertThat(line).contains("dispatch failed java.lang.IllegalStateException: text to ••• failed");
        assertThat(line).contains("Caused by: java.lang.IllegalArgumentException: not a valid number: •••");
        assertThat(line).contains("\\n\\tat " + PhoneMaskingConverterTest.class.getName());
        assertThat(line).doesNotContain("4520123456").doesNotContain("20-12-34-56");
        assertThat(line.stripTrailing()).doesNotContain("\n").doesNotContain("\r");
    }

    @Test
    void aMessageCannotForgeAnotherLogLine() {
        String line = render("/logback.xml",
                event("body was: hi\n2026-11-25T18:35:14.000+01:00 ERROR Fake [main] forged", null));

        assertThat(line.stripTrailing()).doesNotContain("\n");
        assertThat(line).contains("body was: hi\\n2026-11-25T18:35:14.000+01:00 ERROR Fake [main] forged");
    }

    @Test
    void linePatternHasTimestampLevelLoggerThreadAndMessage() {
        String line = render("/logback.xml", event("started", null));

        assertThat(line).matches(
                "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2}) INFO  Main \\[test-thread] started\\R");
    }

    @Test
    void testConfigurationMasksTheSameWayWithQuieterLevels() {
        Exception failure = new IllegalStateException("call to +45 20 12 34 56 failed");

        String line = render("/logback-test.xml", event("routing +4520123456", failure));

        assertThat(line).contains("routing ••• java.lang.IllegalStateException: call to ••• failed");
        assertThat(line).doesNotContain("20123456").doesNotContain("20 12 34 56");
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("dk.hotline").getLevel()).isEqualTo(Level.INFO);
    }

    @Test
    void productionConfigurationQuietsNoisyLoggers() {
        load("/logback.xml");

        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("org.eclipse.jetty").getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("io.zonky").getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("com.twilio").getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("com.zaxxer.hikari").getLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("org.quartz").getLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("org.flywaydb").getLevel()).isEqualTo(Level.INFO);
    }

    private ILoggingEvent event(String message, Throwable throwable) {
        LoggerContext ctx = context != null ? context : new LoggerContext();
        LoggingEvent e = new LoggingEvent(Logger.class.getName(), ctx.getLogger("dk.hotline.app.Main"),
                Level.INFO, message, throwable, null);
        e.setThreadName("test-thread");
        return e;
    }

    private String render(String config, ILoggingEvent event) {
        load(config);
        ConsoleAppender<ILoggingEvent> appender =
                (ConsoleAppender<ILoggingEvent>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDOUT");
        assertThat(appender).as("STDOUT appender in " + config).isNotNull();
        Layout<ILoggingEvent> layout = ((PatternLayoutEncoder) appender.getEncoder()).getLayout();
        return layout.doLayout(event);
    }

    private void load(String config) {
        URL url = getClass().getResource(config);
        assertThat(url).as(config + " on the test class path").isNotNull();
        context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(url);
        } catch (Exception e) {
            throw new AssertionError("could not load " + config, e);
        }
        assertThat(context.getStatusManager().getCopyOfStatusList())
                .as("logback status of " + config)
                .noneMatch(s -> s.getEffectiveLevel() >= Status.WARN);
    }
}
