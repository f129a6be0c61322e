package dk.hotline.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dk.hotline.privacy.PhoneNumber;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class DryRunTwilioGatewayTest {
    private static final PhoneNumber SURVIVOR = PhoneNumber.parse("+45 20 12 34 56");
    private static final PhoneNumber HOTLINE = PhoneNumber.parse("+45 70 20 30 40");
    private static final Instant NOW = Instant.parse("2025-03-30T00:30:00Z");
    private static final URI TWIML = URI.create("http://localhost:8080/twilio/voice/callback/7");

    private final DryRunTwilioGateway gateway = new DryRunTwilioGateway(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void answersAMadeUpSidAndDryRunStatus() {
        SendResult sms = gateway.sendSms(new OutboundSms(SURVIVOR, HOTLINE, "Hej", null));
        SendResult call = gateway.placeCall(new OutboundCall(SURVIVOR, HOTLINE, TWIML, null, 30));

        assertThat(sms.sid()).matches("SM00000000[0-9a-f]{24}");
        assertThat(call.sid()).matches("CA00000000[0-9a-f]{24}");
        assertThat(sms.status()).isEqualTo("dry-run");
        assertThat(call.status()).isEqualTo("dry-run");
        assertThat(gateway.sendSms(new OutboundSms(SURVIVOR, HOTLINE, "Hej", null)).sid()).isNotEqualTo(sms.sid());
    }

    @Test
    void recordsWhatWouldHaveBeenSentNewestFirst() {
        SendResult sms = gateway.sendSms(new OutboundSms(SURVIVOR, HOTLINE, "Hej", null));
        SendResult call = gateway.placeCall(new OutboundCall(SURVIVOR, HOTLINE, TWIML, null, 30));

        assertThat(gateway.recent()).containsExactly(
                new DryRunRecord(DryRunRecord.Kind.CALL, SURVIVOR, HOTLINE, TWIML.toString(), NOW, call.sid()),
                new DryRunRecord(DryRunRecord.Kind.SMS, SURVIVOR, HOTLINE, "Hej", NOW, sms.sid()));
    }

    @Test
    void findsWhatItRecordedAsTwilioWouldFromWhatItWasSent() {
        SendResult sms = gateway.sendSms(new OutboundSms(SURVIVOR, HOTLINE, "Hej", null));
        SendResult call = gateway.placeCall(new OutboundCall(SURVIVOR, HOTLINE, TWIML, null, 30));

        assertThat(gateway.findSms(new OutboundSms(SURVIVOR, HOTLINE, "Hej", null), NOW))
                .containsExactly(new SendResult(sms.sid(), "dry-run"));
        assertThat(gateway.findCall(new OutboundCall(SURVIVOR, HOTLINE, TWIML, null, 30), NOW))
                .containsExactly(new SendResult(call.sid(), "dry-run"));
    }

    @Test
    void findsNoOtherWordsOtherNumberOrEarlierRecord() {
        gateway.sendSms(new OutboundSms(SURVIVOR, HOTLINE, "Hej", null));

        assertThat(gateway.findSms(new OutboundSms(SURVIVOR, HOTLINE, "Farvel", null), NOW)).isEmpty();
        assertThat(gateway.findSms(new OutboundSms(PhoneNumber.parse("+4520999999"), HOTLINE, "Hej", null), NOW)).isEmpty();
        assertThat(gateway.findSms(new OutboundSms(SURVIVOR, HOTLINE, "Hej", null),
                NOW.plus(TwilioGateway.CLOCK_SKEW).plusSeconds(1))).isEmpty();
    }

    @Test
    void keepsOnlyTheLast500() {
        for (int i = 0; i <= DryRunTwilioGateway.CAPACITY; i++) {
            gateway.sendSms(new OutboundSms(SURVIVOR, HOTLINE, "text " + i, null));
        }

        assertThat(gateway.recent()).hasSize(500);
        assertThat(gateway.recent().get(0).content()).isEqualTo("text 500");
        assertThat(gateway.recent().get(499).content()).isEqualTo("text 1");
    }

    @Test
    void logsOneLinePerSendWithTheMaskedNumberAndNeverTheBody() {
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        var logger = (Logger) LoggerFactory.getLogger(DryRunTwilioGateway.class);
        logger.addAppender(appender);
        try {
            gateway.sendSms(new OutboundSms(SURVIVOR, HOTLINE, "Mit hemmelige svar", null));
        } finally {
            logger.detachAppender(appender);
        }

        assertThat(appender.list).singleElement().satisfies(event -> assertThat(event.getFormattedMessage())
                .contains(SURVIVOR.masked())
                .doesNotContain("20123456")
                .doesNotContain("hemmelige"));
    }

    @Test
    void aRecordsPrintedFormHidesTheBody() {
        gateway.sendSms(new OutboundSms(SURVIVOR, HOTLINE, "Mit hemmelige svar", null));

        assertThat(gateway.recent().get(0).toString()).doesNotContain("hemmelige").doesNotContain("20123456");
        assertThat(new OutboundSms(SURVIVOR, HOTLINE, "Mit hemmelige svar", null).toString())
                .doesNotContain("hemmelige").doesNotContain("20123456");
    }
}
