package dk.hotline.notes;

import java.time.Instant;
import java.util.List;

/**
 * A leader's note on a call or a conversation they took: the words (opened from their seal) and
 * the categories picked, by id, in the categories' order.
 */
public record Note(long id, long leaderId, NoteSubject subject, String body, List<Long> categoryIds, Instant createdAt,
                   Instant updatedAt) {}
