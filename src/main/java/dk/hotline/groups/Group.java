package dk.hotline.groups;

import dk.hotline.common.Language;
import java.time.Instant;
import java.util.List;

/** A support group with its weekly sessions and its members (numbers masked). */
public record Group(long id, String name, String smsName, String location, long leaderId, int capacity,
                    int participants, List<Session> sessions, List<Member> members) {
    /** A session, with how many answered JA and NEJ to its reminders. */
    public record Session(long id, Instant start, Instant end, String status, int attending, int notAttending) {}

    public record Member(long id, String name, String phone, boolean smsConsent, Language language) {}
}
