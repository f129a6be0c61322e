package dk.hotline.web;

import java.util.List;

/**
 * What the console says about demo data: a banner on every page while the database holds it, and
 * in demo mode the made-up accounts to sign in with, on the sign-in page (a demo is shown to people
 * who were given no password). The root decides both at start; the web tier only shows them.
 *
 * @param banner  the database holds demo data
 * @param signIns the demo accounts, empty unless the service runs in demo mode
 */
public record DemoNotice(boolean banner, List<SignIn> signIns) {
    public static final DemoNotice NONE = new DemoNotice(false, List.of());

    /** A demo account; {@code role} is a {@link Role} code, for the words beside it. */
    public record SignIn(String role, String email, String password) {}

    public DemoNotice {
        signIns = List.copyOf(signIns);
    }
}
