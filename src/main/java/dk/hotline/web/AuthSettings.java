package dk.hotline.web;

import java.time.Duration;

/** {@code auth.*}: how long a token lives, and how many failed sign-ins lock an address out for how long. */
public record AuthSettings(Duration tokenTtl, int maxFailures, Duration lockout) {}
