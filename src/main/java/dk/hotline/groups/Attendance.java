package dk.hotline.groups;

import dk.hotline.common.Language;
import dk.hotline.flows.Text;
import dk.hotline.flows.Texts;
import dk.hotline.outbox.MessageKind;
import dk.hotline.outbox.Outbox;
import dk.hotline.privacy.BlindIndex;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.rota.Leaders;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JA/NEJ (YES/NO) in answer to a reminder: the answer is recorded for the session the latest
 * reminder was about, the participant is thanked, and a NEJ tells the group's leader (as does a
 * JA that takes a NEJ back). Without a reminder to answer, the text is an ordinary message.
 */
public final class Attendance {
    private static final Logger log = LoggerFactory.getLogger(Attendance.class);

    private final Leaders leaders;
    private final Outbox outbox;
    private final BlindIndex index;
    private final Texts texts;
    private final SessionTimes times;
    private final Clock clock;

    public Attendance(Leaders leaders, Outbox outbox, BlindIndex index, Texts texts, ZoneId zone, Clock clock) {
        this.leaders = leaders;
        this.outbox = outbox;
        this.index = index;
        this.texts = texts;
        this.times = new SessionTimes(zone);
        this.clock = clock;
    }

    /**
     * Records the answer; false when the number has no reminder to answer, or had a text in a
     * conversation since its latest reminder (then the text is a reply there, and is relayed).
     */
    public boolean answer(Handle tx, String messageSid, PhoneNumber from, boolean attending, Optional<Instant> conversationActivity) {
        Instant now = clock.instant();
        var dao = tx.attach(ReminderDao.class);
        var reminded = dao.latestAnswerable(index.candidates(from), now)
                .filter(r -> conversationActivity.isEmpty() || r.firedAt().isAfter(conversationActivity.get()));
        if (reminded.isEmpty()) {
            return false;
        }
        var r = reminded.get();
        boolean before = dao.answer(r.sessionId(), r.participantId()).orElse(true);
        dao.answer(r.sessionId(), r.participantId(), attending, now);
        outbox.sms(tx, MessageKind.ATTENDANCE, messageSid, from,
                texts.get(Language.of(r.language()), attending ? Text.SMS_ATTENDANCE_YES : Text.SMS_ATTENDANCE_NO), now);
        if (before != attending) {
            var group = tx.attach(GroupDao.class).byId(r.groupId()).orElseThrow();
            leaders.byId(tx, group.leaderId()).ifPresent(leader -> {
                Language language = leader.textLanguage();
                String body = texts.fill(language, attending ? Text.LEADER_ATTENDANCE_YES : Text.LEADER_ATTENDANCE_NO,
                        Map.of("group", group.name(), "name", r.participantName(), "when", times.format(r.startsAt(), language)));
                outbox.sms(tx, MessageKind.ATTENDANCE, messageSid + ":leader", leader.phone(), body, now);
            });
        }
        log.info("event=attendance.answered session={} participant={} attending={}", r.sessionId(), r.participantId(), attending);
        return true;
    }
}
