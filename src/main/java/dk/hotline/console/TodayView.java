package dk.hotline.console;

import java.util.List;

/**
 * What the I dag / Today page shows, as words and times ready to print (in the rota's zone). A
 * leader account sees only its own part: who is on call, its own next shifts, open callback
 * requests (numbers masked), and the conversations it may answer.
 */
public record TodayView(
        boolean coordinator,
        String updatedAt,
        List<String> onCallNow,
        List<String> offNow,
        String nextStart,
        List<String> onCallNext,
        List<Item> ownShifts,
        List<Item> liveCalls,
        int queued,
        List<Item> callbacks,
        List<Item> missedCalls,
        List<Item> unanswered,
        List<Item> gaps) {
    /** One line of a list: when, and what. */
    public record Item(String when, String what) {}
}
