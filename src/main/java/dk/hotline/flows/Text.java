package dk.hotline.flows;

import java.util.List;

/**
 * Every text the service itself says or writes, by its key in {@code flows/texts.*.yaml}, with
 * who gets it and the placeholders the service fills in. Loading the flow files checks each
 * text against this line: present in every language (or in Danish, for staff texts), no
 * placeholder the service does not fill, and no revealing word in a text a survivor can receive.
 */
public enum Text {
    // Said on a call, to the caller.
    GREETING(Reader.CALLER, "greeting"),
    MENU_REPEAT(Reader.CALLER, "menuRepeat"),
    CONNECTING(Reader.CALLER, "connecting"),
    QUEUE_POSITION(Reader.CALLER, "queuePosition", "position"),
    QUEUE_TIMEOUT(Reader.CALLER, "queueTimeout"),
    CALLBACK_OFFER(Reader.CALLER, "callbackOffer"),
    CALLBACK_WHEN(Reader.CALLER, "callbackWhen"),
    CALLBACK_CONFIRMED(Reader.CALLER, "callbackConfirmed"),
    CALLBACK_WITHHELD(Reader.CALLER, "callbackWithheld"),
    CLOSED(Reader.CALLER, "closed"),
    CLOSED_UNTIL(Reader.CALLER, "closedUntil", "next"),
    EMERGENCY(Reader.CALLER, "emergency"),
    GOODBYE(Reader.CALLER, "goodbye"),
    VOICEMAIL_PROMPT(Reader.CALLER, "voicemailPrompt"),
    VOICEMAIL_THANKS(Reader.CALLER, "voicemailThanks"),
    CALLBACK_SURVIVOR_SCREENING(Reader.CALLER, "callbackSurvivorScreening"),
    FOLLOWUP_OFFER(Reader.CALLER, "followupOffer"),
    FOLLOWUP_CONFIRMED(Reader.CALLER, "followupConfirmed"),
    GROUP_INTEREST_OFFER(Reader.CALLER, "groupInterestOffer"),
    GROUP_INTEREST_CONFIRMED(Reader.CALLER, "groupInterestConfirmed"),
    GROUP_INTEREST_WITHHELD(Reader.CALLER, "groupInterestWithheld"),

    // Said on a call, to a leader (or whoever answers the backup number).
    SCREENING(Reader.LEADER, "screening", "language"),
    SCREENING_TAKEN(Reader.LEADER, "screeningTaken"),
    CALLBACK_SCREENING(Reader.LEADER, "callbackScreening"),
    QUEUE_SCREENING(Reader.LEADER, "queueScreening"),
    QUEUE_EMPTY(Reader.LEADER, "queueEmpty"),
    CALLER_LANGUAGE_DA(Reader.LEADER, "callerLanguageDa"),
    CALLER_LANGUAGE_EN(Reader.LEADER, "callerLanguageEn"),
    CALLBACK_NO_ANSWER(Reader.LEADER, "callbackNoAnswer"),
    BACKUP_SCREENING(Reader.LEADER, "backupScreening"),

    // Texted to a leader's own phone.
    LEADER_CALLBACK_REQUESTED(Reader.LEADER, "leaderCallbackRequested", "id", "when"),
    WHEN_ASAP(Reader.LEADER, "whenAsap"),
    WHEN_MORNING(Reader.LEADER, "whenMorning"),
    WHEN_AFTERNOON(Reader.LEADER, "whenAfternoon"),
    WHEN_EVENING(Reader.LEADER, "whenEvening"),
    LEADER_VOICEMAIL(Reader.LEADER, "leaderVoicemail", "id"),
    LEADER_RELAY(Reader.LEADER, "leaderRelay", "tag", "body"),
    LEADER_TAKEN(Reader.LEADER, "leaderTaken", "tag", "name"),
    LEADER_TAKEN_BY_OTHER(Reader.LEADER, "leaderTakenByOther", "tag"),
    LEADER_CLOSED(Reader.LEADER, "leaderClosed", "tag"),
    LEADER_WHICH(Reader.LEADER, "leaderWhich"),
    LEADER_UNKNOWN(Reader.LEADER, "leaderUnknown", "tag"),
    LEADER_ON(Reader.LEADER, "leaderOn"),
    LEADER_OFF(Reader.LEADER, "leaderOff"),
    LEADER_STATUS(Reader.LEADER, "leaderStatus", "now", "next"),
    LEADER_NOBODY(Reader.LEADER, "leaderNobody"),
    LEADER_CALLBACK_STARTED(Reader.LEADER, "leaderCallbackStarted"),
    LEADER_ATTENDANCE_YES(Reader.LEADER, "leaderAttendanceYes", "group", "when", "name"),
    LEADER_ATTENDANCE_NO(Reader.LEADER, "leaderAttendanceNo", "group", "when", "name"),
    LEADER_FOLLOWUP_SET(Reader.LEADER, "leaderFollowupSet", "tag", "when"),

    // Texted to survivors and participants: discreet, checked for revealing words.
    SMS_STOP_CONFIRM(Reader.SURVIVOR, "smsStopConfirm"),
    SMS_START_CONFIRM(Reader.SURVIVOR, "smsStartConfirm"),
    SMS_HELP(Reader.SURVIVOR, "smsHelp"),
    SMS_CALLBACK_CONFIRM(Reader.SURVIVOR, "smsCallbackConfirm"),
    SMS_GROUP_CONFIRM(Reader.SURVIVOR, "smsGroupConfirm"),
    SMS_AUTO_REPLY(Reader.SURVIVOR, "smsAutoReply", "next"),
    SMS_MEDIA_NOTICE(Reader.SURVIVOR, "smsMediaNotice"),
    /** The answer to a text that came while the database was down: it is kept and acted on later. */
    SMS_RECEIVED(Reader.SURVIVOR, "smsReceived"),
    SMS_SESSION_CANCELLED(Reader.SURVIVOR, "smsSessionCancelled", "group", "date"),
    SMS_SESSION_MOVED(Reader.SURVIVOR, "smsSessionMoved", "group", "from", "to"),
    SMS_REMINDER(Reader.SURVIVOR, "smsReminder", "group", "when"),
    SMS_ATTENDANCE_YES(Reader.SURVIVOR, "smsAttendanceYes"),
    SMS_ATTENDANCE_NO(Reader.SURVIVOR, "smsAttendanceNo"),
    SMS_FOLLOWUP(Reader.SURVIVOR, "smsFollowup"),
    SMS_GROUP_INVITE(Reader.SURVIVOR, "smsGroupInvite", "group", "when"),

    // Texted to coordinators, who all read Danish: in texts.da.yaml only.
    ROTA_GAPS(Reader.STAFF, "rotaGaps", "count", "gaps"),
    ROTA_GAPS_MORE(Reader.STAFF, "rotaGapsMore", "n");

    /** Who reads or hears a text: that decides which checks it gets. */
    public enum Reader {
        /** A caller, on the phone. */
        CALLER,
        /** A leader (or the backup number), on the phone or by text. */
        LEADER,
        /** A survivor or participant, by text: never a revealing word. */
        SURVIVOR,
        /** Coordinators, by text, in Danish only. */
        STAFF
    }

    private final Reader reader;
    private final String key;
    private final List<String> placeholders;

    Text(Reader reader, String key, String... placeholders) {
        this.reader = reader;
        this.key = key;
        this.placeholders = List.of(placeholders);
    }

    public Reader reader() {
        return reader;
    }

    /** The text's key in the flow files. */
    public String key() {
        return key;
    }

    /** The {@code {name}}s the service fills in; a text may leave some out, but use no other. */
    public List<String> placeholders() {
        return placeholders;
    }
}
