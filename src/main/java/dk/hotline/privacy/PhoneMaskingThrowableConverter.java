package dk.hotline.privacy;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;

/**
 * Logback converter for an event's exception ({@code %maskedEx} in {@code logback.xml}): the
 * stack trace as {@link ThrowableProxyConverter} renders it, with phone-number-like runs masked
 * (exception messages often quote their input) and on the same line as the event, so that one
 * event stays one line: it starts with a space, line breaks are written as {@code \n} and tabs
 * as {@code \t}. Nothing at all when the event has no exception.
 */
public class PhoneMaskingThrowableConverter extends ThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy tp) {
        String rendered = super.throwableProxyToString(tp);
        if (rendered == null || rendered.isEmpty()) {
            return rendered;
        }
        String masked = PhoneMaskingConverter.mask(rendered.stripTrailing());
        return " " + masked.replace("\r\n", "\n")
                .replace("\r", "\\r")
                .replace("\n", "\\n")
                .replace("\t", "\\t");
    }
}
