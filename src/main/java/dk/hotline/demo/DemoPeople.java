package dk.hotline.demo;

import java.util.List;

/** The made-up people of the demo: leaders (Danish and English speakers, one switched off) and the two groups' participants. */
final class DemoPeople {
    private DemoPeople() {}

    record LeaderSpec(String name, List<String> languages, boolean available) {}

    /** In rota order: the rota pairs them off two by two, so neighbours share shifts. */
    static final List<LeaderSpec> LEADERS = List.of(
            new LeaderSpec("Mette", List.of("da"), true),
            new LeaderSpec("Søren", List.of("da", "en"), true),
            new LeaderSpec("Aisha", List.of("da", "en"), true),
            new LeaderSpec("Lars", List.of("da"), false),
            new LeaderSpec("Camilla", List.of("da", "en"), true),
            new LeaderSpec("Jonas", List.of("da"), true),
            new LeaderSpec("Sara", List.of("en"), true));

    /** The leader who gets the demo's leader account. */
    static final String LEADER_WITH_ACCOUNT = "Mette";

    record ParticipantSpec(String name, String language, boolean smsConsent) {}

    static final List<ParticipantSpec> WEDNESDAY = List.of(
            new ParticipantSpec("Anne K.", "da", true),
            new ParticipantSpec("Birgitte L.", "da", true),
            new ParticipantSpec("Fatima H.", "da", true),
            new ParticipantSpec("Hanne P.", "da", false),
            new ParticipantSpec("Julie S.", "da", true),
            new ParticipantSpec("Emily R.", "en", true));

    static final List<ParticipantSpec> THURSDAY = List.of(
            new ParticipantSpec("Karina M.", "da", true),
            new ParticipantSpec("Louise T.", "da", true),
            new ParticipantSpec("Olena V.", "en", true),
            new ParticipantSpec("Pernille J.", "da", true),
            new ParticipantSpec("Rikke N.", "da", true),
            new ParticipantSpec("Maria G.", "en", true));
}
