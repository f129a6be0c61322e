package dk.hotline.outbox;

import com.fasterxml.jackson.annotation.JsonValue;
import dk.hotline.common.Coded;

/**
 * What an outbound text or call is for. The code is stored with the row ({@code
 * outbox.message_kind}) and shown to coordinators; the key prefix starts the row's dedupe key,
 * as it did before the kind had a column, so a message queued before an upgrade and queued
 * again after it is still one message.
 */
public enum MessageKind implements Coded {
    // To survivors and participants
    STOP("stop", "stop", Channel.SMS),
    START("start", "start", Channel.SMS),
    HELP("help", "help", Channel.SMS),
    CALLBACK_CONFIRMED("callback-confirmed", "ring", Channel.SMS),
    GROUP_INTEREST("group-interest", "group", Channel.SMS),
    RELAY_OUT("relay-out", "relay-out", Channel.SMS),
    AUTO_REPLY("auto-reply", "auto-reply", Channel.SMS),
    MEDIA_NOTICE("media-notice", "media-notice", Channel.SMS),
    REMINDER("reminder", "reminder", Channel.SMS),
    ATTENDANCE("attendance", "attendance", Channel.SMS),
    SESSION_CANCELLED("session-cancelled", "session-cancelled", Channel.SMS),
    SESSION_MOVED("session-moved", "session-moved", Channel.SMS),
    GROUP_INVITE("group-invite", "group-invite", Channel.SMS),
    FOLLOWUP("followup", "followup", Channel.SMS),
    // To leaders and coordinators
    RELAY_IN("relay-in", "relay-in", Channel.SMS),
    CONVERSATION_TAKEN("conversation-taken", "taken", Channel.SMS),
    LEADER_REPLY("leader-reply", "leader-reply", Channel.SMS),
    CALLBACK_REQUEST("callback-request", "callback-requested", Channel.SMS),
    VOICEMAIL_NOTICE("voicemail-notice", "voicemail", Channel.SMS),
    ROTA_GAPS("rota-gaps", "rota-gaps", Channel.SMS),
    // Calls to leaders
    QUEUE_OFFER("queue-offer", "queue-offer", Channel.CALL),
    CALLBACK_OFFER("callback-offer", "callback-offer", Channel.CALL),
    /** Only rows from before kinds were stored whose key named none of these. */
    OTHER("other", "other", Channel.SMS);

    /** How a message goes out; the code is {@code outbox.kind}. */
    public enum Channel implements Coded {
        SMS("sms"), CALL("call");

        private final String code;

        Channel(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }

        static Channel of(String code) {
            return Coded.byCode(Channel.class, code)
                    .orElseThrow(() -> new IllegalArgumentException("unknown outbox channel " + code));
        }

        @Override
        public String toString() {
            return code;
        }
    }

    private final String code;
    private final String keyPrefix;
    private final Channel channel;

    MessageKind(String code, String keyPrefix, Channel channel) {
        this.code = code;
        this.keyPrefix = keyPrefix;
        this.channel = channel;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    public Channel channel() {
        return channel;
    }

    /** The dedupe key of this kind's message {@code key}: one row per kind and key, ever. */
    String dedupeKey(String key) {
        return keyPrefix + ":" + key;
    }

    static MessageKind of(String code) {
        return Coded.byCode(MessageKind.class, code).orElse(OTHER);
    }
}
