package dk.hotline.console;

import java.util.List;

/**
 * What one group's page shows: the group, its sessions (local times, JA/NEJ counts, and whether
 * it can still be moved or cancelled), its participants with their numbers masked, and the form
 * to add one (as typed, when it was refused, with the errors).
 */
public record GroupView(long id, String name, String smsName, String location, String leader, int capacity, int participants,
                        List<SessionRow> sessions, List<MemberRow> members, ParticipantForm form, FormErrors errors,
                        String notice) {
    /** A session: its day, its start–end, its status in words, and the answers to its reminders. */
    public record SessionRow(long id, String day, String time, String status, boolean cancelled, int attending, int notAttending,
                             boolean changeable) {}

    /** A participant, number masked; consent and language in words. */
    public record MemberRow(long id, String name, String phone, String smsConsent, String language) {}

    /** The form's fields as typed; the names are the JSON API's ({@code smsConsent} "true", "false" or ""). */
    public record ParticipantForm(String name, String phone, String smsConsent, String language) {
        static final ParticipantForm EMPTY = new ParticipantForm("", "", "", "da");
    }

    public boolean full() {
        return participants >= capacity;
    }

    /** The error beside the field with id {@code target}, or "". */
    public String errorFor(String target) {
        return errors.at(target);
    }
}
