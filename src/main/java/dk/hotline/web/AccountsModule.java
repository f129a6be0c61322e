package dk.hotline.web;

import dk.hotline.privacy.RetentionRule;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Coordinators' accounts and sign-in; on an empty database the first account is made here. */
public record AccountsModule(Coordinators coordinators) {
    /** What retention erases of sign-ins, and what it keeps. */
    public static final List<RetentionRule> RETENTION = AccountRetention.RULES;

    public static AccountsModule create(Jdbi jdbi, AuthSettings settings, Optional<String> adminEmail,
                                        Optional<String> adminPassword, Clock clock) {
        var coordinators = new Coordinators(jdbi, settings, clock);
        coordinators.bootstrap(adminEmail, adminPassword);
        return new AccountsModule(coordinators);
    }
}
