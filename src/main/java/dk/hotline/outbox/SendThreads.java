package dk.hotline.outbox;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatcher's send threads, and which of them are idle. A claim takes idle threads' permits
 * first and claims no more rows than it holds, so every claimed row starts sending at once; each
 * send gives its permit back as it ends. The claim tokens of sends still under way are kept, so
 * that the instance's own claims never take such a row back as abandoned, however long its send
 * takes or however far the clock has moved.
 */
final class SendThreads implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SendThreads.class);

    private final ExecutorService threads;
    private final Semaphore idle;
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();

    SendThreads(int count) {
        this.threads = Executors.newFixedThreadPool(count, daemon("outbox-send"));
        this.idle = new Semaphore(count);
    }

    /** Waits until at least {@code atLeast} threads are idle and takes them all; returns how many. */
    int awaitIdle(int atLeast) throws InterruptedException {
        idle.acquire(atLeast);
        return atLeast + idle.drainPermits();
    }

    /** Takes the threads idle now, without waiting; returns how many. */
    int takeIdle() {
        return idle.drainPermits();
    }

    /** Gives back threads taken and not used. */
    void giveBack(int count) {
        idle.release(count);
    }

    /** The claim tokens with sends under way. */
    UUID[] tokensInFlight() {
        return inFlight.toArray(UUID[]::new);
    }

    /** Sends each of a claim's {@code rows} on a thread taken for it. */
    Sends start(UUID token, List<OutboxRow> rows, Consumer<OutboxRow> send) {
        inFlight.add(token);
        var left = new AtomicInteger(rows.size());
        List<Future<?>> futures = rows.stream().<Future<?>>map(row -> threads.submit(() -> {
            try {
                send.accept(row);
            } catch (RuntimeException e) {
                log.error("event=outbox.send_crashed error={}", e.getClass().getSimpleName());
            } finally {
                if (left.decrementAndGet() == 0) {
                    inFlight.remove(token);
                }
                idle.release();
            }
        })).toList();
        return new Sends(futures);
    }

    /** A claim's sends under way. */
    record Sends(List<Future<?>> futures) {
        static final Sends NONE = new Sends(List.of());

        void await() {
            for (Future<?> send : futures) {
                try {
                    send.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    // Logged by the send itself.
                }
            }
        }
    }

    /** Lets sends under way end and record their outcome, so they are not retried after restart. */
    @Override
    public void close() throws InterruptedException {
        threads.shutdown();
        if (!threads.awaitTermination(20, TimeUnit.SECONDS)) {
            threads.shutdownNow();
        }
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            var t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
