package dk.hotline.rota;

import java.time.Instant;

/** A leader on call from {@code start} (inclusive) to {@code end} (exclusive). */
public record Shift(long id, long leaderId, String leaderName, Instant start, Instant end) {}
