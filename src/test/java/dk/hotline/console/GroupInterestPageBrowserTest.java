package dk.hotline.console;

import static dk.hotline.console.GroupPageChecks.photograph;
import static dk.hotline.console.GroupPageChecks.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.common.Language;
import dk.hotline.groups.GroupInterest;
import dk.hotline.privacy.BlindIndex;
import dk.hotline.privacy.EncryptionKey;
import dk.hotline.privacy.PersonalDataCipher;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.testing.Await;
import dk.hotline.testing.Browser;
import dk.hotline.testing.Coordinator;
import dk.hotline.testing.HotlineFixture;
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
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The interest list in a real browser: a coordinator invites someone who texted GRUPPE to a group
 * (one text, through WireMock as Twilio), sees each refusal the service makes said plainly beside
 * that person's row, and removes an entry after a question; every state checked with axe-core and
 * photographed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GroupInterestPageBrowserTest {
    /** Wednesday 17 March 2027, 11:00 in Copenhagen. */
    private static final MutableClock clock = new MutableClock(Instant.parse("2027-03-17T10:00:00Z"));
    private static HotlineFixture hotline;
    private static Coordinator coordinator;
    private static TwilioSms sms;

    @BeforeAll
    static void start() {
        hotline = HotlineFixture.start(clock);
        coordinator = hotline.coordinator();
        sms = hotline.sms();
        long maja = coordinator.leader("Maja Holm");
        coordinator.group("Torsdagsgruppen", "Torsdagsholdet", maja, "2027-03-25T17:00:00+01:00", 6);
        // A group that has been and gone: made before its only session, as it really was.
        clock.set(Instant.parse("2027-03-13T10:00:00Z"));
        coordinator.group("Søndagsgruppen", "Søndagsholdet", maja, "2027-03-14T11:00:00+01:00", 1);
        clock.set(Instant.parse("2027-03-17T10:00:00Z"));
        long small = coordinator.group("Lillegruppen", "Lilleholdet", maja, "2027-03-22T17:00:00+01:00", 4, 1).get("id").asLong();
        coordinator.participant(small, "Deltager", "+4540100099", true, null);
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
    void anEmptyListSaysSo() {
        try (var browser = signedIn(1280)) {
            browser.go("/groups").find("a[href='/groups/interest']").click();
            assertThat(browser.text("h1")).isEqualTo("Interesseliste");
            assertThat(browser.text("main")).contains("Ingen står på listen.");
            photograph(browser, "interest-empty");
        }
    }

    @Test
    @Order(2)
    void someoneWhoTextedGruppeIsInvitedOnceAndASecondInvitationIsRefusedBesideTheirRow() {
        sms.receive("+4540100021", "GRUPPE");
        addFromCall("+4540100022", "en");
        try (var browser = signedIn(1280)) {
            browser.go("/groups/interest");
            assertThat(rows(browser, "interest")).containsExactly(
                    "+45 •••• ••21 Dansk sms (GRUPPE) ons. 17. mar. 2027 11:00 Ikke endnu",
                    "+45 •••• ••22 English opkald ons. 17. mar. 2027 11:00 Ikke endnu");
            photograph(browser, "interest");

            invite(browser, "+45 •••• ••21", "Torsdagsgruppen");

            assertThat(browser.text(".notice")).isEqualTo("Invitationen er sendt.");
            assertThat(rows(browser, "interest").get(0)).endsWith("Torsdagsgruppen, ons. 17. mar. 2027");
        }
        Await.until("the invitation is sent", Duration.ofSeconds(10), () -> sms.sentTo("+4540100021").size() == 2);
        assertThat(sms.sentTo("+4540100021").get(1)).startsWith("Torsdagsholdet: Der er en plads til dig. Første gang er torsdag "
                + "den 25/3 kl. 17.00.");

        try (var browser = signedIn(1280)) {
            browser.go("/groups/interest");
            invite(browser, "+45 •••• ••21", "Torsdagsgruppen");

            assertThat(browser.text(".error-summary")).contains("Personen er allerede inviteret til den gruppe.");
            var row = row(browser, "+45 •••• ••21");
            assertThat(row.findElement(By.cssSelector(".field-error")).getText()).contains("allerede inviteret");
            assertThat(new Select(row.findElement(By.tagName("select"))).getFirstSelectedOption().getText())
                    .isEqualTo("Torsdagsgruppen");
            photograph(browser, "interest-error");
        }
        assertThat(sms.sentTo("+4540100021")).as("still one invitation").hasSize(2);
    }

    @Test
    @Order(3)
    void aFullGroupAGroupWithNoSessionAheadAnOptOutAndNoChoiceAreEachSaidPlainly() {
        sms.receive("+4540100031", "GRUPPE");
        sms.receive("+4540100032", "GRUPPE");
        sms.receive("+4540100032", "STOP");
        try (var browser = signedIn(1280)) {
            browser.go("/groups/interest");
            invite(browser, "+45 •••• ••31", "Lillegruppen");
            assertThat(browser.text(".error-summary")).contains("Gruppen er fuld. Der er ikke sendt nogen invitation.");

            invite(browser, "+45 •••• ••31", "Søndagsgruppen");
            assertThat(browser.text(".error-summary")).contains("Gruppen har ingen møder tilbage.");

            invite(browser, "+45 •••• ••32", "Torsdagsgruppen");
            assertThat(browser.text(".error-summary")).contains("Personen har afmeldt sms (STOP). Der er ikke sendt nogen invitation.");

            invite(browser, "+45 •••• ••31", null);
            assertThat(browser.text(".error-summary")).contains("Vælg en gruppe.");
            assertThat(browser.find(".error-summary a").getAttribute("href")).endsWith("#" + row(browser, "+45 •••• ••31")
                    .findElement(By.tagName("select")).getAttribute("id"));
        }
        assertThat(sms.sentTo("+4540100031")).as("only the answer to GRUPPE").hasSize(1);
    }

    @Test
    @Order(4)
    void anEntryIsRemovedAfterAQuestion() {
        sms.receive("+4540100041", "GRUPPE");
        try (var browser = signedIn(1280)) {
            browser.go("/groups/interest");
            row(browser, "+45 •••• ••41").findElement(By.cssSelector("td.actions a")).click();
            assertThat(browser.text("main")).contains("Fjern +45 •••• ••41 fra interesselisten?");
            photograph(browser, "interest-remove");
            browser.find("main form a").click();
            assertThat(browser.path()).as("changed their mind").isEqualTo("/groups/interest");
            assertThat(rows(browser, "interest")).anyMatch(r -> r.startsWith("+45 •••• ••41"));

            row(browser, "+45 •••• ••41").findElement(By.cssSelector("td.actions a")).click();
            browser.submit("main form button");

            assertThat(browser.text(".notice")).contains("Personen er fjernet fra listen");
            assertThat(rows(browser, "interest")).noneMatch(r -> r.startsWith("+45 •••• ••41"));
            photograph(browser, "interest-removed");
        }
    }

    private static WebElement row(Browser browser, String masked) {
        return browser.driver().findElement(By.xpath("//tbody/tr[th[normalize-space()='" + masked + "']]"));
    }

    /** Chooses {@code group} (none when null) in the person's row and presses Invite. */
    private static void invite(Browser browser, String masked, String group) {
        var row = row(browser, masked);
        if (group != null) {
            new Select(row.findElement(By.tagName("select"))).selectByVisibleText(group);
        }
        String action = row.findElement(By.tagName("form")).getAttribute("action").replaceFirst("^https?://[^/]+", "");
        browser.submit("form[action='" + action + "'] button");
    }

    private static void addFromCall(String phone, String language) {
        var key = EncryptionKey.fromBase64(TestConfig.ENCRYPTION_KEY);
        var interest = new GroupInterest(new PersonalDataCipher(key), new BlindIndex(key), clock);
        hotline.service().jdbi().useTransaction(tx -> interest.add(tx, PhoneNumber.parse(phone), Language.of(language), "voice"));
    }
}
