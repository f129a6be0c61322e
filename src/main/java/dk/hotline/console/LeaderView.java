package dk.hotline.console;

import com.fasterxml.jackson.annotation.JsonInclude;

import dk.hotline.common.Language;
import dk.hotline.rota.Leader;
import java.util.List;

/** A leader as the JSON API shows it: the number masked unless the coordinator asked to reveal it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record LeaderView(long id, String name, String phone, List<Language> languages, boolean active, boolean available,
                  String icalUrl) {
    static LeaderView of(Leader l, boolean reveal) {
        return new LeaderView(l.id(), l.name(), reveal ? l.phone().e164() : l.phone().masked(), l.languages(),
                l.active(), l.available(), null);
    }

    /** One leader as {@code GET /api/leaders/{id}} shows it: with the leader's calendar link. */
    LeaderView withCalendar(String url) {
        return new LeaderView(id, name, phone, languages, active, available, url);
    }
}
