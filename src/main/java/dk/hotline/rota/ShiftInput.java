package dk.hotline.rota;

/** A shift as a coordinator sends it: times as ISO-8601 text with an offset, checked by {@link Shifts}. */
public record ShiftInput(Long leaderId, String start, String end) {}
