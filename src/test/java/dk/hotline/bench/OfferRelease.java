package dk.hotline.bench;

import dk.hotline.db.DatabaseUrl;
import dk.hotline.db.LocalDatabase;
import java.sql.SQLException;

/**
 * Keeps the 50 leaders free during the route-step runs. Each route step rings one leader, who then
 * counts as busy until Twilio's status callback ends the offer; after 50 such steps every leader
 * is ringing and further callers go to the hold queue (a cheaper answer: {@code <Enqueue>}), which
 * is not what the route step is meant to measure. So the benchmark adds a trigger to its own
 * database that stores each new offer as already missed, as if the leader's phone stopped ringing
 * the same instant: the router does all its work (rota, availability, busy check, per-leader
 * lock, insert) and answers {@code <Dial>}, and the next caller finds every leader free. Nothing
 * in the service changes; the trigger lives and dies with the benchmark's database.
 */
final class OfferRelease {
    private OfferRelease() {}

    static void install(DatabaseUrl db) {
        try (var c = LocalDatabase.connect(db); var st = c.createStatement()) {
            st.execute("""
                    CREATE FUNCTION bench_release_offer() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        NEW.state := 'missed';
                        NEW.ended_at := NEW.offered_at;
                        RETURN NEW;
                    END $$""");
            st.execute("""
                    CREATE TRIGGER bench_release_offer BEFORE INSERT ON call_offers
                    FOR EACH ROW EXECUTE FUNCTION bench_release_offer()""");
        } catch (SQLException e) {
            throw new IllegalStateException("could not add the benchmark's offer trigger", e);
        }
    }
}
