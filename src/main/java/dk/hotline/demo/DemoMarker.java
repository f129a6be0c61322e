package dk.hotline.demo;

import dk.hotline.privacy.PersonalDataCipher;
import dk.hotline.web.DemoNotice;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The {@code demo_data} row that says the database holds demo data, and what else the database holds. */
final class DemoMarker {
    private DemoMarker() {}

    /** What a database holds, as far as demo data is concerned. */
    enum Contents { EMPTY, DEMO, REAL }

    /**
     * Demo data when the marker is there; else real data when any feature holds anything a
     * coordinator or a caller made (accounts do not count: the first coordinator is made at every
     * first start).
     */
    static Contents contents(Handle h) {
        if (h.createQuery("SELECT EXISTS (SELECT 1 FROM demo_data)").mapTo(Boolean.class).one()) {
            return Contents.DEMO;
        }
        boolean any = h.createQuery("""
                SELECT EXISTS (SELECT 1 FROM leaders) OR EXISTS (SELECT 1 FROM shifts) OR EXISTS (SELECT 1 FROM shift_templates)
                    OR EXISTS (SELECT 1 FROM support_groups) OR EXISTS (SELECT 1 FROM calls)
                    OR EXISTS (SELECT 1 FROM sms_inbound) OR EXISTS (SELECT 1 FROM conversations) OR EXISTS (SELECT 1 FROM outbox)""")
                .mapTo(Boolean.class).one();
        return any ? Contents.REAL : Contents.EMPTY;
    }

    static void write(Handle h, PersonalDataCipher cipher, List<DemoNotice.SignIn> signIns, Instant at) {
        h.createUpdate("""
                INSERT INTO demo_data (seeded_at, coordinator_email, coordinator_password_sealed, leader_email, leader_password_sealed)
                VALUES (:at, :coordinator, :coordinatorPassword, :leader, :leaderPassword)""")
                .bind("at", at)
                .bind("coordinator", of(signIns, DemoAccounts.COORDINATOR).email())
                .bind("coordinatorPassword", cipher.seal(of(signIns, DemoAccounts.COORDINATOR).password()))
                .bind("leader", of(signIns, DemoAccounts.LEADER).email())
                .bind("leaderPassword", cipher.seal(of(signIns, DemoAccounts.LEADER).password()))
                .execute();
    }

    private record Row(String coordinatorEmail, byte[] coordinatorPasswordSealed, String leaderEmail, byte[] leaderPasswordSealed) {}

    /** The demo accounts, when the database holds demo data. */
    static Optional<List<DemoNotice.SignIn>> signIns(Jdbi jdbi, PersonalDataCipher cipher) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT coordinator_email, coordinator_password_sealed, leader_email, leader_password_sealed FROM demo_data""")
                .map((rs, ctx) -> new Row(rs.getString(1), rs.getBytes(2), rs.getString(3), rs.getBytes(4)))
                .findOne())
                .map(r -> List.of(
                        new DemoNotice.SignIn(DemoAccounts.COORDINATOR, r.coordinatorEmail(), cipher.open(r.coordinatorPasswordSealed())),
                        new DemoNotice.SignIn(DemoAccounts.LEADER, r.leaderEmail(), cipher.open(r.leaderPasswordSealed()))));
    }

    private static DemoNotice.SignIn of(List<DemoNotice.SignIn> signIns, String role) {
        return signIns.stream().filter(s -> s.role().equals(role)).findFirst().orElseThrow();
    }
}
