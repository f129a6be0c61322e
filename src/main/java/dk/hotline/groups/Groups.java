package dk.hotline.groups;

import dk.hotline.common.ConflictException;
import dk.hotline.common.InvalidInputException;
import dk.hotline.common.Language;
import dk.hotline.common.NotFoundException;
import dk.hotline.common.TimeBounds;
import dk.hotline.flows.RevealingWords;
import dk.hotline.privacy.BlindIndex;
import dk.hotline.privacy.InvalidPhoneNumberException;
import dk.hotline.privacy.PersonalDataCipher;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.rota.LeaderDuties;
import dk.hotline.rota.Leaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Support groups: weekly sessions at the same local time (right across DST), and participants up
 * to the group's capacity. Changes to single sessions are {@link SessionChanges}'.
 */
public final class Groups {
    static final int DEFAULT_CAPACITY = 6;

    private final Jdbi jdbi;
    private final Leaders leaders;
    private final GroupViews views;
    private final PersonalDataCipher cipher;
    private final BlindIndex index;
    private final RevealingWords revealingWords;
    private final ZoneId zone;
    private final ReminderTriggers reminders;
    private final Clock clock;

    Groups(Jdbi jdbi, Leaders leaders, GroupViews views, PersonalDataCipher cipher, BlindIndex index,
           RevealingWords revealingWords, ZoneId zone, ReminderTriggers reminders, Clock clock) {
        this.jdbi = jdbi;
        this.leaders = leaders;
        this.views = views;
        this.cipher = cipher;
        this.index = index;
        this.revealingWords = revealingWords;
        this.zone = zone;
        this.reminders = reminders;
        this.clock = clock;
    }

    public Group create(GroupInput in) {
        String name = text("name", in.name(), 100);
        String smsName = text("smsName", in.smsName(), 40);
        revealingWords.foundIn(smsName).ifPresent(w -> {
            throw new InvalidInputException("smsName", "revealing", "is used in texts and must not contain '" + w + "'", w);
        });
        String location = text("location", in.location(), 200);
        int capacity = in.capacity() == null ? DEFAULT_CAPACITY : range("capacity", in.capacity(), 1, 50);
        int weeks = range("weeks", in.weeks() == null ? 6 : in.weeks(), 1, 52);
        int minutes = range("durationMinutes", in.durationMinutes() == null ? 120 : in.durationMinutes(), 15, 480);
        ZonedDateTime first = time("firstSession", in.firstSession(), zone);
        if (first.toInstant().isBefore(clock.instant())) {
            // Its reminders would be skipped and its participants invited to a session that has been.
            throw new InvalidInputException("firstSession", "is in the past");
        }
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
            return views.load(tx, id).orElseThrow();
        });
        var starts = new LinkedHashMap<Long, Instant>();
        group.sessions().forEach(session -> starts.put(session.id(), session.start()));
        ReminderTriggers.afterCommit("create", () -> reminders.scheduleNew(starts));
        return group;
    }

    /**
     * The groups a leader leads that still have a session to come, as the rota asks before the
     * leader is deleted or deactivated ({@link LeaderDuties}).
     */
    public LeaderDuties leading() {
        return (tx, leaderId) -> {
            int groups = tx.attach(GroupDao.class).runningLedBy(leaderId, clock.instant());
            return groups == 0 ? Optional.empty() : Optional.of("leads " + groups + " group" + (groups == 1 ? "" : "s"));
        };
    }

    /** Hands the group to another leader (who must exist); empty when there is no such group. */
    public Optional<Group> changeLeader(long groupId, Long leaderId) {
        if (leaderId == null) {
            throw new InvalidInputException("leaderId", "required");
        }
        return jdbi.inTransaction(tx -> {
            var dao = tx.attach(GroupDao.class);
            if (dao.byIdForUpdate(groupId).isEmpty()) {
                return Optional.<Group>empty();
            }
            leaders.byId(tx, leaderId).orElseThrow(() -> new InvalidInputException("leaderId", "no such leader"));
            dao.changeLeader(groupId, leaderId);
            return views.load(tx, groupId);
        });
    }

    public List<Group> all() {
        return jdbi.inTransaction(tx -> tx.attach(GroupDao.class).all().stream().map(g -> views.load(tx, g.id()).orElseThrow()).toList());
    }

    public Optional<Group> byId(long id) {
        return jdbi.inTransaction(tx -> views.load(tx, id));
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
        Language language = in.language() == null ? Language.DANISH
                : Language.fromCode(in.language()).orElseThrow(() -> new InvalidInputException("language", "da or en"));
        return jdbi.inTransaction(tx -> {
            var dao = tx.attach(GroupDao.class);
            var group = dao.byIdForUpdate(groupId).orElseThrow(() -> new NotFoundException("no such group"));
            if (dao.participantCount(groupId) >= group.capacity()) {
                throw new ConflictException("capacity", "full", "the group is full (" + group.capacity() + ")", group.capacity());
            }
            index.reindex(tx, "group_participants", "phone_index", phone);
            return dao.addParticipant(groupId, name, cipher.sealPhone(phone), index.of(phone), in.smsConsent(), language.code(),
                    clock.instant()).orElseThrow(() -> new ConflictException("phone", "duplicate", "already in this group"));
        });
    }

    public boolean removeParticipant(long groupId, long participantId) {
        return jdbi.withExtension(GroupDao.class, dao -> dao.removeParticipant(groupId, participantId, clock.instant())) > 0;
    }

    /**
     * A time written with its offset, in the rota's zone and in whole seconds; a 400 naming
     * {@code field} when it is not one. A reminder's trigger holds its session's start in whole
     * seconds, and a session start finer than that would never match it: the reminder would be
     * dropped as if the session had moved.
     */
    static ZonedDateTime time(String field, String raw, ZoneId zone) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException(field, "required (ISO-8601 with offset, e.g. 2027-03-21T17:00:00+01:00)");
        }
        try {
            return TimeBounds.check(field, OffsetDateTime.parse(raw.trim()).toInstant()).truncatedTo(ChronoUnit.SECONDS).atZone(zone);
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
