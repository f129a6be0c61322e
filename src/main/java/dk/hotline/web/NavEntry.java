package dk.hotline.web;

/**
 * A page in the console's menu: where it is, the key of its name, and whether only coordinators
 * see it, or only leader accounts (a leader's own page, which a coordinator has no use for).
 */
public record NavEntry(String path, String labelKey, boolean coordinatorsOnly, boolean leadersOnly) {
    public NavEntry(String path, String labelKey, boolean coordinatorsOnly) {
        this(path, labelKey, coordinatorsOnly, false);
    }

    /** An entry only leader accounts see. */
    public static NavEntry forLeaders(String path, String labelKey) {
        return new NavEntry(path, labelKey, false, true);
    }

    /** Whether the menu of this account shows the entry. */
    boolean shownTo(Principal principal) {
        return principal.coordinator() ? !leadersOnly : !coordinatorsOnly;
    }
}
