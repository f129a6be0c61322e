package dk.hotline.privacy;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything the service holds on one number, kind by kind ({@code calls}, {@code conversations},
 * …), as each feature found it; and the leaders those records name, so the answer can name them
 * (a leader's own number is never in it). Filled in by the features' {@link SubjectRecords}.
 */
public final class SubjectExport {
    private final boolean words;
    private final Map<String, Object> kinds = new LinkedHashMap<>();
    private final Set<Long> leaderIds = new TreeSet<>();

    public SubjectExport(boolean words) {
        this.words = words;
    }

    /** Whether the words (texts, notes) are to be shown, or only that they exist. */
    public boolean words() {
        return words;
    }

    /** A kind of record, listed (possibly empty, which says "none"). */
    public void add(String kind, List<?> records) {
        kinds.put(kind, List.copyOf(records));
    }

    /** A kind that is one state rather than a list (opt-out, blocklist). */
    public void state(String kind, Object state) {
        kinds.put(kind, state);
    }

    /** Leaders the records name, by id. */
    public void leaders(Collection<Long> ids) {
        ids.stream().filter(java.util.Objects::nonNull).forEach(leaderIds::add);
    }

    public Map<String, Object> kinds() {
        return java.util.Collections.unmodifiableMap(kinds);
    }

    public Set<Long> leaderIds() {
        return java.util.Collections.unmodifiableSet(leaderIds);
    }
}
