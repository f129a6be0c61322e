package dk.hotline.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition the service reaches on its own threads (not for a scheduler trigger). */
public final class Await {
    /**
     * For what the service does within moments (a relay, an outbox send). Generous, because the
     * wait ends as soon as the condition holds, and a CI machine under load is slow, not wrong.
     */
    public static final Duration SOON = Duration.ofSeconds(30);

    private Await() {}

    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting until " + what);
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what, e);
            }
        }
    }
}
