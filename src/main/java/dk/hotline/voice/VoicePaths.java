package dk.hotline.voice;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The service's own callback paths under {@code /twilio/voice}. TwiML uses them as relative URLs,
 * which Twilio resolves against the public URL it called, so signatures hold.
 */
final class VoicePaths {
    static final String ROOT = "/twilio/voice";
    /** Static, so they answer even when the database is down (the voice fallback URL uses them). */
    static final String BACKUP_SCREEN = ROOT + "/backup/screen";
    static final String BACKUP_SCREEN_ANSWER = ROOT + "/backup/screen/answer";

    /** The voicemail step's recording status callback. */
    static final String VOICEMAIL_RECORDED = ROOT + "/voicemail/recorded";

    private VoicePaths() {}

    static String followup(String language, String source) {
        return ROOT + "/followup?lang=" + language + "&source=" + source;
    }

    static String groupInterest(String step) {
        return ROOT + "/interest?step=" + enc(step);
    }

    static String step(String step) {
        return ROOT + "/step?step=" + enc(step);
    }

    static String menu(String step, int attempt) {
        return ROOT + "/menu?step=" + enc(step) + "&try=" + attempt;
    }

    /** {@code attempt} makes each ring attempt's answer its own, so a replayed answer is never an older one. */
    static String dialed(String step, int attempt) {
        return ROOT + "/dialed?step=" + enc(step) + "&n=" + attempt;
    }

    static String screen(long offer) {
        return ROOT + "/screen?offer=" + offer;
    }

    static String screenAnswer(long offer) {
        return ROOT + "/screen/answer?offer=" + offer;
    }

    static String queueWait(String step) {
        return ROOT + "/queue/wait?step=" + enc(step);
    }

    static String queueLeft(String step) {
        return ROOT + "/queue/left?step=" + enc(step);
    }

    static String queueConnect(long offer, String language) {
        return ROOT + "/queue/connect?offer=" + offer + "&lang=" + language;
    }

    static String queueConnectAnswer(long offer, String language) {
        return ROOT + "/queue/connect/answer?offer=" + offer + "&lang=" + language;
    }

    static String queueBridged(long offer) {
        return ROOT + "/queue/bridged?offer=" + offer;
    }

    static String fallbackNext(String language, int after) {
        return ROOT + "/fallback/next?lang=" + language + "&after=" + after;
    }

    static String callbackConfirm(String language, int after) {
        return ROOT + "/callback/confirm?lang=" + language + "&after=" + after;
    }

    static String callbackWhen(String language) {
        return ROOT + "/callback/when?lang=" + language;
    }

    static String callbackLeader(long offer) {
        return ROOT + "/callback/leader?offer=" + offer;
    }

    static String callbackLeaderAnswer(long offer) {
        return ROOT + "/callback/leader/answer?offer=" + offer;
    }

    static String callbackLeaderDialed(long offer) {
        return ROOT + "/callback/leader/dialed?offer=" + offer;
    }

    static String voicemailDone(String language) {
        return ROOT + "/voicemail/done?lang=" + language;
    }

    static String callbackSurvivor(long offer) {
        return ROOT + "/callback/survivor?offer=" + offer;
    }

    static String callbackSurvivorAnswer(long offer) {
        return ROOT + "/callback/survivor/answer?offer=" + offer;
    }

    /** The Twilio queue a language's callers wait in. */
    static String queueName(String language) {
        return "hotline-" + language;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
