package dk.hotline.groups;

import dk.hotline.flows.Texts;
import dk.hotline.outbox.Outbox;
import dk.hotline.privacy.BlindIndex;
import dk.hotline.privacy.InvalidPhoneNumberException;
import dk.hotline.privacy.PersonalDataCipher;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.rota.Leaders;
import dk.hotline.web.ConflictException;
import dk.hotline.web.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Support groups: weekly sessions at the same local time (right across DST), participants up to
 * the group's capacity, and a discreet text to each consenting participant when a session is cancelled.
 */
public final class Groups {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Groups.class);
    static final int DEFAULT_CAPACITY = 6;

    private final Jdbi jdbi;
    private final Leaders leaders;
    private final Outbox outbox;
    private final PersonalDataCipher cipher;
    private final BlindIndex index;
    private final Texts texts;
    private final List<String> revealingWords;
    private final ZoneId zone;
    private final SessionTimes times;
    private final ReminderTriggers reminders;
    private final Clock clock;

    public Groups(Jdbi jdbi, Leaders leaders, Outbox outbox, PersonalDataCipher cipher, BlindIndex index, Texts texts,
                  List<String> revealingWords, ZoneId zone, ReminderTriggers reminders, Clock clock) {
        this.jdbi = jdbi;
        this.leaders = leaders;
        this.outbox = outbox;
        this.cipher = cipher;
        this.index = index;
        this.texts = texts;
        this.revealingWords = revealingWords;
        this.zone = zone;
        this.times = new SessionTimes(zone);
        this.reminders = reminders;
        this.clock = clock;
    }

    public Group create(GroupInput in) {
        String name = text("name", in.name(), 100);
        String smsName = text("smsName", in.smsName(), 40);
        revealingWords.stream().filter(w -> smsName.toLowerCase(Locale.ROOT).contains(w)).findFirst().ifPresent(w -> {
            throw new InvalidInputException("smsName", "is used in texts and must not contain '" + w + "'");
        });
        String location = text("location", in.location(), 200);
        int capacity = in.capacity() == null ? DEFAULT_CAPACITY : range("capacity", in.capacity(), 1, 50);
        int weeks = range("weeks", in.weeks() == null ? 6 : in.weeks(), 1, 52);
        int minutes = range("durationMinutes", in.durationMinutes() == null ? 120 : in.durationMinutes(), 15, 480);
        ZonedDateTime first = firstSession(in.firstSession());
        if (in.leaderId() == null) {
            throw new InvalidInputException("leaderId", "required");
        }
        Group group = jdbi.inTransaction(tx -> {
            leaders.byId(tx, in.leaderId()).orElseThrow(() -> new InvalidInputException("leaderId", "no such leader"));
            var dao = tx.attach(GroupDao.class);
            long id = dao.insert(name, smsName, location, in.leaderId(), capacity, clock.instant());
            for (int week = 0; week < weeks; week++) {
                // Same wall-clock time every week: 17:00 stays 17:00 on both sides of a DST change.
                ZonedDateTime start = ZonedDateTime.of(first.toLocalDate().plusWeeks(week), first.toLocalTime(), zone);
                dao.insertSession(id, start.toInstant(), start.toInstant().plus(Duration.ofMinutes(minutes)));
            }
            return load(tx, id).orElseThrow();
        });
        afterCommit("create", () -> group.sessions().forEach(session -> reminders.schedule(session.id(), session.start())));
        return group;
    }

    public List<Group> all() {
        return jdbi.inTransaction(tx -> tx.attach(GroupDao.class).all().stream().map(g -> load(tx, g.id()).orElseThrow()).toList());
    }

    public Optional<Group> byId(long id) {
        return jdbi.inTransaction(tx -> load(tx, id));
    }

    /** Adds a participant unless the group is full (409) or has this number already (409). */
    public long addParticipant(long groupId, ParticipantInput in) {
        String name = text("name", in.name(), 100);
        PhoneNumber phone;
        try {
            phone = PhoneNumber.parse(in.phone());
        } catch (InvalidPhoneNumberException e) {
            throw new InvalidInputException("phone", e.getMessage());
        }
        if (in.smsConsent() == null) {
            throw new InvalidInputException("smsConsent", "required: true or false");
        }
        String language = in.language() == null ? "da" : in.language();
        if (!List.of("da", "en").contains(language)) {
            throw new InvalidInputException("language", "da or en");
        }
        return jdbi.inTransaction(tx -> {
            var dao = tx.attach(GroupDao.class);
            var group = dao.byIdForUpdate(groupId).orElseThrow(() -> new io.javalin.http.NotFoundResponse("no such group"));
            if (dao.participantCount(groupId) >= group.capacity()) {
                throw new ConflictException("capacity", "the group is full (" + group.capacity() + ")");
            }
            return dao.addParticipant(groupId, name, cipher.sealPhone(phone), index.of(phone), in.smsConsent(), language,
                    clock.instant()).orElseThrow(() -> new ConflictException("phone", "already in this group"));
        });
    }

    public boolean removeParticipant(long groupId, long participantId) {
        return jdbi.withExtension(GroupDao.class, dao -> dao.removeParticipant(groupId, participantId, clock.instant())) > 0;
    }

    /**
     * Cancels a session, texts each participant who agreed to texts once, and removes its pending
     * reminders; empty when there is no such session, 409 when it has begun or is cancelled already.
     */
    public Optional<Group> cancelSession(long groupId, long sessionId) {
        var result = changeSession(groupId, sessionId, (tx, group, session) -> {
            tx.attach(GroupDao.class).cancel(sessionId);
            Instant now = clock.instant();
            textParticipants(tx, groupId, (p, phone) -> outbox.sms(tx, "session-cancelled:" + sessionId + ":" + p.id(), phone,
                    texts.get(p.language(), "smsSessionCancelled").replace("{group}", group.smsName())
                            .replace("{date}", times.format(session.startsAt(), p.language())), now));
        });
        result.ifPresent(changed -> afterCommit("cancel", () -> reminders.unschedule(sessionId, changed.before().startsAt())));
        return result.map(Changed::group);
    }

    /**
     * Moves a session to a new start (same length), texts each participant who agreed to texts once
     * about it, and moves its reminders; empty when there is no such session.
     */
    public Optional<Group> moveSession(long groupId, long sessionId, String newStart) {
        Instant start = parseTime("start", newStart).toInstant();
        if (!start.isAfter(clock.instant())) {
            throw new InvalidInputException("start", "must be in the future");
        }
        var result = changeSession(groupId, sessionId, (tx, group, old) -> {
            var dao = tx.attach(GroupDao.class);
            if (old.startsAt().equals(start)) {
                return;
            }
            if (dao.sessionAt(groupId, start).isPresent()) {
                throw new ConflictException("start", "the group already meets at that time");
            }
            try {
                dao.move(sessionId, start, start.plus(Duration.between(old.startsAt(), old.endsAt())));
            } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
                // Another move to the same time committed between the check and this write.
                throw new ConflictException("start", "the group already meets at that time");
            }
            // Answers were to the old time; the reminders for the new one ask again.
            dao.forgetAnswers(sessionId);
            Instant now = clock.instant();
            textParticipants(tx, groupId, (p, phone) -> outbox.sms(tx,
                    "session-moved:" + sessionId + ":" + p.id() + ":" + start.getEpochSecond(), phone,
                    texts.get(p.language(), "smsSessionMoved").replace("{group}", group.smsName())
                            .replace("{from}", times.format(old.startsAt(), p.language()))
                            .replace("{to}", times.format(start, p.language())), now));
        });
        result.map(changed -> changed.before().startsAt()).filter(from -> !from.equals(start))
                .ifPresent(from -> afterCommit("move", () -> {
                    reminders.unschedule(sessionId, from);
                    reminders.schedule(sessionId, start);
                }));
        return result.map(Changed::group);
    }

    /**
     * Trigger changes run after the commit (the change stands and its texts are queued); if Quartz
     * fails here, the hourly check ({@link ReminderCheckJob}) puts the triggers right, so the
     * coordinator is not told the change failed when it did not.
     */
    private static void afterCommit(String change, Runnable triggerChange) {
        try {
            triggerChange.run();
        } catch (RuntimeException e) {
            log.error("event=reminder.schedule_failed change={} error={}", change, e.getClass().getSimpleName());
        }
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
            return load(tx, groupId).map(after -> new Changed(after, session.get()));
        });
    }

    private void requireChangeable(GroupDao.SessionRow session) {
        if (!"scheduled".equals(session.status())) {
            throw new ConflictException("status", "the session is " + session.status());
        }
        if (!session.startsAt().isAfter(clock.instant())) {
            throw new ConflictException("start", "the session has begun");
        }
    }

    private void textParticipants(Handle tx, long groupId, java.util.function.BiConsumer<GroupDao.ParticipantRow, PhoneNumber> text) {
        for (var p : tx.attach(GroupDao.class).participants(groupId)) {
            if (p.smsConsent() && p.phoneSealed() != null) {
                text.accept(p, cipher.openPhone(p.phoneSealed()));
            }
        }
    }

    private Optional<Group> load(Handle tx, long id) {
        var dao = tx.attach(GroupDao.class);
        var answers = tx.attach(ReminderDao.class);
        return dao.byId(id).map(g -> new Group(g.id(), g.name(), g.smsName(), g.location(), g.leaderId(), g.capacity(),
                dao.participantCount(id), dao.sessions(id).stream()
                .map(s -> new Group.Session(s.id(), s.startsAt(), s.endsAt(), s.status(), answers.answers(s.id(), true),
                        answers.answers(s.id(), false))).toList(),
                dao.participants(id).stream().map(p -> new Group.Member(p.id(), p.name(),
                        p.phoneSealed() == null ? "not stored" : cipher.openPhone(p.phoneSealed()).masked(), p.smsConsent(),
                        p.language())).toList()));
    }

    private ZonedDateTime firstSession(String raw) {
        return parseTime("firstSession", raw);
    }

    private ZonedDateTime parseTime(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException(field, "required (ISO-8601 with offset, e.g. 2027-03-21T17:00:00+01:00)");
        }
        try {
            return OffsetDateTime.parse(raw).atZoneSameInstant(zone);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "not an ISO-8601 time with offset");
        }
    }

    private static String text(String field, String raw, int max) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException(field, "required");
        }
        if (raw.trim().length() > max) {
            throw new InvalidInputException(field, "at most " + max + " characters");
        }
        return raw.trim();
    }

    private static int range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidInputException(field, "from " + min + " to " + max);
        }
        return value;
    }
}
