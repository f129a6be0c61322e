package dk.hotline.groups;

/** A new group as a coordinator sends it; {@code firstSession} is ISO-8601 with offset. */
public record GroupInput(String name, String smsName, String location, Long leaderId, Integer capacity,
                         String firstSession, Integer weeks, Integer durationMinutes) {}
