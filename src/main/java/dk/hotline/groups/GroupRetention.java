package dk.hotline.groups;

import dk.hotline.privacy.RetentionRule;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * Groups' part of retention: an interest entry is little more than the number, so it goes whole,
 * invited or not (the person can text GRUPPE again). A participant's number is kept while they
 * are in the group; removing them erases it.
 */
final class GroupRetention implements RetentionRule {
    static final List<RetentionRule> RULES = List.of(new GroupRetention(),
            new Kept("group_participants", "a participant's number is needed while they are in the group; removal erases it"));

    @Override
    public Set<String> tables() {
        return Set.of("group_interest");
    }

    @Override
    public Map<String, Integer> erase(Jdbi jdbi, Instant cutoff, Instant now) {
        int erased = jdbi.withHandle(h -> h.createUpdate("DELETE FROM group_interest WHERE created_at < :cutoff")
                .bind("cutoff", cutoff).execute());
        return Map.of("group_interest", erased);
    }
}
