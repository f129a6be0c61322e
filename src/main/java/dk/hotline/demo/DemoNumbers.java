package dk.hotline.demo;

import dk.hotline.privacy.PhoneNumber;

/**
 * The demo's phone numbers: +45 20 00 00 00 to +45 20 00 00 99, Danish mobile numbers as
 * {@link PhoneNumber#parse} takes them (so every form and service takes them), from a run of zeros
 * that reads as made up at a glance. libphonenumber's stricter validity check knows no Danish number
 * with 0000 after its first two digits, so none of these can belong to anyone. Leaders have 10–19,
 * group participants 20–49, callers and texters 50–99.
 */
final class DemoNumbers {
    static final int LEADERS = 10;
    static final int PARTICIPANTS = 20;
    static final int SURVIVORS = 50;
    private static final int LAST = 99;

    private DemoNumbers() {}

    static PhoneNumber of(int lastTwo) {
        return PhoneNumber.parse(text(lastTwo));
    }

    /** As a coordinator would type it into a form. */
    static String text(int lastTwo) {
        if (lastTwo < 0 || lastTwo > LAST) {
            throw new IllegalArgumentException("a demo number ends in 00 to 99");
        }
        return String.format("+45 20 00 00 %02d", lastTwo);
    }

    /** One of the callers' and texters' numbers; the same person calls again now and then. */
    static PhoneNumber survivor(int n) {
        return of(SURVIVORS + Math.floorMod(n, LAST - SURVIVORS + 1));
    }
}
