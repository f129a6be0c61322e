package dk.hotline.rota;

import java.time.Instant;

/** A stretch of time, {@code start} inclusive to {@code end} exclusive, when nobody is on shift. */
public record Gap(Instant start, Instant end) {}
