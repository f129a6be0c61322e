package dk.hotline.sms;

/**
 * What a whole text can mean, besides being a message to relay. The words for each are in
 * {@code flows/sms.yaml}; the last three come only from a leader's registered phone.
 */
public enum Keyword {
    /** Opt out of every text. */
    STOP(false),
    /** Opt back in. */
    START(false),
    /** What this number is for, and how to stop. */
    HELP(false),
    /** Ask for a call back. */
    CALLBACK(false),
    /** Interest in a support group. */
    GROUP(false),
    /** Coming to the session a reminder was about (otherwise an ordinary message). */
    YES(false),
    /** Not coming to the session a reminder was about (otherwise an ordinary message). */
    NO(false),
    /** A leader is available now. */
    ON(true),
    /** A leader is not available now. */
    OFF(true),
    /** Who is on call now and next. */
    STATUS(true);

    private final boolean leaderCommand;

    Keyword(boolean leaderCommand) {
        this.leaderCommand = leaderCommand;
    }

    /** True for ON, OFF and STATUS, which only a leader's own phone can send. */
    public boolean isLeaderCommand() {
        return leaderCommand;
    }
}
