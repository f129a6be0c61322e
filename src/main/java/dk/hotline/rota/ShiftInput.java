package dk.hotline.rota;

/**
 * A shift as a coordinator sends it: times as ISO-8601 text with an offset, checked by {@link Shifts}.
 * To change a shift, the fields left null stay as they are.
 */
public record ShiftInput(Long leaderId, String start, String end) {}
