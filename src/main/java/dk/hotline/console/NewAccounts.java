package dk.hotline.console;

import dk.hotline.common.InvalidInputException;
import dk.hotline.privacy.Audited;
import dk.hotline.rota.Leaders;
import dk.hotline.web.Accounts;
import java.net.URI;
import org.jdbi.v3.core.Jdbi;

/**
 * Making an account, for {@code POST /api/accounts} and the Konti / Accounts page alike: a leader
 * account must name a leader that exists (the web tier knows no leaders, so the check is here).
 */
final class NewAccounts {
    private NewAccounts() {}

    static Accounts.Created make(Jdbi jdbi, Accounts accounts, Leaders leaders, Accounts.NewAccount in,
                                 Audited<Accounts.Account> audited) {
        if (in.leaderId() != null && jdbi.withHandle(tx -> leaders.byId(tx, in.leaderId())).isEmpty()) {
            throw new InvalidInputException("leaderId", "no such leader");
        }
        return accounts.create(in, audited);
    }

    /** Where a one-time link's secret is used: the service's public address, {@code /password/<token>}. */
    static String linkUrl(URI publicUrl, String token) {
        return publicUrl + "/password/" + token;
    }
}
