package dk.hotline.groups;

import java.time.Instant;
import java.util.List;

/** A support group with its weekly sessions. */
public record Group(long id, String name, String smsName, String location, long leaderId, int capacity,
                    int participants, List<Session> sessions) {
    public record Session(long id, Instant start, Instant end, String status) {}
}
