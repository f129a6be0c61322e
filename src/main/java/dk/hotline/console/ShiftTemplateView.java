package dk.hotline.console;

import dk.hotline.rota.ShiftTemplate;

/** A weekly template as the JSON API shows it: weekday by name, local times such as "17:00". */
record ShiftTemplateView(long id, long leaderId, String leaderName, String weekday, String start, String end,
                         boolean overnight) {
    static ShiftTemplateView of(ShiftTemplate t) {
        return new ShiftTemplateView(t.id(), t.leaderId(), t.leaderName(), t.weekday().name(), t.start().toString(),
                t.end().toString(), t.overnight());
    }
}
