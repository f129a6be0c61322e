package dk.hotline.app;

import dk.hotline.db.Database;
import dk.hotline.web.AccountsModule;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code java -jar hotline.jar admin reset-password EMAIL}: on the server, when the last
 * coordinator's password is lost. Prints a one-time link to set a new one (and switches the
 * account back on); it goes to this terminal only, never to a log. With the embedded database,
 * stop the service first: two processes cannot open one data folder.
 */
final class AdminCommand {
    private static final String USAGE = "usage: java -jar hotline.jar admin reset-password EMAIL";

    private AdminCommand() {}

    static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.size() != 2 || !"reset-password".equals(args.get(0))) {
            err.println(USAGE);
            return 2;
        }
        HotlineConfig config = ConfigLoader.load(env);
        var toClose = new ArrayList<AutoCloseable>();
        try {
            var infrastructure = new Infrastructure(toClose);
            var pool = infrastructure.database(config.secrets().databaseUrl(), config.dataDir(), infrastructure.metrics());
            Database.migrate(pool);
            var links = AccountsModule.create(Database.jdbi(pool), config.auth(), Optional.empty(), Optional.empty(),
                    Clock.systemUTC()).links();
            var link = links.resetByEmail(args.get(1));
            out.println("Open this link within " + config.auth().passwordLinkTtl().toHours() + " hours to set a new "
                    + "password (it works once):");
            out.println(config.publicUrl() + "/password/" + link.token());
            return 0;
        } catch (dk.hotline.common.NotFoundException e) {
            err.println(e.getMessage());
            return 1;
        } finally {
            for (int i = toClose.size() - 1; i >= 0; i--) {
                try {
                    toClose.get(i).close();
                } catch (Exception ignored) {
                    // the command is over; what is left closes with the process
                }
            }
        }
    }
}
