package dk.hotline.app;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads the config from the environment, starts the service, and stops it cleanly on SIGTERM. */
public final class Main {
    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private Main() {}

    public static void main(String[] args) {
        if (args.length > 0 && "admin".equals(args[0])) {
            try {
                System.exit(AdminCommand.run(List.of(args).subList(1, args.length), System.getenv(), System.out, System.err));
            } catch (ConfigException e) {
                log.error("event=config_error {}", e.getMessage());
                System.exit(2);
            }
            return;
        }
        Hotline hotline;
        try {
            hotline = Hotline.start(ConfigLoader.load(environment(args)), Clock.systemUTC());
        } catch (ConfigException e) {
            log.error("event=config_error {}", e.getMessage());
            System.exit(2);
            return;
        } catch (RuntimeException e) {
            log.error("event=startup_failed error={} message={}", e.getClass().getSimpleName(), e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("event=stopping");
            hotline.close();
        }, "shutdown"));
    }

    /** The environment, with {@code --demo} read as {@code HOTLINE_DEMO=true}; any other argument is refused. */
    static Map<String, String> environment(String[] args) {
        var env = new HashMap<>(System.getenv());
        for (String arg : args) {
            if (!"--demo".equals(arg)) {
                throw new ConfigException("unknown argument '" + arg + "': the only one is --demo (or: admin …)");
            }
            env.put("HOTLINE_DEMO", "true");
        }
        return env;
    }
}
