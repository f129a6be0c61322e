package dk.hotline.demo;

import dk.hotline.groups.Groups;
import dk.hotline.notes.NoteCategories;
import dk.hotline.notes.NoteCategory;
import dk.hotline.privacy.RetentionRule;
import dk.hotline.privacy.SealedTable;
import dk.hotline.privacy.Sealing;
import dk.hotline.rota.Leader;
import dk.hotline.rota.LeaderInput;
import dk.hotline.rota.RotaModule;
import dk.hotline.web.Accounts;
import dk.hotline.web.DemoNotice;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo data (HOTLINE_DEMO=true, {@code --demo}): on an empty database, made-up leaders, four weeks
 * of rota, two groups and a month of history, so the console can be shown and tried without a
 * single real person in it; the {@code demo_data} row says the database holds it. People, shifts
 * and groups are made through the features' own services; the history, which those can only write
 * as "now", goes straight into the features' tables ({@link DemoCalls}, {@link DemoTexts},
 * {@link DemoReminders}).
 */
public final class DemoData {
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    /** The demo accounts' passwords are kept while the demo database is, to be shown on its sign-in page. */
    public static final List<RetentionRule> RETENTION = List.of(new RetentionRule.Kept("demo_data",
            "made-up demo accounts' passwords, shown on a demo's sign-in page for as long as the demo database exists"));
    /** What a key rotation re-seals: those passwords. */
    public static final List<SealedTable> SEALED = List.of(
            SealedTable.values("demo_data", "coordinator_password_sealed", "leader_password_sealed"));
    /** Taken while one instance looks and seeds, so two starting together on one empty database seed it once. */
    private static final long LOCK = 0x64656d6f_64617461L;
    private static final int HISTORY_DAYS = 30;
    /** The same history on every seeding (its dates move with the day it is seeded on). */
    private static final long SEED = 20_261_206L;

    /** What a start in demo mode found. */
    public enum Seeding { SEEDED, SEEDED_BEFORE, REFUSED_REAL_DATA }

    /** What seeding uses: the features' services and the settings their data must fit. */
    public record Services(Accounts accounts, RotaModule rota, Groups groups, NoteCategories noteCategories,
                           List<Duration> reminderOffsets) {}

    private final Jdbi jdbi;
    private final Sealing sealing;
    private final ZoneId zone;
    private final Clock clock;

    public DemoData(Jdbi jdbi, Sealing sealing, ZoneId zone, Clock clock) {
        this.jdbi = jdbi;
        this.sealing = sealing;
        this.zone = zone;
        this.clock = clock;
    }

    /** The demo accounts, when the database holds demo data; empty when it does not. */
    public Optional<List<DemoNotice.SignIn>> signIns() {
        return DemoMarker.signIns(jdbi, sealing.cipher());
    }

    /** Seeds an empty database; does nothing to one seeded before or to one that holds real data (and says which). */
    public Seeding seedIfEmpty(Services services) {
        return jdbi.withHandle(lock -> {
            lock.createQuery("SELECT 1 FROM pg_advisory_lock(:key)").bind("key", LOCK).mapTo(Integer.class).one();
            try {
                return switch (DemoMarker.contents(lock)) {
                    case DEMO -> Seeding.SEEDED_BEFORE;
                    case REAL -> Seeding.REFUSED_REAL_DATA;
                    case EMPTY -> {
                        seed(services);
                        yield Seeding.SEEDED;
                    }
                };
            } finally {
                lock.createQuery("SELECT pg_advisory_unlock(:key)").bind("key", LOCK).mapTo(Boolean.class).one();
            }
        });
    }

    private void seed(Services services) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        var leaders = new ArrayList<Leader>();
        int number = DemoNumbers.LEADERS;
        for (var spec : DemoPeople.LEADERS) {
            leaders.add(services.rota().leaders().create(new LeaderInput(spec.name(), DemoNumbers.text(number++), spec.languages(),
                    true, spec.available())));
        }
        var rota = new DemoRota(leaders, zone);
        int shifts = rota.plan(services.rota().shifts(), jdbi, now);
        var groups = DemoGroups.make(services.groups(), jdbi, name -> byName(leaders, name).id(), now, zone);
        List<Long> categories = noteCategories(services.noteCategories());
        var accounts = DemoAccounts.make(services.accounts(), byName(leaders, DemoPeople.LEADER_WITH_ACCOUNT).id(),
                DemoPeople.LEADER_WITH_ACCOUNT);
        record History(DemoCalls.Written calls, int conversations, int reminders) {}
        var history = jdbi.inTransaction(tx -> {
            var writes = new DemoWrites(tx, sealing, new Random(SEED));
            var calls = new DemoCalls(writes, rota, zone, categories, accounts.coordinatorId()).write(now, HISTORY_DAYS);
            int conversations = new DemoTexts(writes, rota, zone).write(now, HISTORY_DAYS);
            int reminders = new DemoReminders(writes, services.reminderOffsets()).write(groups, now);
            // Last, in the same transaction as the history: the marker stands for a whole seeding.
            DemoMarker.write(tx, sealing.cipher(), accounts.signIns(), now);
            return new History(calls, conversations, reminders);
        });
        log.info("event=demo.seeded leaders={} shifts={} groups={} calls={} conversations={} reminders={} notes={} millis={}",
                leaders.size(), shifts, groups.size(), history.calls().calls(), history.conversations(), history.reminders(),
                history.calls().notes(), Duration.ofNanos(System.nanoTime() - started).toMillis());
        for (var signIn : accounts.signIns()) {
            // Made-up accounts of a demo, printed once as the first coordinator's generated password is.
            log.warn("event=demo.sign_in role={} email={} password={} note=\"demo data only; also on the sign-in page\"",
                    signIn.role(), signIn.email(), signIn.password());
        }
    }

    private static List<Long> noteCategories(NoteCategories categories) {
        if (categories.all().isEmpty()) {
            categories.add("Psykisk vold", "Psychological violence");
            categories.add("Fysisk vold", "Physical violence");
            categories.add("Økonomisk kontrol", "Financial control");
            categories.add("Bolig og ophold", "Housing");
            categories.add("Henvist videre", "Referred on");
        }
        return categories.all().stream().map(NoteCategory::id).toList();
    }

    private static Leader byName(List<Leader> leaders, String name) {
        return leaders.stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
    }
}
