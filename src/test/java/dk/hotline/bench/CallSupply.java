package dk.hotline.bench;

import dk.hotline.db.DatabaseUrl;
import dk.hotline.db.LocalDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the webhooks come from, so that no CallSid reaches the service twice: a file of signed
 * first steps read from an offset that moves past every line a run used (a new file with new
 * CallSids when it runs out), and the CallSids whose first step the service has answered (its
 * {@code calls} rows) and that have not pressed a key yet, for the route step.
 */
final class CallSupply {
    private static final int FILE_LINES = 60_000;

    private final SignedBodies signer;
    private final DatabaseUrl db;
    private Path file;
    private long fileLines;
    private long offset;
    private long nextSid = 1;
    private String lastSid = "";
    private final ArrayDeque<String> answered = new ArrayDeque<>();

    CallSupply(SignedBodies signer, DatabaseUrl db) {
        this.signer = signer;
        this.db = db;
    }

    /** The first-step file, with at least {@code lines} unused lines from {@link #offset()}. */
    Path firstSteps(long lines) {
        if (file == null || offset + lines > fileLines) {
            long count = Math.max(FILE_LINES, lines * 2);
            file = signer.firstSteps(BenchSupport.OUT.resolve("first-steps-" + nextSid + ".txt"), nextSid, (int) count);
            nextSid += count;
            fileLines = count;
            offset = 0;
        }
        return file;
    }

    long offset() {
        return offset;
    }

    /** A run took its lines: the next one starts after them. */
    void used(Wrk.Result run) {
        offset += run.perThreadMax() + Runtime.getRuntime().availableProcessors();
    }

    /** CallSids whose first step ran and that were not routed yet, oldest first (fetched from the calls table). */
    List<String> unrouted() {
        try (var c = LocalDatabase.connect(db);
             var st = c.prepareStatement("SELECT call_sid FROM calls WHERE call_sid > ? ORDER BY call_sid")) {
            // CallSids are CA and a number in 32 hex digits, and each run's are higher than the last's.
            st.setString(1, lastSid);
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    lastSid = rs.getString(1);
                    answered.add(lastSid);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read calls", e);
        }
        return new ArrayList<>(answered);
    }

    /** A route run used the first {@code lines} of {@link #unrouted()}. */
    void routed(long lines) {
        for (long i = 0; i < lines && !answered.isEmpty(); i++) {
            answered.poll();
        }
    }
}
