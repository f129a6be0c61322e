package dk.hotline.console;

import java.util.List;
import java.util.Optional;

/**
 * What Konti / Accounts shows a coordinator: every account (e-mail, role, leader, on or off), a
 * notice of what was just done, what was refused (a removal the audit log stands in the way of),
 * and the form to make an account, with the leaders a leader account can be for.
 */
public record AccountsView(List<Row> accounts, List<Option> leaders, Optional<String> notice, FormErrors errors,
                           Form form) {
    /** One account; {@code self} for the one signed in, which the page does not switch off or remove. */
    public record Row(long id, String email, String role, String leader, boolean active, boolean self) {}

    /** A leader to choose for a leader account. */
    public record Option(String value, String label, boolean selected) {}

    /**
     * The form as typed, field names as the API's: {@code email}, {@code role}, {@code leaderId},
     * {@code password} (never sent back).
     */
    public record Form(String email, String role, String leaderId) {
        static final Form BLANK = new Form("", "leader", "");
    }
}
