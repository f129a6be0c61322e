package dk.hotline.twilio;

/**
 * How many SMS parts a body is sent as, so texts can be kept to a few parts. A body of GSM-7
 * characters only (Danish æ ø å included) fits 160 in one part and 153 per part when split; a
 * single other character (an en dash, an emoji) makes the whole text UCS-2, 70 and 67.
 */
public final class SmsSegments {
    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** Sent as an escape plus a character: two units each. */
    private static final String GSM_EXTENDED = "\f^{}\\[~]|€";

    private SmsSegments() {}

    public static int count(String body) {
        int units = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (GSM_BASIC.indexOf(c) >= 0) {
                units += 1;
            } else if (GSM_EXTENDED.indexOf(c) >= 0) {
                units += 2;
            } else {
                return parts(body.length(), 70, 67);
            }
        }
        return parts(units, 160, 153);
    }

    private static int parts(int units, int single, int perPart) {
        return units <= single ? 1 : (units + perPart - 1) / perPart;
    }
}
