package dk.hotline.groups;

import dk.hotline.common.ConflictException;
import dk.hotline.common.InvalidInputException;
import dk.hotline.common.Language;
import dk.hotline.common.NotFoundException;
import dk.hotline.flows.Text;
import dk.hotline.flows.Texts;
import dk.hotline.outbox.MessageKind;
import dk.hotline.outbox.Outbox;
import dk.hotline.outbox.Suppressions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Invites a person from the interest list to a group: one discreet text in their language naming
 * the group's smsName and its next session, never its location (an address can say what the
 * group is). Once per person and group: the outbox's dedupe key keeps that, across coordinators
 * and retries.
 */
public final class GroupInvitations {
    private static final Logger log = LoggerFactory.getLogger(GroupInvitations.class);
    private static final DateTimeFormatter DANISH = DateTimeFormatter.ofPattern("EEEE 'den' d/M 'kl.' HH.mm", Language.DANISH.locale());
    private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", Locale.ENGLISH);

    private final Jdbi jdbi;
    private final GroupInterest interest;
    private final Outbox outbox;
    private final Suppressions suppressions;
    private final Texts texts;
    private final ZoneId zone;
    private final Clock clock;

    public GroupInvitations(Jdbi jdbi, GroupInterest interest, Outbox outbox, Suppressions suppressions, Texts texts,
                            ZoneId zone, Clock clock) {
        this.jdbi = jdbi;
        this.interest = interest;
        this.outbox = outbox;
        this.suppressions = suppressions;
        this.texts = texts;
        this.zone = zone;
        this.clock = clock;
    }

    /**
     * Queues the invitation and marks the entry invited. 404 for an unknown entry or group; 409
     * when the group is full, has no session ahead, the person opted out (STOP: nothing is
     * queued, so the coordinator knows no text goes out), or was invited to this group before.
     */
    public GroupInterest.Entry invite(long interestId, Long groupId) {
        if (groupId == null) {
            throw new InvalidInputException("groupId", "required");
        }
        return jdbi.inTransaction(tx -> {
            var entry = interest.lock(tx, interestId).orElseThrow(() -> new NotFoundException("no such interest entry"));
            var dao = tx.attach(GroupDao.class);
            // Locked as when a participant is added, so a full group stays full for both.
            var group = dao.byIdForUpdate(groupId).orElseThrow(() -> new NotFoundException("no such group"));
            if (dao.participantCount(groupId) >= group.capacity()) {
                throw new ConflictException("groupId", "full", "the group is full (" + group.capacity() + ")", group.capacity());
            }
            Instant now = clock.instant();
            var session = dao.nextSession(groupId, now)
                    .orElseThrow(() -> new ConflictException("groupId", "noSessionAhead", "the group has no session ahead"));
            if (suppressions.isOptedOut(tx, entry.phone())) {
                throw new ConflictException("phone", "optedOut", "this person has opted out of texts (STOP); no invitation was sent");
            }
            String when = session.startsAt().atZone(zone).format(entry.language() == Language.ENGLISH ? ENGLISH : DANISH);
            String body = texts.fill(entry.language(), Text.SMS_GROUP_INVITE, Map.of("group", group.smsName(), "when", when));
            if (outbox.sms(tx, MessageKind.GROUP_INVITE, interestId + ":" + groupId, entry.phone(), body, now).isEmpty()) {
                throw new ConflictException("groupId", "invitedBefore", "already invited to this group");
            }
            interest.markInvited(tx, interestId, groupId, now);
            log.info("event=groups.invited interest={} group={}", interestId, groupId);
            return new GroupInterest.Entry(entry.id(), entry.phone(), entry.language(), entry.source(), entry.createdAt(), now,
                    groupId);
        });
    }
}
