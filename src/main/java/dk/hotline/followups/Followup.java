package dk.hotline.followups;

import java.time.Instant;

/** A follow-up as coordinators see it: when, why, and what became of it; never the number. */
public record Followup(long id, String source, String language, Instant dueAt, String status, String reason, Instant createdAt) {}
