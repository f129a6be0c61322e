package dk.hotline.app;

import dk.hotline.demo.DemoData;
import dk.hotline.web.DemoNotice;
import java.util.List;

/**
 * Demo data at start: in demo mode an empty database is seeded and a database with real data is
 * refused; in any mode a demo database gets the console's banner. The sign-in page names the demo
 * accounts only in demo mode.
 */
final class DemoStartup {
    private DemoStartup() {}

    static DemoNotice run(HotlineConfig config, DemoData demo, DemoData.Services services) {
        if (config.demo() && demo.seedIfEmpty(services) == DemoData.Seeding.REFUSED_REAL_DATA) {
            throw new ConfigException("HOTLINE_DEMO=true (or --demo): this database holds leaders, shifts, groups, calls or "
                    + "texts that are not demo data, and demo data is seeded only on an empty database so that it never mixes "
                    + "with real people; start without HOTLINE_DEMO, or point DATABASE_URL at a new database");
        }
        return demo.signIns().map(signIns -> new DemoNotice(true, config.demo() ? signIns : List.of()))
                .orElse(DemoNotice.NONE);
    }
}
