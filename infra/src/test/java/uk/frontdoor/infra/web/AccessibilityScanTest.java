package uk.frontdoor.infra.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import uk.frontdoor.infra.notify.TestOutboxes;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every staff page, scanned in a real browser with Deque's axe-core against the WCAG 2.0, 2.1 and 2.2
 * A and AA rules, at desktop and tablet width, with and without an error summary showing. Any
 * violation fails the test with the rule, its help text and the elements at fault. Automated rules
 * find only part of what WCAG asks (about a third); keyboard use and focus are also exercised by the
 * other browser tests, and the rest needs people.
 */
class AccessibilityScanTest extends CaseworkBrowserTestSupport {


    private final List<String> violations = new ArrayList<>();

    @Test
    void every_staff_page_meets_the_automated_wcag_2_2_aa_rules() throws Exception {
        String contactId = contactWithOpenPartnerCheck();
        String childId = childOf(contactId);
        // Back from missing 80 hours ago (an overdue return home interview) and a possible match of a
        // known child: the contact page shows the duty's and the identity decision's forms.
        String alertContact = possibleMatch(returnedFromMissing(80)).contactId();
        String restrictedContact = contactIdOf(postContact(POLICE_KEY, submission()));
        String conferenceContact = conferenceDue();
        String earlyHelpChild = childOf(decided("EARLY_HELP"));
        await().until(() -> jdbc.sql("SELECT count(*) FROM timeliness_clocks WHERE contact_id = ? AND state = 'BREACHED'")
                .param(alertContact).query(Long.class).single() == 1);
        String alertId = jdbc.sql("SELECT clock_id FROM timeliness_clocks WHERE contact_id = ? AND state = 'BREACHED'")
                .param(alertContact).query(String.class).single();
        // A child to find, under a family name no other test uses.
        String searchedFamily = uniqueName("Scanlon");
        policeContactWithoutNhsNumber("Rosa", searchedFamily, java.time.LocalDate.of(2014, 6, 3), "SL2 4QX");

        browser.open("/sign-in");
        browser.find(By.id("username"));
        scan("sign-in");
        browser.submit(By.id("sign-in"));
        browser.errorSummary();
        scan("sign-in with an error");

        browser.signIn("sw1");
        browser.open("/queue");
        browser.find(By.id("queue-table"));
        scan("queue");
        browser.open("/contacts/" + contactId);
        browser.find(By.id("rules-fired"));
        scan("contact");
        browser.choose("consent-decision-NOT_SOUGHT");
        browser.submit(By.id("record-consent"));
        browser.errorSummary();
        scan("contact with an error");
        browser.open("/children/" + childId + "/chronology");
        // The chronology is a read model nothing above waited for: reload until it has the child.
        browser.refreshUntil(By.id("chronology-table"));
        scan("chronology");
        browser.submit(By.id("link-records"));
        browser.errorSummary();
        scan("chronology with the link form's errors");

        // The record as it stood a moment ago: the as-at banner on the contact and the chronology, and the control's
        // error for a moment in the future.
        String moment = java.time.Instant.now().minusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        browser.open("/contacts/" + contactId + "?asAt=" + moment);
        browser.find(By.id("as-at-banner"));
        scan("contact as at a past moment");
        browser.open("/children/" + childId + "/chronology?asAt=" + moment);
        browser.find(By.id("as-at-banner"));
        scan("chronology as at a past moment");
        browser.open("/children/" + childId + "/chronology?asAt=2999-01-01T00:00:00Z");
        browser.errorSummary();
        scan("chronology with the as-at control's error");

        // Finding a child: the form, its error summary, and results.
        browser.find(By.id("nav-search")).click();
        browser.find(By.id("search-form"));
        scan("find a child");
        browser.submit(By.id("search"));
        browser.errorSummary();
        scan("find a child with an error");
        browser.find(By.id("familyName")).sendKeys(searchedFamily);
        browser.submit(By.id("search"));
        browser.find(By.id("results-table"));
        scan("find a child with results");

        // The casework forms: a possible match and a duty; the initial conference; stepping up from early help.
        browser.open("/contacts/" + alertContact);
        browser.find(By.cssSelector("[data-duty='return-home-interview']"));
        browser.find(By.id("identity"));
        scan("contact with a possible match and a duty");
        browser.submit(By.id("duty-return-home-interview-record"));
        browser.errorSummary();
        scan("contact with the duty form's errors");
        browser.open("/contacts/" + conferenceContact);
        browser.find(By.id("record-conference"));
        scan("contact with the conference form");
        browser.submit(By.id("record-conference"));
        browser.errorSummary();
        scan("contact with the conference form's errors");
        browser.open("/children/" + earlyHelpChild + "/chronology");
        browser.refreshUntil(By.id("step-up"));
        browser.find(By.cssSelector("#step-up-details summary")).click();
        browser.find(By.id("step-up-submit"));
        scan("chronology with the step-up form");
        browser.submit(By.id("step-up-submit"));
        browser.errorSummary();
        scan("chronology with the step-up form's errors");
        // The queue's second page, with the pagination component and a filter kept in its links.
        schoolContactsWaiting(101);
        browser.open("/queue?agency=demo-school&page=2");
        browser.find(By.id("pagination"));
        scan("queue, second page");
        browser.resize(Browser.TABLET);
        browser.open("/queue");
        browser.find(By.id("queue-table"));
        scan("queue at tablet width");
        browser.open("/contacts/" + contactId);
        browser.find(By.id("rules-fired"));
        scan("contact at tablet width");
        browser.resize(Browser.DESKTOP);
        browser.signOut();

        browser.signIn("manager1");
        browser.open("/board");
        browser.waitFor().until(d -> d.findElement(By.id("board-live-status")).getText().startsWith("Live"));
        scan("duty board");
        browser.open("/out-of-hours");
        browser.find(By.id("main-content"));
        scan("out-of-hours queue");
        browser.open("/board/alerts/" + alertId);
        browser.submit(By.id("acknowledge"));
        browser.errorSummary();
        scan("alert with an error");
        browser.open("/performance");
        browser.find(By.id("contacts-table"));
        scan("performance");
        // The practice review pack: its form, the form's errors, and the pack.
        browser.open("/children/" + childId + "/review-pack");
        browser.find(By.id("review-pack-form"));
        scan("review pack form");
        browser.submit(By.id("produce-pack"));
        browser.errorSummary();
        scan("review pack form with errors");
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"));
        browser.open("/children/" + childId + "/review-pack?from=" + today.minusDays(7) + "&to=" + today);
        browser.find(By.id("chronology-table"));
        scan("review pack");
        // Rule-set simulations: the form, its errors, and a simulation's report.
        HttpResponse<String> simulation = postJson("/api/v1/threshold-rules/simulations", staff("manager1"),
                Map.of("ruleSet", "berkshire-threshold", "version", "2023.1", "from", today.toString(), "to", today.toString()));
        String simulationAt = simulation.headers().firstValue("Location").orElseThrow();
        await().until(() -> "DONE".equals(body(get(simulationAt, staff("manager1"))).get("state")));
        browser.open("/rules/simulations");
        browser.find(By.id("simulation-form"));
        scan("rule-set simulations");
        browser.choose("source-DRAFT");
        browser.submit(By.id("start-simulation"));
        browser.errorSummary();
        scan("rule-set simulations with errors");
        browser.open(simulationAt.replace("/api/v1/threshold-rules", "/rules"));
        browser.find(By.id("report-summary"));
        scan("a rule-set simulation's report");
        // A manager's restriction form, and its errors.
        browser.open("/contacts/" + restrictedContact);
        browser.refreshUntil(By.id("restrict"));
        scan("contact with the restriction form");
        browser.submit(By.id("restrict"));
        browser.errorSummary();
        scan("contact with the restriction form's errors");
        browser.signOut();
        assertThat(postJson("/api/v1/children/" + childOf(restrictedContact) + "/restriction", staff("manager1"),
                java.util.Map.of("category", "PREVENT", "reason", "Prevent referral.", "staff", java.util.List.of("sw2")))
                .statusCode()).isEqualTo(204);

        browser.signIn("admin1");
        browser.find(By.id("main-content"));
        scan("administrator's start page");
        // What someone a contact is restricted from gets in its place.
        browser.open("/contacts/" + restrictedContact);
        browser.find(By.id("restricted-notice"));
        scan("a restricted contact's placeholder");
        browser.open("/contacts/new");
        browser.find(By.id("log-contact-submit"));
        scan("log a contact");
        browser.submit(By.id("log-contact-submit"));
        browser.errorSummary();
        scan("log a contact with errors");
        browser.resize(Browser.TABLET);
        scan("log a contact with errors at tablet width");
        browser.resize(Browser.DESKTOP);
        browser.signOut();

        browser.signIn("sysadmin1");
        browser.open("/admin/projections");
        browser.find(By.id("projections-table"));
        scan("projections");
        browser.open("/admin/projections/triage-queue/rebuild");
        browser.find(By.id("main-content"));
        scan("rebuild confirmation");
        long givenUp = TestOutboxes.givenUp(jdbc, "axe-" + UUID.randomUUID(),
                "duty-managers", "duty-old@example.org");
        browser.open("/admin/notifications");
        browser.find(By.id("given-up-table"));
        scan("emails");
        browser.open("/admin/notifications/" + givenUp + "/dismiss");
        browser.submit(By.id("dismiss"));
        browser.errorSummary();
        scan("dismiss an email, with errors");

        assertThat(violations).as("WCAG 2.2 AA violations found by axe-core").isEmpty();

        // The scan does find faults: an image without a text alternative, put into the page, is one.
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "const img = document.createElement('img'); img.src = '/assets/images/favicon.ico';"
                        + "document.getElementById('main-content').appendChild(img);");
        scan("control: a page with an unlabelled image");
        assertThat(violations).singleElement().asString().contains("image-alt");
    }

    private void scan(String page) {
        AxeScan.scan(browser.driver(), page, violations);
    }

    private String contactWithOpenPartnerCheck() throws Exception {
        String contactId = contactIdOf(postContact(HEALTH_KEY, sentBy(HEALTH_KEY, submission())));
        awaitQueueItem(contactId);
        String contact = "/api/v1/contacts/" + contactId;
        assertThat(postJson(contact + "/claim", staff("sw1"), null).statusCode()).isEqualTo(204);
        HttpResponse<String> checks = postJson(contact + "/partner-checks", staff("sw1"),
                Map.of("agencies", List.of("POLICE"), "question", "What do you know of the family?"));
        assertThat(checks.statusCode()).isEqualTo(201);
        String checkId = json.readTree(checks.body()).get(0).get("checkId").asText();
        await().until(() -> body(get(contact, staff("sw1"))).toString().contains(checkId));
        await().until(() -> jdbc.sql("SELECT count(*) FROM contact_submissions WHERE contact_id = ?")
                .param(contactId).query(Long.class).single() == 1);
        return contactId;
    }
}
