package dk.hotline.privacy;

import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * One feature's part of a data subject's access and erasure requests (GDPR art. 15 and 17): what
 * its own tables hold on a number, and erasing it. Each feature answers for its tables as it does
 * for retention ({@link RetentionRule}); {@link Subjects} asks them all in one transaction.
 */
public interface SubjectRecords {
    /** The tables this part answers for. */
    Set<String> tables();

    /** Adds what the tables hold on {@code subject} to {@code export}; words only when it {@linkplain SubjectExport#words() asks}. */
    void find(Handle tx, DataSubject subject, SubjectExport export);

    /**
     * Erases every trace of {@code subject} in the tables, in the caller's transaction: rows that
     * statistics count forget the number and lose their words; rows that are only the person's go.
     * Counts go to {@code erasure}, and so does work outside the database that must wait for the commit.
     */
    void erase(Handle tx, DataSubject subject, SubjectErasure erasure);
}
