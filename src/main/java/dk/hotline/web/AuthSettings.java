package dk.hotline.web;

import java.time.Duration;

/**
 * {@code auth.*}: how long an API token lives; how many failed sign-ins lock an address out for
 * how long; when an idle console session ends, and how long one may last at most; how long a
 * link to set a password can be used.
 */
public record AuthSettings(Duration tokenTtl, int maxFailures, Duration lockout, Duration sessionIdle, Duration sessionMax,
                           Duration passwordLinkTtl) {}
