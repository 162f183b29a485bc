package uk.frontdoor.infra.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import uk.frontdoor.infra.IntegrationTestSupport;
import uk.frontdoor.infra.web.Browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Saves a PNG of each staff page, at desktop width and the queue and contact page at tablet width,
 * into {@code docs/screenshots/} for the README. Every person in them is fictional (the demo feed's
 * cast and the police example). Not part of the normal build; run it on its own:
 *
 * <pre>./mvnw -o -q test -pl infra -am -Dtest=StaffPagesScreenshots -Dsurefire.failIfNoSpecifiedTests=false -Dfrontdoor.screenshots=true</pre>
 */
@EnabledIfSystemProperty(named = "frontdoor.screenshots", matches = "true")
class StaffPagesScreenshots extends IntegrationTestSupport {

    private static final Path DIRECTORY = Path.of(System.getProperty("frontdoor.screenshots.dir", "../docs/screenshots"));
    private static final Map<String, String> KEYS = Map.of("demo-police", POLICE_KEY, "demo-school", SCHOOL_KEY,
            "demo-health", HEALTH_KEY);

    @Test
    void save_a_screenshot_of_each_page() throws Exception {
        // A morning's queue from the demo feed's fictional cast.
        DemoContacts demo = new DemoContacts(2026, Clock.systemUTC());
        for (int i = 0; i < 14; i++) {
            DemoContacts.Submission submission = demo.next();
            assertThat(postContact(KEYS.get(submission.agency()), submission.body()).statusCode()).isEqualTo(202);
        }
        // A child known before: an earlier contact, decided as early help, then today's.
        ObjectNode earlier = submission();
        String nhsNumber = earlier.get("child").get("nhsNumber").asText();
        String first = contactIdOf(postContact(POLICE_KEY, earlier));
        awaitStatus(first, "ASSESSED");
        String api = "/api/v1/contacts/" + first;
        postJson(api + "/claim", staff("sw2"), null);
        postJson(api + "/consent", staff("sw2"), Map.of("decision", "GIVEN"));
        postJson(api + "/proposal", staff("sw2"), Map.of("outcome", "ASSESSMENT",
                "rationale", "Repeat incidents; the family agree to an assessment."));
        postJson(api + "/proposal/authorise", staff("manager2"), null);

        ObjectNode today = submission();
        ((ObjectNode) today.get("child")).put("nhsNumber", nhsNumber);
        ((ObjectNode) today.get("concerns")).putArray("indicators").add("CHILD_PRESENT").add("REPEAT_INCIDENT");
        String contactId = contactIdOf(postContact(POLICE_KEY, today));
        awaitStatus(contactId, "ASSESSED");
        String work = "/api/v1/contacts/" + contactId;
        postJson(work + "/claim", staff("sw1"), null);
        postJson(work + "/consent", staff("sw1"), Map.of("decision", "NOT_SOUGHT",
                "reason", "Asking would alert the adult suspected of harm."));
        postJson(work + "/partner-checks", staff("sw1"), Map.of("agencies", List.of("HEALTH", "EDUCATION"),
                "question", "What do you know of the family?"));
        await().until(() -> queueItems().stream().filter(item -> item.get("priority") != null).count() >= 10);

        Files.createDirectories(DIRECTORY);
        try (Browser browser = new Browser(port, Browser.DESKTOP)) {
            browser.open("/sign-in");
            browser.find(By.id("username"));
            browser.screenshot(DIRECTORY.resolve("sign-in.png"), 900);

            browser.signIn("sw1");
            browser.open("/queue");
            browser.find(By.id("queue-table"));
            browser.screenshot(DIRECTORY.resolve("queue.png"), 2200);

            browser.open("/contacts/" + contactId);
            await().untilAsserted(() -> {
                browser.driver().navigate().refresh();
                assertThat(browser.find(By.id("checks")).isDisplayed()).isTrue();
                assertThat(browser.driver().findElements(By.cssSelector("[data-check-id]"))).hasSize(2);
                assertThat(browser.driver().findElements(By.cssSelector("#history-table tbody tr"))).isNotEmpty();
            });
            browser.screenshot(DIRECTORY.resolve("contact.png"), 4200);

            browser.find(By.id("chronology-link")).click();
            browser.find(By.id("chronology-table"));
            browser.screenshot(DIRECTORY.resolve("chronology.png"), 2200);

            browser.resize(Browser.TABLET);
            browser.open("/queue");
            browser.find(By.id("queue-table"));
            browser.screenshot(DIRECTORY.resolve("queue-tablet.png"), 2400);
            browser.open("/contacts/" + contactId);
            browser.find(By.id("summary-list"));
            browser.screenshot(DIRECTORY.resolve("contact-tablet.png"), 2400);

            // A manager's performance figures for the week so far (the contacts above were received today).
            browser.resize(Browser.DESKTOP);
            browser.signOut();
            browser.signIn("manager2");
            java.time.LocalDate day = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"));
            browser.open("/performance?from=" + day.minusDays(13) + "&to=" + day);
            browser.find(By.id("contacts-table"));
            browser.screenshot(DIRECTORY.resolve("performance.png"), 4000);

            // The duty manager's board: sw1's proposal waits for a manager; two children back from missing,
            // one return home interview overdue and one nearly due.
            String waiting = contactIdOf(postContact(SCHOOL_KEY, sentBy(SCHOOL_KEY, submission())));
            awaitStatus(waiting, "ASSESSED");
            String proposal = "/api/v1/contacts/" + waiting;
            postJson(proposal + "/claim", staff("sw2"), null);
            postJson(proposal + "/consent", staff("sw2"), Map.of("decision", "GIVEN"));
            assertThat(postJson(proposal + "/proposal", staff("sw2"), Map.of("outcome", "EARLY_HELP",
                    "rationale", "Needs met by a family support worker.")).statusCode()).isEqualTo(204);
            for (int hoursAgo : new int[]{80, 60}) {
                ObjectNode returned = submission();
                ((ObjectNode) returned.get("concerns")).putArray("indicators").add("RETURNED_FROM_MISSING");
                returned.put("awareSince", java.time.Instant.now().minus(java.time.Duration.ofHours(hoursAgo))
                        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
                postContact(POLICE_KEY, returned);
            }
            await().until(() -> jdbc.sql("SELECT count(*) FROM timeliness_clocks WHERE type = 'RETURN_HOME_INTERVIEW' "
                    + "AND state IN ('WARNING', 'BREACHED')").query(Long.class).single() >= 2);
            browser.open("/board");
            browser.waitFor().until(d -> d.findElement(By.id("board-live-status")).getText().startsWith("Live"));
            browser.find(By.cssSelector("#proposals tr"));
            browser.screenshot(DIRECTORY.resolve("board.png"), 2400);

            browser.resize(Browser.DESKTOP);
            browser.signOut();
            browser.signIn("sysadmin1");
            browser.open("/admin/projections");
            browser.find(By.id("projections-table"));
            browser.screenshot(DIRECTORY.resolve("projections.png"), 1600);
        }
    }

}
