package dk.hotline.console;


/**
 * The page that moves one session: which group and when it is now, the new start as typed (a
 * local date and time), and the errors when it was refused.
 */
public record SessionMoveView(long groupId, String groupName, long sessionId, String when, String start, FormErrors errors) {
    /** The error beside the field with id {@code target}, or "". */
    public String errorFor(String target) {
        return errors.at(target);
    }
}
