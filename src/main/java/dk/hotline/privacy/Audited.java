package dk.hotline.privacy;

import org.jdbi.v3.core.Handle;

/**
 * The audit row of an act, handed to the service that does the act: it writes the row in its own
 * transaction once it knows what it did ({@code done}: the leader made, the id deleted), so the
 * act and its record commit together or not at all. Made by {@link AuditLog#act}.
 */
@FunctionalInterface
public interface Audited<T> {
    void write(Handle tx, T done);

    /** No row: for the service's own acts (seeding a demo, tests of the feature alone). */
    static <T> Audited<T> none() {
        return (tx, done) -> {};
    }
}
