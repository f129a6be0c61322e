package dk.hotline.privacy;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A phone number in E.164 form. Numbers cross into the service once, through {@link #parse}, and
 * travel as this type afterwards, so that {@link #toString()} (used by logs, exceptions and
 * debuggers) can only ever show a masked form.
 */
public final class PhoneNumber {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final String DEFAULT_REGION = "DK";
    private static final Pattern ISO_DATE =
            Pattern.compile("(19|20)\\d\\d[-. /](0[1-9]|1[0-2])[-. /](0[1-9]|[12]\\d|3[01])");

    private final String e164;

    private PhoneNumber(String e164) {
        this.e164 = e164;
    }

    /** Parses any form libphonenumber understands, Danish numbers without a country code included. */
    public static PhoneNumber parse(String raw) {
        if (raw != null && isDanishE164(raw)) {
            // What Twilio sends for every Danish caller; the library's parse was a fifteenth of a
            // webhook's CPU and gives this same string back (a test holds the two side by side).
            return new PhoneNumber(raw);
        }
        return parseWithLibrary(raw);
    }

    static PhoneNumber parseWithLibrary(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidPhoneNumberException("phone number is empty");
        }
        try {
            var parsed = UTIL.parse(raw.trim(), DEFAULT_REGION);
            if (!UTIL.isPossibleNumber(parsed)) {
                throw new InvalidPhoneNumberException("not a possible phone number");
            }
            return new PhoneNumber(UTIL.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            // The library's message can echo the input; ours never does.
            throw new InvalidPhoneNumberException("not a phone number (" + e.getErrorType() + ")");
        }
    }

    /** {@code +45} and eight digits, the first not 0: a possible Danish number already in E.164 form. */
    private static boolean isDanishE164(String raw) {
        if (raw.length() != 11 || !raw.startsWith("+45") || raw.charAt(3) == '0') {
            return false;
        }
        for (int i = 3; i < 11; i++) {
            char c = raw.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code text} holds something that is a valid phone number (Danish without a country
     * code, or any with one), however it is grouped: {@code 20 12 34 56}, {@code +45 20-12-34-56},
     * {@code 20123456}. Times and dates are not numbers ({@code kl. 19.30-20.15},
     * {@code 14.03.2026}), an ISO date ({@code 2026-03-14}) included, which libphonenumber alone
     * would take for a Danish number.
     */
    public static boolean appearsIn(String text) {
        for (var match : UTIL.findNumbers(text, DEFAULT_REGION, PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
            if (!ISO_DATE.matcher(match.rawString()).matches()) {
                return true;
            }
        }
        return false;
    }

    /** The full number, for Twilio and for encryption only. Never log it. */
    public String e164() {
        return e164;
    }

    /** The full number grouped to be read and dialled ({@code +45 20 11 22 34}), for a reveal a coordinator asked for. Never log it. */
    public String readable() {
        try {
            return UTIL.format(UTIL.parse(e164, DEFAULT_REGION), PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException e) {
            return e164;
        }
    }

    /** Country code and the last two digits only, e.g. {@code +45 •••• ••34}. */
    public String masked() {
        int country = countryCodeLength();
        String cc = e164.substring(0, 1 + country);
        String tail = e164.substring(e164.length() - 2);
        return cc + " •••• ••" + tail;
    }

    private int countryCodeLength() {
        try {
            return String.valueOf(UTIL.parse(e164, DEFAULT_REGION).getCountryCode()).length();
        } catch (NumberParseException e) {
            return 2;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PhoneNumber other && e164.equals(other.e164);
    }

    @Override
    public int hashCode() {
        return Objects.hash(e164);
    }

    @Override
    public String toString() {
        return masked();
    }
}
