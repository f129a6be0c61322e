package dk.hotline.groups;

import java.time.Duration;
import java.util.List;

/** {@code reminderOffsets}: how long before a session each reminder goes; {@code reminderGrace}: how late one may still go. */
public record ReminderSettings(List<Duration> offsets, Duration grace) {}
