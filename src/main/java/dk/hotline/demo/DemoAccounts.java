package dk.hotline.demo;

import dk.hotline.web.Accounts;
import dk.hotline.web.DemoNotice;
import java.security.SecureRandom;
import java.util.List;

/**
 * The demo's two accounts, made as a coordinator makes accounts: a coordinator and one leader's.
 * Their passwords are new for every demo database (a demo reachable from outside is not open to
 * whoever read this code), printed once in the log and shown on the demo's sign-in page.
 */
final class DemoAccounts {
    static final String COORDINATOR = "coordinator";
    static final String LEADER = "leader";
    static final String COORDINATOR_EMAIL = "demo@hotline.local";
    /** Letters only: the log's layout masks runs of digits as phone numbers. */
    private static final String LETTERS = "abcdefghjkmnpqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private DemoAccounts() {}

    /** Makes both; the coordinator's account id is the first. */
    record Made(long coordinatorId, List<DemoNotice.SignIn> signIns) {}

    static Made make(Accounts accounts, long leaderId, String leaderName) {
        var coordinator = new DemoNotice.SignIn(COORDINATOR, COORDINATOR_EMAIL, password());
        var leader = new DemoNotice.SignIn(LEADER, leaderName.toLowerCase(java.util.Locale.ROOT) + "@hotline.local", password());
        long id = accounts.create(new Accounts.NewAccount(coordinator.email(), coordinator.password(), COORDINATOR, null))
                .account().id();
        accounts.create(new Accounts.NewAccount(leader.email(), leader.password(), LEADER, leaderId));
        return new Made(id, List.of(coordinator, leader));
    }

    /** demo-xxxx-xxxx-xxxx: 19 characters, more than the 12 a password needs, easy to type from the sign-in page. */
    private static String password() {
        var out = new StringBuilder("demo");
        for (int group = 0; group < 3; group++) {
            out.append('-');
            for (int i = 0; i < 4; i++) {
                out.append(LETTERS.charAt(RANDOM.nextInt(LETTERS.length())));
            }
        }
        return out.toString();
    }
}
