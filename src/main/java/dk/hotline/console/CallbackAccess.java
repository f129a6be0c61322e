package dk.hotline.console;

import dk.hotline.common.InvalidInputException;
import dk.hotline.common.NotFoundException;
import dk.hotline.followups.CallbackRequest;
import dk.hotline.followups.CallbackRequests;
import dk.hotline.web.Principal;
import io.javalin.http.ForbiddenResponse;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Which callback requests an account may see and act on, for the pages and {@code /api/callbacks}
 * alike: a coordinator all of them; a leader account those it was texted about or rung to call
 * back, and another's is 403 whether or not it exists (so ids cannot be probed).
 */
final class CallbackAccess {
    private CallbackAccess() {}

    /** The request, when this account may see it; 403 for a leader's not own, 404 when there is none. */
    static CallbackRequest find(Handle tx, CallbackRequests callbacks, Principal principal, long id) {
        if (!principal.coordinator() && !callbacks.concerning(tx, ownLeader(principal)).contains(id)) {
            throw new ForbiddenResponse("not a callback request told to this leader");
        }
        return callbacks.byId(tx, id).orElseThrow(() -> new NotFoundException("no such callback request"));
    }

    /** The requests among {@code all} this account may see. */
    static List<CallbackRequest> visible(Handle tx, CallbackRequests callbacks, Principal principal, List<CallbackRequest> all) {
        if (principal.coordinator()) {
            return all;
        }
        var own = callbacks.concerning(tx, ownLeader(principal));
        return all.stream().filter(r -> own.contains(r.id())).toList();
    }

    /**
     * The leader to ring to call back: a coordinator names one; a leader account rings itself
     * ({@code leaderId} left out or its own) and no other (403).
     */
    static long leaderToRing(Principal principal, Long leaderId) {
        if (principal.coordinator()) {
            if (leaderId == null) {
                throw new InvalidInputException("leaderId", "required");
            }
            return leaderId;
        }
        long own = ownLeader(principal);
        if (leaderId != null && leaderId != own) {
            throw new ForbiddenResponse("a leader account calls back only itself");
        }
        return own;
    }

    private static long ownLeader(Principal principal) {
        return principal.leaderId().orElseThrow(() -> new ForbiddenResponse("not a leader account"));
    }
}
