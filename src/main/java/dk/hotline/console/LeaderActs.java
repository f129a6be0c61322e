package dk.hotline.console;

import dk.hotline.rota.LeaderInput;

/**
 * The audit log's name for a change to a leader, from what the change sets: switching one off is
 * {@code leader.deactivate} (a leader the hotline no longer rings), on {@code leader.activate},
 * the on-call switch alone {@code leader.availability}, anything else {@code leader.update}.
 */
final class LeaderActs {
    private LeaderActs() {}

    static String of(LeaderInput in) {
        boolean onlyFlags = in.name() == null && in.phone() == null && in.languages() == null;
        if (Boolean.FALSE.equals(in.active())) {
            return "leader.deactivate";
        }
        if (onlyFlags && Boolean.TRUE.equals(in.active()) && in.available() == null) {
            return "leader.activate";
        }
        if (onlyFlags && in.active() == null && in.available() != null) {
            return "leader.availability";
        }
        return "leader.update";
    }
}
