package dk.hotline.rota;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * What a leader stands in for in a feature above the rota (groups they lead), asked before the
 * leader is deleted or deactivated: the rota cannot read those features' tables, and they name
 * the leader by id. Said as a coordinator would read it, e.g. "leads 2 groups".
 */
@FunctionalInterface
public interface LeaderDuties {
    LeaderDuties NONE = (tx, leaderId) -> Optional.empty();

    Optional<String> of(Handle tx, long leaderId);
}
