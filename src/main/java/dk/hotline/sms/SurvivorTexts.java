package dk.hotline.sms;

import dk.hotline.common.Language;
import dk.hotline.flows.Text;
import dk.hotline.flows.Texts;
import dk.hotline.followups.CallbackRequests;
import dk.hotline.followups.Followups;
import dk.hotline.groups.Attendance;
import dk.hotline.groups.GroupInterest;
import dk.hotline.outbox.MessageKind;
import dk.hotline.outbox.Outbox;
import dk.hotline.outbox.Suppressions;
import dk.hotline.privacy.PhoneNumber;
import java.time.Clock;
import java.time.Instant;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A text from someone who is not a leader: dropped when blocked or flooding, acted on when it is
 * a keyword, otherwise relayed. Keyword answers are in the language of the keyword (HELP gets
 * English, HJÆLP Danish); everything else starts in Danish.
 */
final class SurvivorTexts {
    private static final Logger log = LoggerFactory.getLogger(SurvivorTexts.class);

    private final SmsKeywords keywords;
    private final Suppressions suppressions;
    private final Blocklist blocklist;
    private final InboundRateLimit rateLimit;
    private final GroupInterest groupInterest;
    private final Attendance attendance;
    private final Followups followups;
    private final CallbackRequests callbacks;
    private final Relay relay;
    private final Outbox outbox;
    private final Texts texts;
    private final Clock clock;

    SurvivorTexts(SmsKeywords keywords, Suppressions suppressions, Blocklist blocklist, InboundRateLimit rateLimit,
                  GroupInterest groupInterest, Attendance attendance, Followups followups, CallbackRequests callbacks, Relay relay, Outbox outbox, Texts texts, Clock clock) {
        this.keywords = keywords;
        this.suppressions = suppressions;
        this.blocklist = blocklist;
        this.rateLimit = rateLimit;
        this.groupInterest = groupInterest;
        this.attendance = attendance;
        this.followups = followups;
        this.callbacks = callbacks;
        this.relay = relay;
        this.outbox = outbox;
        this.texts = texts;
        this.clock = clock;
    }

    void handle(Handle tx, String messageSid, PhoneNumber from, String body, int media) {
        Instant now = clock.instant();
        var keyword = keywords.survivorKeyword(body);
        boolean blocked = blocklist.isBlocked(tx, from);
        boolean allowed = !blocked && rateLimit.allow(tx, from, now);
        // An opt-out is absolute: STOP counts even from a blocked or flooding number (only its reply is dropped).
        if (keyword.isPresent() && keyword.get() == Keyword.STOP && !allowed) {
            suppressions.optOut(tx, from);
        }
        if (!allowed) {
            log.info("event=sms.dropped reason={} sid={}", blocked ? "blocked" : "rate_limit", messageSid);
            return;
        }
        boolean answer = keyword.filter(k -> k == Keyword.YES || k == Keyword.NO).isPresent();
        // JA/NEJ answers a reminder when that is the latest thing we sent them; in a conversation
        // with a leader since, it is a reply to the leader and is relayed.
        if (answer && attendance.answer(tx, messageSid, from, keyword.get() == Keyword.YES, relay.lastActivity(tx, from))) {
            return;
        }
        // They wrote to us first: a follow-up they agreed to wait for is not needed (nor after a STOP).
        followups.contactFrom(tx, from, "sms");
        if (keyword.isEmpty() || answer) {
            relay.fromSurvivor(tx, messageSid, from, body, media);
            return;
        }
        Language language = body.trim().toUpperCase(java.util.Locale.ROOT).startsWith("HELP") ? Language.ENGLISH : Language.DANISH;
        log.info("event=sms.keyword keyword={} sid={}", keyword.get(), messageSid);
        switch (keyword.get()) {
            case STOP -> {
                // Confirmed once; a second STOP changes nothing and says nothing.
                if (suppressions.optOut(tx, from)) {
                    outbox.stopConfirmation(tx, messageSid, from, texts.get(language, Text.SMS_STOP_CONFIRM), now);
                }
            }
            case START -> {
                if (suppressions.optIn(tx, from)) {
                    outbox.sms(tx, MessageKind.START, messageSid, from, texts.get(language, Text.SMS_START_CONFIRM), now);
                }
            }
            case HELP -> outbox.sms(tx, MessageKind.HELP, messageSid, from, texts.get(language, Text.SMS_HELP), now);
            case CALLBACK -> {
                callbacks.request(tx, "sms:" + messageSid, from, language, "asap", "sms");
                outbox.sms(tx, MessageKind.CALLBACK_CONFIRMED, messageSid, from, texts.get(language, Text.SMS_CALLBACK_CONFIRM), now);
            }
            case GROUP -> {
                groupInterest.add(tx, from, language, "sms");
                outbox.sms(tx, MessageKind.GROUP_INTEREST, messageSid, from, texts.get(language, Text.SMS_GROUP_CONFIRM), now);
            }
            default -> relay.fromSurvivor(tx, messageSid, from, body, media);
        }
    }
}
