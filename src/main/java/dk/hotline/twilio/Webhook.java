package dk.hotline.twilio;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Every path under {@code /twilio} that Twilio POSTs to, with the query parameters the service
 * puts on its own URLs, in one table. The route that serves a webhook, the URL that TwiML, the
 * outbox and tests write for it, and the names its handler reads all come from its line here,
 * so a path cannot be spelt two ways.
 *
 * <p>URLs are relative: Twilio resolves them against the public URL it called, so the signature
 * of the next request holds behind a proxy too.
 */
public enum Webhook {
    // Set on the hotline number in Twilio's console (CONTRACT: these paths never change).
    VOICE("/twilio/voice"),
    /** Static TwiML, no database: Twilio's voice fallback URL must answer when nothing else does. */
    VOICE_FALLBACK("/twilio/voice/fallback"),
    /** Call progress; {@code outbox} names the row of a call the outbox placed. */
    VOICE_STATUS("/twilio/voice/status", "outbox"),
    SMS("/twilio/sms"),
    /**
     * The number's Messaging "primary handler fails" URL, signed like the rest: answers the texter
     * at once without the database and keeps the text in the local spool until it can be acted on.
     */
    SMS_FALLBACK("/twilio/sms/fallback"),
    /** Delivery progress; {@code outbox} names the row of the text. */
    SMS_STATUS("/twilio/sms/status", "outbox"),

    // A caller's way through flows/voice.yaml.
    STEP("/twilio/voice/step", "step"),
    MENU("/twilio/voice/menu", "step", "try"),
    GROUP_INTEREST("/twilio/voice/interest", "step"),
    /** A ring attempt ended; {@code n} makes each attempt's answer its own, so a replay is never an older one. */
    DIALED("/twilio/voice/dialed", "step", "n"),

    // A leader's phone answered: press 1 to take the call.
    SCREEN("/twilio/voice/screen", "offer"),
    SCREEN_ANSWER("/twilio/voice/screen/answer", "offer"),
    /** Static, so it answers with the database down too (the voice fallback URL rings the backup number). */
    BACKUP_SCREEN("/twilio/voice/backup/screen"),
    BACKUP_SCREEN_ANSWER("/twilio/voice/backup/screen/answer"),

    // The hold queue, and the freed leader rung for its longest-waiting caller.
    QUEUE_WAIT("/twilio/voice/queue/wait", "step"),
    QUEUE_LEFT("/twilio/voice/queue/left", "step"),
    QUEUE_CONNECT("/twilio/voice/queue/connect", "offer", "lang"),
    QUEUE_CONNECT_ANSWER("/twilio/voice/queue/connect/answer", "offer", "lang"),
    QUEUE_BRIDGED("/twilio/voice/queue/bridged", "offer"),

    // The fallback chain, the callback offer and the follow-up offer.
    FALLBACK_NEXT("/twilio/voice/fallback/next", "lang", "after"),
    CALLBACK_CONFIRM("/twilio/voice/callback/confirm", "lang", "after"),
    CALLBACK_WHEN("/twilio/voice/callback/when", "lang"),
    FOLLOWUP("/twilio/voice/followup", "lang", "source"),

    // A leader calling someone back through the service.
    CALLBACK_LEADER("/twilio/voice/callback/leader", "offer"),
    CALLBACK_LEADER_ANSWER("/twilio/voice/callback/leader/answer", "offer"),
    CALLBACK_LEADER_DIALED("/twilio/voice/callback/leader/dialed", "offer"),
    CALLBACK_SURVIVOR("/twilio/voice/callback/survivor", "offer"),
    CALLBACK_SURVIVOR_ANSWER("/twilio/voice/callback/survivor/answer", "offer"),

    // A voicemail step: the recording's end, and its file.
    VOICEMAIL_DONE("/twilio/voice/voicemail/done", "lang"),
    VOICEMAIL_RECORDED("/twilio/voice/voicemail/recorded");

    private final String path;
    private final List<String> query;

    Webhook(String path, String... query) {
        this.path = path;
        this.query = List.of(query);
    }

    public String path() {
        return path;
    }

    /** The query parameters of this webhook's URL, in the order {@link #url} takes their values. */
    public List<String> query() {
        return query;
    }

    /**
     * This webhook's URL with {@code values} for its query parameters, in their declared order
     * and URL-encoded; without values, the bare path (as the number's settings in Twilio's console have it).
     */
    public String url(Object... values) {
        if (values.length != 0 && values.length != query.size()) {
            throw new IllegalArgumentException(name() + " takes " + query + ", got " + values.length + " values");
        }
        var url = new StringBuilder(path);
        for (int i = 0; i < values.length; i++) {
            url.append(i == 0 ? '?' : '&').append(query.get(i)).append('=')
                    .append(URLEncoder.encode(String.valueOf(values[i]), StandardCharsets.UTF_8));
        }
        return url.toString();
    }
}
