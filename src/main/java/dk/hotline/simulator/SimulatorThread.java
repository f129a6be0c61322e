package dk.hotline.simulator;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread every phone runs on: page actions wait for their turn and their answer, timers
 * and the outbox's deliveries are queued behind them. One thread means no leg changes under a
 * webhook that is being answered for it, without a lock anywhere.
 */
final class SimulatorThread implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SimulatorThread.class);
    /** Longer than Twilio's 15 s for one webhook: an action may make a few. */
    private static final Duration ACTION_TIMEOUT = Duration.ofSeconds(40);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        var t = new Thread(r, "phone-simulator");
        t.setDaemon(true);
        return t;
    });

    /** Runs {@code work} on the thread and answers what it answers; its refusals are thrown here. */
    <T> T call(Callable<T> work) {
        try {
            return executor.submit(work).get(ACTION_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the simulator did not answer in " + ACTION_TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** Queues {@code work} without waiting for it (the outbox's thread must not wait for ours). */
    void later(Runnable work) {
        executor.execute(guarded(work));
    }

    ScheduledFuture<?> after(int seconds, Runnable work) {
        return executor.schedule(guarded(work), seconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** A timer or a delivery that fails must not stop the thread every phone runs on. */
    private static Runnable guarded(Runnable work) {
        return () -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.warn("event=simulator.step_failed error={}", e.getClass().getSimpleName());
            }
        };
    }
}
