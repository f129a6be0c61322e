package dk.hotline.console;

import dk.hotline.rota.Gap;
import java.time.ZoneId;

/** A stretch with nobody on shift, shown like a shift's times. */
record GapView(String start, String end) {
    static GapView of(Gap g, ZoneId zone) {
        return new GapView(ShiftView.local(g.start(), zone), ShiftView.local(g.end(), zone));
    }
}
