package dk.hotline.privacy;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Objects;

/**
 * A phone number in E.164 form. Numbers cross into the service once, through {@link #parse}, and
 * travel as this type afterwards, so that {@link #toString()} (used by logs, exceptions and
 * debuggers) can only ever show a masked form.
 */
public final class PhoneNumber {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final String DEFAULT_REGION = "DK";

    private final String e164;

    private PhoneNumber(String e164) {
        this.e164 = e164;
    }

    /** Parses any form libphonenumber understands, Danish numbers without a country code included. */
    public static PhoneNumber parse(String raw) {
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
