package dk.hotline.console;

import static dk.hotline.console.GroupPageChecks.photograph;
import static dk.hotline.console.GroupPageChecks.rows;
import static dk.hotline.console.GroupPageChecks.setValue;
import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.testing.Await;
import dk.hotline.testing.Browser;
import dk.hotline.testing.Coordinator;
import dk.hotline.testing.HotlineFixture;
import dk.hotline.testing.Json;
import dk.hotline.testing.MutableClock;
import dk.hotline.testing.TestConfig;
import dk.hotline.testing.TwilioSms;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.support.ui.Select;

/**
 * Grupper / Groups in a real browser, as a coordinator uses it: creating a group and adding its
 * participants, moving and cancelling sessions (participants texted through WireMock as Twilio),
 * a full group refusing a seventh; every state checked with axe-core and photographed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GroupsPageBrowserTest {
    /** Wednesday 17 March 2027, 11:00 in Copenhagen: summer time begins on Sunday 28 March. */
    private static final MutableClock clock = new MutableClock(Instant.parse("2027-03-17T10:00:00Z"));
    private static HotlineFixture hotline;
    private static Coordinator coordinator;
    private static TwilioSms sms;
    private static long maja;

    @BeforeAll
    static void start() {
        hotline = HotlineFixture.start(clock);
        coordinator = hotline.coordinator();
        sms = hotline.sms();
        maja = coordinator.leader("Maja Holm");
    }

    @AfterAll
    static void stop() {
        hotline.close();
    }

    private static Browser signedIn(int width) {
        var browser = Browser.open(hotline.service().uri("").toString(), width);
        return browser.signIn(TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD);
    }

    @Test
    @Order(1)
    void withNoGroupsYetThePageSaysSoAndOffersTheForm() {
        try (var browser = signedIn(1280)) {
            browser.find("nav.menu a[href='/groups']").click();
            assertThat(browser.text("h1")).isEqualTo("Grupper");
            assertThat(browser.find("nav.menu a[aria-current='page']").getText()).isEqualTo("Grupper");
            assertThat(browser.text("main")).contains("Der er ingen grupper endnu");
            photograph(browser, "groups-empty");
        }
    }

    @Test
    @Order(2)
    void aCoordinatorCreatesAGroupWhoseSessionsKeepTheirTimeAcrossSummerTimeAndAddsAParticipant() {
        try (var browser = signedIn(1280)) {
            browser.go("/groups");
            fillGroup(browser, "Torsdagsgruppen", "Torsdagsholdet", "2027-03-25T17:00", "3");
            browser.submit("form[action='/groups'] button");

            assertThat(browser.path()).matches("/groups/\\d+\\?done=created");
            assertThat(browser.text("h1")).isEqualTo("Torsdagsgruppen");
            assertThat(browser.text(".notice")).contains("Gruppen er oprettet");
            assertThat(browser.find("nav.menu a[aria-current='page']").getText()).isEqualTo("Grupper");
            assertThat(rows(browser, "sessions")).containsExactly(
                    "tor. 25. mar. 2027 17:00–19:00 Planlagt 0 0",
                    "tor. 1. apr. 2027 17:00–19:00 Planlagt 0 0",
                    "tor. 8. apr. 2027 17:00–19:00 Planlagt 0 0");
            long id = Long.parseLong(browser.path().replaceAll("\\D+", " ").trim().split(" ")[0]);
            var sessions = Json.elements(Json.field(Json.parse(coordinator.get("/api/groups/" + id)), "sessions"));
            assertThat(sessions).extracting(s -> Json.text(s, "start"))
                    .as("the same local time, in winter and in summer time")
                    .containsExactly("2027-03-25T17:00:00+01:00", "2027-04-01T17:00:00+02:00", "2027-04-08T17:00:00+02:00");

            browser.type("#name", "Sofie").type("#phone", "20 30 40 50");
            browser.find("#smsConsent-yes").click();
            browser.submit("form[action$='/participants'] button");

            assertThat(browser.text(".notice")).isEqualTo("Deltageren er tilføjet.");
            assertThat(rows(browser, "participants")).containsExactly("Sofie +45 •••• ••50 Ja Dansk");
            assertThat(browser.driver().getPageSource()).as("the number is only ever shown masked").doesNotContain("20304050");
            photograph(browser, "group");

            browser.go("/groups");
            assertThat(rows(browser, "list")).contains("Torsdagsgruppen Torsdagsholdet Maja Holm 1 af 6 tor. 25. mar. 2027 17:00");
            photograph(browser, "groups");
            photograph(browser.go("/groups?lang=en"), "groups-en");
            assertThat(browser.text("h1")).isEqualTo("Groups");
            photograph(browser.go("/groups/" + id), "group-en");
            browser.go("/groups?lang=da");
        }
    }

    @Test
    @Order(3)
    void aNameForTextsThatGivesTheGroupAwayIsRefusedBesideTheFieldAndWhatWasTypedIsKept() {
        try (var browser = signedIn(1280)) {
            browser.go("/groups");
            fillGroup(browser, "Mandagsgruppen", "Gruppe for ofre for vold", "2027-03-22T17:00", "6");
            browser.submit("form[action='/groups'] button");

            assertThat(browser.path()).isEqualTo("/groups");
            assertThat(browser.text(".error-summary")).contains("Navnet i sms må ikke indeholde »vold«");
            assertThat(browser.find(".error-summary a").getAttribute("href")).endsWith("#smsName");
            assertThat(browser.text("#smsName-error")).contains("»vold«");
            assertThat(browser.find("#smsName").getAttribute("aria-describedby")).isEqualTo("smsName-hint smsName-error");
            assertThat(browser.find("#name").getAttribute("value")).isEqualTo("Mandagsgruppen");
            assertThat(browser.find("#firstSession").getAttribute("value")).isEqualTo("2027-03-22T17:00");
            assertThat(new Select(browser.find("#leaderId")).getFirstSelectedOption().getText()).isEqualTo("Maja Holm");
            photograph(browser, "groups-error");

            browser.find(".error-summary a").click();
            assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).as("the link leads to the field")
                    .isEqualTo("smsName");
        }
    }

    @Test
    @Order(4)
    void cancellingASessionAsksFirstThenTextsEachParticipantWhoAgreedOnce() {
        long id = coordinator.group("Onsdagsgruppen", "Onsdagsholdet", maja, "2027-03-24T17:00:00+01:00", 3);
        coordinator.participant(id, "Anna", "+4532000001", true, null);
        coordinator.participant(id, "Bo", "+4532000002", false, null);
        coordinator.participant(id, "Cecilie", "+4532000003", true, "en");
        try (var browser = signedIn(1280)) {
            browser.go("/groups/" + id);
            browser.find("#sessions + .table-wrap tbody tr:first-child a[href$='/cancel']").click();

            assertThat(browser.text("h1")).isEqualTo("Aflys et møde");
            assertThat(browser.text("main")).contains("Aflys mødet ons. 24. mar. 2027 17:00–19:00 i Onsdagsgruppen?")
                    .contains("De 2 deltagere, der har sagt ja til sms, får hver én sms");
            photograph(browser, "session-cancel");
            browser.submit("main form button");

            assertThat(browser.text(".notice")).contains("Mødet er aflyst");
            assertThat(rows(browser, "sessions").get(0)).isEqualTo("ons. 24. mar. 2027 17:00–19:00 Aflyst 0 0");
            assertThat(browser.all("#sessions + .table-wrap tbody tr:first-child a")).as("nothing more to do with it").isEmpty();
            assertThat(browser.all("#sessions + .table-wrap tbody tr:nth-child(2) a")).extracting(GroupPageChecks::heard)
                    .as("the link names the session it acts on").containsExactly("Flyt ons. 31. mar. 2027", "Aflys ons. 31. mar. 2027");
            photograph(browser, "group-cancelled");
        }
        Await.until("both texts are sent", Duration.ofSeconds(10),
                () -> sms.sentTo("+4532000001").size() == 1 && sms.sentTo("+4532000003").size() == 1);
        assertThat(sms.sentTo("+4532000001")).containsExactly("Onsdagsholdet: mødet onsdag 24/3 kl. 17.00 er aflyst. Vi ses næste gang.");
        assertThat(sms.sentTo("+4532000003").get(0)).startsWith("Onsdagsholdet:").contains("Wednesday 24/3");
        assertThat(sms.sentTo("+4532000002")).as("no consent, no text").isEmpty();
    }

    @Test
    @Order(5)
    void aSessionIsMovedToANewLocalTimeAndATimeTheGroupMeetsAlreadyIsRefused() {
        long id = coordinator.group("Tirsdagsgruppen", "Tirsdagsholdet", maja, "2027-03-23T17:00:00+01:00", 3);
        coordinator.participant(id, "Dorte", "+4532000011", true, null);
        try (var browser = signedIn(1280)) {
            browser.go("/groups/" + id);
            browser.find("#sessions + .table-wrap tbody tr:nth-child(2) a[href$='/move']").click();
            assertThat(browser.text("h1")).isEqualTo("Flyt et møde");
            assertThat(browser.find("#start").getAttribute("value")).isEqualTo("2027-03-30T17:00");
            photograph(browser, "session-move");

            setValue(browser.find("#start"), "2027-04-06T17:00");
            browser.submit("main form button");
            assertThat(browser.text(".error-summary")).contains("Gruppen mødes allerede på det tidspunkt");
            assertThat(browser.text("#start-error")).contains("Gruppen mødes allerede");
            assertThat(browser.find("#start").getAttribute("value")).isEqualTo("2027-04-06T17:00");
            photograph(browser, "session-move-error");

            setValue(browser.find("#start"), "2027-03-31T18:30");
            browser.submit("main form button");
            assertThat(browser.text(".notice")).contains("Mødet er flyttet");
            assertThat(rows(browser, "sessions").get(1)).isEqualTo("ons. 31. mar. 2027 18:30–20:30 Planlagt 0 0");
        }
        Await.until("the participant is told", Duration.ofSeconds(10), () -> sms.sentTo("+4532000011").size() == 1);
        assertThat(sms.sentTo("+4532000011")).containsExactly(
                "Tirsdagsholdet: mødet tirsdag 30/3 kl. 17.00 er flyttet til onsdag 31/3 kl. 18.30.");
    }

    @Test
    @Order(6)
    void theSeventhParticipantOfAGroupOfSixIsRefusedPlainlyAndOneCanBeRemovedAfterAQuestion() {
        long id = coordinator.group("Fredagsgruppen", "Fredagsholdet", maja, "2027-03-26T17:00:00+01:00", 2);
        for (int i = 1; i <= 6; i++) {
            coordinator.participant(id, "Deltager " + i, "+453300000" + i, true, null);
        }
        try (var browser = signedIn(1280)) {
            browser.go("/groups/" + id);
            assertThat(browser.text(".warning")).isEqualTo("Gruppen er fuld: alle 6 pladser er taget.");
            browser.type("#name", "Syvende").type("#phone", "33000007");
            browser.find("#smsConsent-no").click();
            browser.submit("form[action$='/participants'] button");

            assertThat(browser.text(".error-summary"))
                    .contains("Gruppen er fuld: alle 6 pladser er taget. Deltageren er ikke tilføjet.");
            assertThat(browser.find("#name").getAttribute("value")).isEqualTo("Syvende");
            assertThat(browser.find("#smsConsent-no").isSelected()).isTrue();
            assertThat(rows(browser, "participants")).hasSize(6);
            photograph(browser, "group-full");

            browser.go("/groups/" + id);
            browser.find("#participants + .table-wrap tbody tr:first-child a[href$='/remove']").click();
            assertThat(browser.text("main")).contains("Fjern Deltager 1 fra Fredagsgruppen?");
            photograph(browser, "participant-remove");
            browser.submit("main form button");

            assertThat(browser.text(".notice")).contains("Deltageren er fjernet");
            assertThat(rows(browser, "participants")).hasSize(5).noneMatch(r -> r.startsWith("Deltager 1 "));
        }
    }

    private static void fillGroup(Browser browser, String name, String smsName, String firstSession, String weeks) {
        browser.type("#name", name).type("#smsName", smsName).type("#location", "Kulturhuset, lokale 2")
                .type("#weeks", weeks).type("#durationMinutes", "120").type("#capacity", "6");
        new Select(browser.find("#leaderId")).selectByVisibleText("Maja Holm");
        setValue(browser.find("#firstSession"), firstSession);
    }
}
