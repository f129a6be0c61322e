package dk.hotline.groups;

import dk.hotline.common.Language;
import dk.hotline.privacy.PersonalDataCipher;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** A group as coordinators see it: its sessions with JA/NEJ counts, its members with their numbers masked. */
final class GroupViews {
    private final PersonalDataCipher cipher;

    GroupViews(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    Optional<Group> load(Handle tx, long id) {
        var dao = tx.attach(GroupDao.class);
        var answers = tx.attach(ReminderDao.class);
        return dao.byId(id).map(g -> new Group(g.id(), g.name(), g.smsName(), g.location(), g.leaderId(), g.capacity(),
                dao.participantCount(id), dao.sessions(id).stream()
                .map(s -> new Group.Session(s.id(), s.startsAt(), s.endsAt(), s.status(), answers.answers(s.id(), true),
                        answers.answers(s.id(), false))).toList(),
                dao.participants(id).stream().map(p -> new Group.Member(p.id(), p.name(),
                        p.phoneSealed() == null ? "not stored" : cipher.openPhone(p.phoneSealed()).masked(), p.smsConsent(),
                        Language.of(p.language()))).toList()));
    }

}
