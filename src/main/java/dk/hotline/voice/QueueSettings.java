package dk.hotline.voice;

import java.time.Duration;

/** {@code queue.*}: how long a caller may wait, and what they hear. {@code music} is empty for silence between announcements. */
public record QueueSettings(Duration maxWait, String music, Duration announceEvery) {}
