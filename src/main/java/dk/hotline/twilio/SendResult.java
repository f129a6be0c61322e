package dk.hotline.twilio;

import java.util.Objects;

/**
 * What Twilio answered when it accepted a text or call.
 *
 * @param sid Twilio's id ({@code SM…}/{@code MM…} for texts, {@code CA…} for calls); status
 *     callbacks carry it
 * @param status Twilio's status word at acceptance, e.g. {@code queued}; {@code dry-run} when
 *     nothing was sent
 */
public record SendResult(String sid, String status) {

    public SendResult {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(status, "status");
    }
}
