package dk.hotline.privacy;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A person's access and erasure requests (GDPR art. 15 and 17), about their phone number: every
 * feature's {@link SubjectRecords} is asked in one transaction, with the audit row written in it
 * ({@code subject.access}, {@code subject.words} when the words were shown, {@code
 * subject.erasure}). The audit row and the logs name the subject as {@link DataSubject#audited()},
 * never the number.
 *
 * <p>The parts erase in the order given: a part that finds its rows through another's (notes,
 * through the calls and conversations they are about) must come before it.
 */
public final class Subjects {
    private static final Logger log = LoggerFactory.getLogger(Subjects.class);

    private final Jdbi jdbi;
    private final BlindIndex index;
    private final List<SubjectRecords> parts;
    private final AuditLog audit;

    public Subjects(Jdbi jdbi, BlindIndex index, List<SubjectRecords> parts, AuditLog audit) {
        this.jdbi = jdbi;
        this.index = index;
        this.parts = List.copyOf(parts);
        this.audit = audit;
    }

    /** The person behind {@code number}, found by every index their rows may carry. */
    public DataSubject subject(PhoneNumber number) {
        return DataSubject.of(number, index);
    }

    /** Everything held on {@code number}, the words too when {@code words}; audited as done by {@code by}. */
    public SubjectExport access(Actor by, PhoneNumber number, boolean words, Optional<String> reason) {
        DataSubject subject = subject(number);
        SubjectExport export = jdbi.inTransaction(tx -> {
            audit.record(tx, by, "subject.access", subject.audited(), reason);
            if (words) {
                audit.record(tx, by, "subject.words", subject.audited(), reason);
            }
            var found = new SubjectExport(words);
            parts.forEach(part -> part.find(tx, subject, found));
            return found;
        });
        log.info("event=subject.accessed account={} words={}", by.accountId().orElse(null), words);
        return export;
    }

    /**
     * Erases every trace of {@code number} in one transaction, then does what had to wait for the
     * commit (a recording that cannot be deleted at Twilio now stays due for retention's next run).
     */
    public SubjectErasure erase(Actor by, PhoneNumber number, Optional<String> reason) {
        DataSubject subject = subject(number);
        SubjectErasure erasure = jdbi.inTransaction(tx -> {
            audit.record(tx, by, "subject.erasure", subject.audited(), reason);
            var done = new SubjectErasure();
            parts.forEach(part -> part.erase(tx, subject, done));
            return done;
        });
        for (Runnable work : erasure.afterCommitWork()) {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.warn("event=subject.after_erasure_failed error={}", e.getClass().getSimpleName());
            }
        }
        log.info("event=subject.erased account={} {} kept={}", by.accountId().orElse(null), erasure.erased().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")), erasure.kept());
        return erasure;
    }

    /** Every table some part answers for (a test compares them with the schema). */
    public static java.util.Set<String> tables(List<SubjectRecords> parts) {
        return parts.stream().flatMap(p -> p.tables().stream()).collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
