package dk.hotline.web;

import dk.hotline.privacy.RetentionRule;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Accounts and signing in: passwords, API tokens, console sessions. On an empty database the first
 * coordinator is made here.
 */
public record AccountsModule(Accounts accounts, PasswordLinks links, PasswordCheck passwords, ApiTokens tokens,
                             ConsoleSessions sessions) {
    /** What retention erases of sign-ins, and what it keeps. */
    public static final List<RetentionRule> RETENTION = AccountRetention.RULES;

    public static AccountsModule create(Jdbi jdbi, AuthSettings settings, Optional<String> adminEmail,
                                        Optional<String> adminPassword, Clock clock) {
        var accounts = new Accounts(jdbi, settings, clock);
        accounts.bootstrap(adminEmail, adminPassword);
        return new AccountsModule(accounts, new PasswordLinks(jdbi, accounts, settings, clock),
                new PasswordCheck(jdbi, settings, clock), new ApiTokens(jdbi, settings, clock),
                new ConsoleSessions(jdbi, settings, clock));
    }
}
