package dk.hotline.rota;

import dk.hotline.common.ConflictException;
import dk.hotline.common.Language;
import dk.hotline.privacy.Audited;
import dk.hotline.privacy.BlindIndex;
import dk.hotline.privacy.PersonalDataCipher;
import dk.hotline.privacy.PhoneNumber;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** The group leaders: who they are, how to reach them, which languages they speak. */
public final class Leaders {
    private final Jdbi jdbi;
    private final PersonalDataCipher cipher;
    private final BlindIndex index;
    private final Clock clock;

    public Leaders(Jdbi jdbi, PersonalDataCipher cipher, BlindIndex index, Clock clock) {
        this.jdbi = jdbi;
        this.cipher = cipher;
        this.index = index;
        this.clock = clock;
    }

    public List<Leader> all(Handle tx) {
        return tx.attach(LeaderDao.class).all().stream().map(this::open).toList();
    }

    public Optional<Leader> byId(Handle tx, long id) {
        return tx.attach(LeaderDao.class).byId(id).map(this::open);
    }

    /** Of these leaders, those who take calls now: active, marked available, not deleted. */
    public List<Leader> availableAmong(Handle tx, List<Long> ids) {
        return ids.isEmpty() ? List.of() : tx.attach(LeaderDao.class).availableAmong(ids.stream().mapToLong(Long::longValue).toArray())
                .stream().map(this::open).toList();
    }

    /** The leader whose registered phone sent a text, if it is one. */
    public Optional<Leader> byPhone(Handle tx, PhoneNumber phone) {
        return tx.attach(LeaderDao.class).byPhoneIndex(index.candidates(phone)).map(this::open);
    }

    /** A leader's own ON/OFF: routing and relays respect it from the next call or text. */
    public void setAvailable(Handle tx, long id, boolean available) {
        tx.attach(LeaderDao.class).setAvailable(id, available, clock.instant());
    }

    public Leader create(LeaderInput in) {
        return create(in, Audited.none());
    }

    /** Makes a leader; {@code audited} writes the act's audit row in the same transaction. */
    public Leader create(LeaderInput in, Audited<Leader> audited) {
        String name = LeaderFields.name(in.name());
        PhoneNumber phone = LeaderFields.phone(in.phone());
        List<Language> languages = in.languages() == null ? List.of(Language.DANISH) : LeaderFields.languages(in.languages());
        boolean active = in.active() == null || in.active();
        boolean available = in.available() == null || in.available();
        return jdbi.inTransaction(tx -> {
            index.reindex(tx, "leaders", "phone_index", phone);
            long id = unique(() -> tx.attach(LeaderDao.class).insert(name, cipher.sealPhone(phone), index.of(phone),
                    LeaderFields.codes(languages), active, available, clock.instant()));
            var leader = new Leader(id, name, phone, languages, active, available);
            audited.write(tx, leader);
            return leader;
        });
    }

    /**
     * Applies the fields that are set; nothing when the leader does not exist. Deactivating is
     * refused (409) while the leader is on call now, has shifts ahead or {@code elsewhere} names a
     * duty: an inactive leader is rung for none of them. {@code audited} writes the change's audit row with it.
     */
    public Optional<Leader> update(long id, LeaderInput in, LeaderDuties elsewhere, Audited<Leader> audited) {
        return jdbi.inTransaction(tx -> {
            var dao = tx.attach(LeaderDao.class);
            var current = dao.byId(id).map(this::open);
            if (current.isEmpty()) {
                return Optional.<Leader>empty();
            }
            var old = current.get();
            if (old.active() && Boolean.FALSE.equals(in.active())) {
                refuseWhileOnDuty(tx, id, elsewhere, "deactivated");
            }
            var updated = new Leader(id,
                    in.name() == null ? old.name() : LeaderFields.name(in.name()),
                    in.phone() == null ? old.phone() : LeaderFields.phone(in.phone()),
                    in.languages() == null ? old.languages() : LeaderFields.languages(in.languages()),
                    in.active() == null ? old.active() : in.active(),
                    in.available() == null ? old.available() : in.available());
            index.reindex(tx, "leaders", "phone_index", updated.phone());
            unique(() -> dao.update(id, updated.name(), cipher.sealPhone(updated.phone()), index.of(updated.phone()),
                    LeaderFields.codes(updated.languages()), updated.active(), updated.available(), clock.instant()));
            audited.write(tx, updated);
            return Optional.of(updated);
        });
    }

    /**
     * Deletes the leader, and their calendar link with them; false when there is no such leader.
     * Refused (409, saying what stands in the way) while they are on call now, have shifts ahead or
     * {@code elsewhere} names a duty: their shifts would leave gaps nobody sees, and their groups a
     * leader who is gone. Hand those over first. {@code audited} writes the deletion's audit row with it.
     */
    public boolean delete(long id, LeaderDuties elsewhere, Audited<Long> audited) {
        return jdbi.inTransaction(tx -> {
            if (tx.attach(LeaderDao.class).lock(id).isEmpty()) {
                return false;
            }
            refuseWhileOnDuty(tx, id, elsewhere, "deleted");
            tx.attach(CalendarFeedDao.class).delete(id);
            boolean deleted = tx.attach(LeaderDao.class).delete(id, clock.instant()) > 0;
            if (deleted) {
                audited.write(tx, id);
            }
            return deleted;
        });
    }

    private void refuseWhileOnDuty(Handle tx, long id, LeaderDuties elsewhere, String what) {
        var dao = tx.attach(LeaderDao.class);
        var duties = new ArrayList<String>();
        Instant now = clock.instant();
        if (dao.onCallAt(id, now)) {
            duties.add("is on call now");
        }
        int ahead = dao.shiftsAfter(id, now);
        if (ahead > 0) {
            duties.add("has " + ahead + " future shift" + (ahead == 1 ? "" : "s"));
        }
        elsewhere.of(tx, id).ifPresent(duties::add);
        if (!duties.isEmpty()) {
            throw new ConflictException("id", "cannot be " + what + " while the leader " + String.join(", ", duties)
                    + ": hand the shifts over or delete them, and give their groups another leader, first");
        }
    }

    /** The phone of a leader on call who is to be rung. */
    public PhoneNumber phone(OnCall leader) {
        return cipher.openPhone(leader.phoneSealed());
    }

    private Leader open(LeaderDao.Row row) {
        return new Leader(row.id(), row.name(), cipher.openPhone(row.phoneSealed()),
                row.languages().stream().map(Language::of).toList(), row.active(), row.available());
    }

    /** Two leaders on one number would make texts from it ambiguous: the unique index says no. */
    private static <T> T unique(java.util.function.Supplier<T> write) {
        try {
            return write.get();
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                throw new ConflictException("phone", "another leader has this number");
            }
            throw e;
        }
    }
}
