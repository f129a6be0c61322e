package dk.hotline.console;

import dk.hotline.common.Language;
import dk.hotline.rota.Leader;
import java.util.List;

/** A leader as the JSON API shows it: the number masked unless the coordinator asked to reveal it. */
record LeaderView(long id, String name, String phone, List<Language> languages, boolean active, boolean available) {
    static LeaderView of(Leader l, boolean reveal) {
        return new LeaderView(l.id(), l.name(), reveal ? l.phone().e164() : l.phone().masked(), l.languages(),
                l.active(), l.available());
    }
}
