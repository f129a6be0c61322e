package dk.hotline.voice;

import dk.hotline.db.Jdbc;
import dk.hotline.followups.Followups;
import dk.hotline.privacy.PhoneNumber;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Records calls as they come in, and cancels the follow-ups their callers were waiting for.
 *
 * <p>Calls that come in together share a transaction (group commit): while one request thread
 * writes, the arrivals of the others queue, and the next of them writes them all at once. In a
 * burst of callers the database then does one commit, and the service one connection check-out,
 * per batch instead of per call; a call that comes in alone is written at once, as before. Every
 * request answers only after its own arrival is committed, so a crash loses nothing a caller was
 * answered on, and a failed write fails every request of its batch (Twilio retries each).
 */
final class Arrivals {
    /** At most this many calls per transaction, so that a backlog is written in statements of a sensible size. */
    static final int MOST_PER_TRANSACTION = 64;

    /** A call that came in; the caller's number sealed and indexed already, by the request's own thread. */
    record Arrival(String callSid, PhoneNumber caller, byte[] callerSealed, byte[] callerIndex, Instant at) {}

    private final Jdbi jdbi;
    private final Followups followups;
    private final Object lock = new Object();
    private final ArrayDeque<Waiting> queue = new ArrayDeque<>();
    /** Whether a request thread is writing a batch now; guarded by {@link #lock}. */
    private boolean writing;

    Arrivals(Jdbi jdbi, Followups followups) {
        this.jdbi = jdbi;
        this.followups = followups;
    }

    /** Records the arrival, committed when this returns; false when the CallSid was known already (a Twilio retry). */
    boolean record(Arrival arrival) {
        var me = new Waiting(arrival);
        synchronized (lock) {
            queue.add(me);
            awaitTurn(me);
            if (me.done) {
                return me.outcome();
            }
            writing = true;
        }
        try {
            // The queue is first come, first written: this thread writes until its own arrival is.
            while (!me.done) {
                List<Waiting> batch = new ArrayList<>();
                synchronized (lock) {
                    while (batch.size() < MOST_PER_TRANSACTION && !queue.isEmpty()) {
                        batch.add(queue.poll());
                    }
                }
                write(batch);
            }
        } finally {
            synchronized (lock) {
                writing = false;
                lock.notifyAll();
            }
        }
        return me.outcome();
    }

    /**
     * Records the arrival in {@code tx}, the transaction of a first step that also acts (rings,
     * queues): the two commit together. False when the CallSid was known already.
     */
    boolean recordIn(Handle tx, Arrival arrival) {
        return insert(tx, List.of(arrival)).contains(arrival.callSid());
    }

    /** Waits, on {@link #lock}, while another thread writes and {@code me} is not written yet. */
    private void awaitTurn(Waiting me) {
        boolean interrupted = false;
        while (writing && !me.done) {
            try {
                lock.wait();
            } catch (InterruptedException e) {
                // The arrival is queued and will be written; wait for it, and pass the interrupt on.
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(List<Waiting> batch) {
        Set<String> firsts = null;
        RuntimeException failure = null;
        try {
            firsts = jdbi.inTransaction(tx -> insert(tx, batch.stream().map(w -> w.arrival).toList()));
        } catch (RuntimeException e) {
            failure = e;
        } catch (Error e) {
            failure = new IllegalStateException("recording the calls' arrival failed", e);
        }
        synchronized (lock) {
            for (Waiting waiting : batch) {
                // A CallSid twice in one batch (a retry beside the first): only its first is new.
                waiting.settle(failure, firsts != null && firsts.remove(waiting.arrival.callSid()));
            }
            lock.notifyAll();
        }
    }

    /** Inserts the calls not known yet, cancels their callers' pending follow-ups; the CallSids inserted. */
    private Set<String> insert(Handle tx, List<Arrival> arrivals) {
        int n = arrivals.size();
        String[] sids = new String[n];
        byte[][] sealed = new byte[n][];
        byte[][] indexes = new byte[n][];
        long[] micros = new long[n];
        for (int i = 0; i < n; i++) {
            Arrival a = arrivals.get(i);
            sids[i] = a.callSid();
            sealed[i] = a.callerSealed();
            indexes[i] = a.callerIndex();
            micros[i] = ChronoUnit.MICROS.between(Instant.EPOCH, a.at());
        }
        Set<String> inserted = new HashSet<>(Jdbc.list(tx, """
                INSERT INTO calls (call_sid, caller_sealed, caller_index, status, arrived_at, updated_at)
                SELECT sid, sealed, idx, 'arrived', at, at
                FROM unnest(?::text[], ?::bytea[], ?::bytea[], ?::bigint[]) AS a(sid, sealed, idx, micros),
                     LATERAL (SELECT timestamptz 'epoch' + micros * interval '1 microsecond' AS at) t
                ON CONFLICT (call_sid) DO NOTHING
                RETURNING call_sid""", rs -> rs.getString(1), sids, sealed, indexes, micros));
        // They called us first: the follow-up they agreed to wait for is not needed.
        List<PhoneNumber> callers = arrivals.stream().filter(a -> inserted.contains(a.callSid()))
                .map(Arrival::caller).filter(Objects::nonNull).distinct().toList();
        if (!callers.isEmpty()) {
            followups.contactFrom(tx, callers, "call");
        }
        return inserted;
    }

    /** An arrival in the queue, and what became of it; its fields are guarded by {@link #lock}. */
    private static final class Waiting {
        final Arrival arrival;
        boolean done;
        boolean first;
        RuntimeException failure;

        Waiting(Arrival arrival) {
            this.arrival = arrival;
        }

        void settle(RuntimeException failure, boolean first) {
            this.failure = failure;
            this.first = first;
            this.done = true;
        }

        boolean outcome() {
            if (failure != null) {
                throw failure;
            }
            return first;
        }
    }
}
