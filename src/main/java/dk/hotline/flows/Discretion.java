package dk.hotline.flows;

import java.util.List;
import java.util.Locale;

/**
 * A text a survivor can receive may be read by someone else holding the phone. None of them may
 * contain a revealing word (configured in {@code discretion.revealingWords}); startup refuses
 * flow files where one does.
 */
public final class Discretion {
    /** Every text key that can be sent by SMS to a survivor. */
    public static final List<String> SURVIVOR_SMS = List.of("smsStopConfirm", "smsStartConfirm", "smsHelp",
            "smsCallbackConfirm", "smsGroupConfirm", "smsAutoReply", "smsMediaNotice", "smsSessionCancelled",
            "smsSessionMoved", "smsReminder", "smsAttendanceYes", "smsAttendanceNo", "smsFollowup",
            "smsGroupInvite");

    private Discretion() {}

    public static void check(Texts texts, List<String> revealingWords) {
        for (var language : texts.byLanguage().entrySet()) {
            for (String key : SURVIVOR_SMS) {
                String text = language.getValue().getOrDefault(key, "").toLowerCase(Locale.ROOT);
                for (String word : revealingWords) {
                    if (text.contains(word)) {
                        throw new FlowException("flows/texts." + language.getKey() + ".yaml: '" + key + "' contains '" + word
                                + "', which must never be in a text a survivor can receive (discretion.revealingWords)");
                    }
                }
            }
        }
    }
}
