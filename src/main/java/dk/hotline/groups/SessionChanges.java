package dk.hotline.groups;

import dk.hotline.common.ConflictException;
import dk.hotline.common.InvalidInputException;
import dk.hotline.common.Language;
import dk.hotline.flows.Text;
import dk.hotline.flows.Texts;
import dk.hotline.outbox.MessageKind;
import dk.hotline.outbox.Outbox;
import dk.hotline.privacy.PersonalDataCipher;
import dk.hotline.privacy.PhoneNumber;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Changes to a session still to come: cancelled or moved, each participant who agreed to texts is
 * told once, in their language, and the session's reminders follow.
 */
public final class SessionChanges {
    private final Jdbi jdbi;
    private final GroupViews views;
    private final Outbox outbox;
    private final PersonalDataCipher cipher;
    private final Texts texts;
    private final ZoneId zone;
    private final SessionTimes times;
    private final ReminderTriggers reminders;
    private final Clock clock;

    SessionChanges(Jdbi jdbi, GroupViews views, Outbox outbox, PersonalDataCipher cipher, Texts texts, ZoneId zone,
                   ReminderTriggers reminders, Clock clock) {
        this.jdbi = jdbi;
        this.views = views;
        this.outbox = outbox;
        this.cipher = cipher;
        this.texts = texts;
        this.zone = zone;
        this.times = new SessionTimes(zone);
        this.reminders = reminders;
        this.clock = clock;
    }

    /**
     * Cancels a session, texts each participant who agreed to texts once, and removes its pending
     * reminders; empty when there is no such session, 409 when it has begun or is cancelled already.
     */
    public Optional<Group> cancelSession(long groupId, long sessionId) {
        var result = changeSession(groupId, sessionId, (tx, group, session) -> {
            tx.attach(GroupDao.class).cancel(sessionId);
            Instant now = clock.instant();
            textParticipants(tx, groupId, (p, language, phone) -> outbox.sms(tx, MessageKind.SESSION_CANCELLED,
                    sessionId + ":" + p.id(), phone, texts.fill(language, Text.SMS_SESSION_CANCELLED,
                            Map.of("group", group.smsName(), "date", times.format(session.startsAt(), language))), now));
        });
        result.ifPresent(changed -> ReminderTriggers.afterCommit("cancel", () -> reminders.unschedule(sessionId, changed.before().startsAt())));
        return result.map(Changed::group);
    }

    /**
     * Moves a session to a new start (same length), texts each participant who agreed to texts once
     * about it, and moves its reminders; empty when there is no such session.
     */
    public Optional<Group> moveSession(long groupId, long sessionId, String newStart) {
        Instant start = Groups.time("start", newStart, zone).toInstant();
        if (!start.isAfter(clock.instant())) {
            throw new InvalidInputException("start", "past", "must be in the future");
        }
        var result = changeSession(groupId, sessionId, (tx, group, old) -> {
            var dao = tx.attach(GroupDao.class);
            if (old.startsAt().equals(start)) {
                return;
            }
            if (dao.sessionAt(groupId, start).isPresent()) {
                throw new ConflictException("start", "taken", "the group already meets at that time");
            }
            try {
                dao.move(sessionId, start, start.plus(Duration.between(old.startsAt(), old.endsAt())));
            } catch (UnableToExecuteStatementException e) {
                // Another move to the same time committed between the check and this write.
                throw new ConflictException("start", "taken", "the group already meets at that time");
            }
            // Answers were to the old time; the reminders for the new one ask again.
            dao.forgetAnswers(sessionId);
            Instant now = clock.instant();
            textParticipants(tx, groupId, (p, language, phone) -> outbox.sms(tx, MessageKind.SESSION_MOVED,
                    sessionId + ":" + p.id() + ":" + start.getEpochSecond(), phone, texts.fill(language, Text.SMS_SESSION_MOVED,
                            Map.of("group", group.smsName(), "from", times.format(old.startsAt(), language),
                                    "to", times.format(start, language))), now));
        });
        result.map(changed -> changed.before().startsAt()).filter(from -> !from.equals(start))
                .ifPresent(from -> ReminderTriggers.afterCommit("move", () -> {
                    reminders.unschedule(sessionId, from);
                    reminders.schedule(sessionId, start);
                }));
        return result.map(Changed::group);
    }

    /** A change to one session, made with the session row locked. */
    private interface SessionChange {
        void apply(Handle tx, GroupDao.GroupRow group, GroupDao.SessionRow session);
    }

    /** The group after a change to one of its sessions, and that session as it was before. */
    private record Changed(Group group, GroupDao.SessionRow before) {}

    /** Applies a change to a session that is still to come; empty when there is no such session. */
    private Optional<Changed> changeSession(long groupId, long sessionId, SessionChange change) {
        return jdbi.inTransaction(tx -> {
            var dao = tx.attach(GroupDao.class);
            var session = dao.session(groupId, sessionId);
            var group = dao.byId(groupId);
            if (session.isEmpty() || group.isEmpty()) {
                return Optional.<Changed>empty();
            }
            requireChangeable(session.get());
            change.apply(tx, group.get(), session.get());
            return views.load(tx, groupId).map(after -> new Changed(after, session.get()));
        });
    }

    private void requireChangeable(GroupDao.SessionRow session) {
        if (!"scheduled".equals(session.status())) {
            throw new ConflictException("status", session.status(), "the session is " + session.status());
        }
        if (!session.startsAt().isAfter(clock.instant())) {
            throw new ConflictException("start", "begun", "the session has begun");
        }
    }

    /** A text to one participant, in their language. */
    private interface ParticipantText {
        void send(GroupDao.ParticipantRow participant, Language language, PhoneNumber phone);
    }

    /** Texts each participant who agreed to texts (and whose number is still stored). */
    private void textParticipants(Handle tx, long groupId, ParticipantText text) {
        for (var p : tx.attach(GroupDao.class).participants(groupId)) {
            if (p.smsConsent() && p.phoneSealed() != null) {
                text.send(p, Language.of(p.language()), cipher.openPhone(p.phoneSealed()));
            }
        }
    }

}
