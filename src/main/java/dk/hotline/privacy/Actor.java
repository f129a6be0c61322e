package dk.hotline.privacy;

import java.util.Optional;

/**
 * Who did an audited act and from where: the account (none for a failed sign-in, where nobody is
 * known yet) and the client's address as the web tier saw it (none for the service's own acts).
 */
public record Actor(Optional<Long> accountId, Optional<String> address) {
    /** An address longer than any IPv6 one is cut: it is a clue, not a free-text field. */
    private static final int MAX_ADDRESS = 64;

    public Actor {
        address = address.map(String::trim).filter(a -> !a.isEmpty())
                .map(a -> a.length() > MAX_ADDRESS ? a.substring(0, MAX_ADDRESS) : a);
    }

    public static Actor account(long accountId, String address) {
        return new Actor(Optional.of(accountId), Optional.ofNullable(address));
    }

    /** Somebody not (yet) known: a failed sign-in. */
    public static Actor nobody(String address) {
        return new Actor(Optional.empty(), Optional.ofNullable(address));
    }
}
