package dk.hotline.notes;

import java.util.List;

/** What a leader writes: the words and the categories picked. On an edit, a null leaves that part as it is. */
public record NoteInput(String body, List<Long> categoryIds) {}
