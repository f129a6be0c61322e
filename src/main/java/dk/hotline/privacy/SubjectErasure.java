package dk.hotline.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an erasure did, kind by kind, what it kept on purpose (an opt-out, so a STOP holds),
 * and what must happen outside the database once it has committed (deleting recordings at Twilio).
 */
public final class SubjectErasure {
    private final Map<String, Integer> erased = new LinkedHashMap<>();
    private final List<String> kept = new ArrayList<>();
    private final List<Runnable> afterCommit = new ArrayList<>();

    /** {@code count} records of {@code kind} erased (deleted, or made anonymous). */
    public void erased(String kind, int count) {
        erased.merge(kind, count, Integer::sum);
    }

    /** Something kept on purpose, named for the answer ({@code opt-out}). */
    public void kept(String kind) {
        if (!kept.contains(kind)) {
            kept.add(kind);
        }
    }

    /** Run once the transaction has committed; never when it rolled back. */
    public void afterCommit(Runnable work) {
        afterCommit.add(work);
    }

    public Map<String, Integer> erased() {
        return java.util.Collections.unmodifiableMap(erased);
    }

    public List<String> kept() {
        return List.copyOf(kept);
    }

    List<Runnable> afterCommitWork() {
        return List.copyOf(afterCommit);
    }
}
