package dk.hotline.groups;

import dk.hotline.common.Language;
import dk.hotline.privacy.PersonalDataCipher;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/** A group as coordinators see it: its sessions with JA/NEJ counts, its members with their numbers masked. */
final class GroupViews {
    private final PersonalDataCipher cipher;

    GroupViews(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    Optional<Group> load(Handle tx, long id) {
        var dao = tx.attach(GroupDao.class);
        return dao.byId(id).map(g -> {
            Map<Long, ReminderDao.Answers> answers = tx.attach(ReminderDao.class).answers(id).stream()
                    .collect(Collectors.toMap(ReminderDao.Answers::sessionId, a -> a));
            var none = new ReminderDao.Answers(0, 0, 0);
            var sessions = dao.sessions(id).stream().map(s -> {
                var a = answers.getOrDefault(s.id(), none);
                return new Group.Session(s.id(), s.startsAt(), s.endsAt(), s.status(), a.ja(), a.nej());
            }).toList();
            var members = dao.participants(id).stream().map(p -> new Group.Member(p.id(), p.name(),
                    p.phoneSealed() == null ? "not stored" : cipher.openPhone(p.phoneSealed()).masked(), p.smsConsent(),
                    Language.of(p.language()))).toList();
            return new Group(g.id(), g.name(), g.smsName(), g.location(), g.leaderId(), g.capacity(),
                    dao.participantCount(id), sessions, members);
        });
    }

}
