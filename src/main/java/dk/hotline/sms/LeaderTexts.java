package dk.hotline.sms;

import dk.hotline.common.Language;
import dk.hotline.flows.Text;
import dk.hotline.flows.Texts;
import dk.hotline.followups.CallbackCalls;
import dk.hotline.followups.Followups;
import dk.hotline.outbox.MessageKind;
import dk.hotline.rota.Leader;
import dk.hotline.rota.Leaders;
import dk.hotline.rota.Rota;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * A text from a leader's registered phone: ON / OFF / STATUS, "RING 12" (call back request 12
 * through the service), "K7 SLUT" / "K7 END" (close), "K7 OPFØLG 3" (a follow-up text to K7's
 * survivor in 3 days), "K7 text" (answer K7), or a plain text that
 * answers the one conversation the leader has open.
 */
final class LeaderTexts {
    /** A time in a leader's reply: "4/3 12.00". */
    private static final DateTimeFormatter SHORT_TIME = DateTimeFormatter.ofPattern("d/M HH.mm");
    private static final Pattern TAGGED = Pattern.compile("^\\s*[Kk](\\d{1,9})\\b[\\s:.,-]*(.*)$", Pattern.DOTALL);
    private static final Pattern RING = Pattern.compile("^\\s*RING\\s+(\\d{1,9})\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern CLOSE = Pattern.compile("^(SLUT|END|LUK|CLOSE)[.!]?\\s*$", Pattern.CASE_INSENSITIVE);
    /** "OPFØLG 3" / "FOLLOWUP 3": a follow-up text in 3 days (1 to 30; no number = the configured wait). */
    private static final Pattern FOLLOWUP = Pattern.compile("^(OPF(Ø|OE|O)LG|FOLLOW-?UP)(\\s+(\\d{1,2}))?[.!]?\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final SmsKeywords keywords;
    private final Leaders leaders;
    private final Rota rota;
    private final Relay relay;
    private final LongTexts longTexts;
    private final CallbackCalls callbackCalls;
    private final Followups followups;
    private final Texts texts;
    private final ZoneId zone;
    private final Clock clock;

    LeaderTexts(SmsKeywords keywords, Leaders leaders, Rota rota, Relay relay, LongTexts longTexts, CallbackCalls callbackCalls,
                Followups followups, Texts texts, ZoneId zone, Clock clock) {
        this.keywords = keywords;
        this.leaders = leaders;
        this.rota = rota;
        this.relay = relay;
        this.longTexts = longTexts;
        this.callbackCalls = callbackCalls;
        this.followups = followups;
        this.texts = texts;
        this.zone = zone;
        this.clock = clock;
    }

    /** Acts on the text; a reply to the leader, if any, goes out through the outbox. */
    void handle(Handle tx, Leader leader, String messageSid, String body) {
        Language lang = leader.textLanguage();
        String reply = answer(tx, leader, messageSid, body, lang);
        if (reply != null) {
            longTexts.send(tx, MessageKind.LEADER_REPLY, messageSid, leader.phone(), reply, clock.instant());
        }
    }

    private String answer(Handle tx, Leader leader, String messageSid, String body, Language lang) {
        var command = keywords.leaderCommand(body);
        if (command.isPresent()) {
            switch (command.get()) {
                case ON -> {
                    leaders.setAvailable(tx, leader.id(), true);
                    return texts.get(lang, Text.LEADER_ON);
                }
                case OFF -> {
                    leaders.setAvailable(tx, leader.id(), false);
                    return texts.get(lang, Text.LEADER_OFF);
                }
                case STATUS -> {
                    return status(tx, lang);
                }
                default -> {
                    // survivor keywords from a leader's phone are ordinary text
                }
            }
        }
        var ring = RING.matcher(body);
        if (ring.matches()) {
            return callbackCalls.start(Long.parseLong(ring.group(1)), leader.id()).isPresent()
                    ? texts.get(lang, Text.LEADER_CALLBACK_STARTED)
                    : texts.fill(lang, Text.LEADER_UNKNOWN, Map.of("tag", "RING " + ring.group(1)));
        }
        var tagged = TAGGED.matcher(body);
        if (tagged.matches()) {
            long id = Long.parseLong(tagged.group(1));
            String rest = tagged.group(2).trim();
            if (CLOSE.matcher(rest).matches()) {
                return relay.close(tx, leader, id);
            }
            var followup = FOLLOWUP.matcher(rest);
            if (followup.matches()) {
                return followup(tx, leader, messageSid, id, followup.group(4), lang);
            }
            return rest.isEmpty() ? texts.get(lang, Text.LEADER_WHICH) : relay.fromLeader(tx, leader, id, rest);
        }
        List<Long> open = relay.answerableBy(tx, leader);
        if (open.size() == 1) {
            return relay.fromLeader(tx, leader, open.get(0), body.trim());
        }
        return open.isEmpty() ? texts.fill(lang, Text.LEADER_UNKNOWN, Map.of("tag", "K?")) : texts.get(lang, Text.LEADER_WHICH);
    }

    /** Asks for one follow-up text to the survivor of conversation {@code id}, which this leader may answer. */
    private String followup(Handle tx, Leader leader, String messageSid, long id, String days, Language lang) {
        String tag = "K" + id;
        var survivor = relay.survivorFor(tx, leader, id);
        if (survivor.isEmpty()) {
            return texts.fill(lang, Text.LEADER_UNKNOWN, Map.of("tag", tag));
        }
        // A conversation has no language of its own: the follow-up goes in Danish.
        Optional<Instant> due = days == null
                ? followups.request(tx, "conversation:" + messageSid, survivor.get(), Language.DANISH, "conversation")
                : followups.request(tx, "conversation:" + messageSid, survivor.get(), Language.DANISH, "conversation",
                        Duration.ofDays(Math.max(1, Math.min(30, Integer.parseInt(days)))));
        return due.map(t -> texts.fill(lang, Text.LEADER_FOLLOWUP_SET, Map.of("tag", tag, "when", t.atZone(zone).format(SHORT_TIME))))
                .orElse(null);
    }

    /** First names on call now, and who comes next and when. */
    private String status(Handle tx, Language lang) {
        Instant now = clock.instant();
        String nobody = texts.get(lang, Text.LEADER_NOBODY);
        String onCall = firstNames(tx, rota.leadersOnShift(tx, now));
        String next = rota.nextShiftStart(tx, now)
                .map(t -> firstNames(tx, rota.leadersOnShift(tx, t)) + " " + t.atZone(zone).format(SHORT_TIME))
                .orElse(nobody);
        return texts.fill(lang, Text.LEADER_STATUS, Map.of("now", onCall.isEmpty() ? nobody : onCall, "next", next));
    }

    private String firstNames(Handle tx, List<Long> ids) {
        return leaders.availableAmong(tx, ids).stream().map(l -> l.name().split("\\s+")[0]).sorted()
                .collect(Collectors.joining(", "));
    }
}
