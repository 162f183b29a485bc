package uk.frontdoor.infra.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Strategy discussion actions reach the agency the discussion gave them to, against the whole service: the police's
 * system lists the police's action over the partner API (health's does not, and a bad state is a 400 naming it); a
 * police researcher seconded to the MASH sees it on the partner pages with its due date and the child, is refused
 * an empty form with an error summary, records it done, and it moves to the done list and into the child's record
 * as the researcher's. The pages are scanned with axe-core (WCAG 2.2 AA).
 */
class PartnerActionsBrowserTest extends BrowserTestSupport {

    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    private final List<String> violations = new ArrayList<>();

    @Test
    void the_police_see_their_action_over_the_api_and_a_police_researcher_records_it_done() throws Exception {
        String contact = decided("STRATEGY_DISCUSSION");
        String path = "/api/v1/contacts/" + contact;
        LocalDate today = LocalDate.now(ENGLAND);
        String policeCheck = "Check police records " + uniqueName("for");
        HttpResponse<String> held = postJson(path + "/strategy-discussion/record", staff("sw1"), Map.of(
                "heldAt", java.time.Instant.now().truncatedTo(ChronoUnit.MINUTES).toString(), "mode", "VIDEO",
                "outcome", "SECTION_47_ENQUIRY",
                "attendees", List.of(Map.of("name", "DS Example", "agency", "POLICE", "role", "Detective sergeant"),
                        Map.of("name", "Nurse Example", "agency", "HEALTH", "role", "Named nurse")),
                "actions", List.of(
                        Map.of("description", "Visit the child at school", "owner", "sw1", "agency", "SOCIAL_CARE",
                                "dueDate", today.plusDays(1).toString()),
                        Map.of("description", policeCheck, "owner", "DS Example", "agency", "POLICE",
                                "dueDate", today.plusDays(20).toString()))));
        assertThat(held.statusCode()).as(held.body()).isEqualTo(204);

        // The police's system: its action, with the due date and the child; nothing of the record's ids.
        JsonNode listed = await().until(() -> action(bearer(POLICE_KEY), "", policeCheck), found -> found != null);
        assertThat(listed.get("agency").asText()).isEqualTo("POLICE");
        assertThat(listed.get("dueDate").asText()).isEqualTo(today.plusDays(20).toString());
        assertThat(listed.get("owner").asText()).isEqualTo("DS Example");
        assertThat(listed.get("child").get("givenName").asText()).isEqualTo("Sam");
        assertThat(listed.has("childId") || listed.has("contactId")).isFalse();
        String actionId = listed.get("actionId").asText();
        assertThat(action(bearer(HEALTH_KEY), "", policeCheck)).isNull();
        assertThat(action(bearer(POLICE_KEY), "?state=done", policeCheck)).isNull();
        HttpResponse<String> badState = get("/api/v1/partner/strategy-actions?state=later", bearer(POLICE_KEY));
        assertThat(badState.statusCode()).isEqualTo(400);
        assertThat(badState.body()).contains("\"state\"");

        browser.open("/");
        browser.signIn("police1");
        browser.open("/partner-actions");
        assertThat(browser.driver().getTitle()).isEqualTo("Strategy actions for your agency – Front door");
        By row = By.cssSelector("#open-actions tr[data-action-id='" + actionId + "']");
        WebElement open = browser.refreshUntil(row);
        assertThat(open.getText()).contains(policeCheck).contains("Sam").contains("DS Example");
        assertThat(browser.driver().getPageSource()).doesNotContain("Visit the child at school");
        scan("strategy actions");

        browser.find(row).findElement(By.tagName("a")).click();
        assertThat(browser.find(By.id("action-heading")).getText()).isEqualTo(policeCheck);
        // The child as the request page shows it (one fragment): enough to find the child in police systems.
        assertThat(browser.find(By.id("action-child")).getText()).contains("Sam Example").contains("Date of birth")
                .contains("Sex").contains("Male").contains("1 High Street");
        scan("strategy action");
        browser.submit(By.id("record-done"));
        assertThat(browser.errorSummary()).contains("Enter the time the action was done").contains("Enter what was done");
        scan("strategy action with an error");
        // This minute: not before the discussion that agreed it (held this test's first minute), not in the future.
        browser.find(By.id("done-time")).sendKeys(java.time.LocalTime.now(ENGLAND)
                .format(DateTimeFormatter.ofPattern("HH:mm")));
        browser.find(By.id("note")).sendKeys("Nothing held on police systems.");
        browser.submit(By.id("record-done"));
        assertThat(browser.success()).startsWith("Action recorded as done");
        browser.refreshUntil(By.cssSelector("#done-actions tr[data-action-id='" + actionId + "']"));

        // In the child's record as the researcher's, and on the police's done list over the API.
        JsonNode done = await().until(() -> json.readTree(get(path, staff("sw1")).body()).path("work")
                .path("strategyActionsDone"), list -> list.size() == 1);
        assertThat(done.get(0).get("action").asInt()).isEqualTo(2);
        assertThat(done.get(0).get("note").asText()).isEqualTo("Nothing held on police systems.");
        assertThat(done.get(0).get("by").get("userId").asText()).isEqualTo("police1");
        assertThat(await().until(() -> action(bearer(POLICE_KEY), "?state=done", policeCheck), found -> found != null)
                .get("note").asText()).isEqualTo("Nothing held on police systems.");
        assertThat(violations).as("WCAG 2.2 AA violations found by axe-core").isEmpty();

        // Every read of the child's details, by the researcher's pages and the police's system, is in the record
        // of views as managers read it.
        JsonNode views = json.readTree(get("/api/v1/children/" + childOf(contact) + "/views", staff("manager1")).body())
                .get("views");
        List<String> seen = new java.util.ArrayList<>();
        views.forEach(view -> seen.add(view.get("viewedBy").asText() + " " + view.get("role").asText() + " "
                + view.get("what").asText() + " " + view.path("contactId").asText()));
        assertThat(seen).contains("police1 PARTNER_PRACTITIONER partner actions page " + contact,
                "police1 PARTNER_PRACTITIONER partner action page " + contact,
                "demo-police PARTNER_SYSTEM strategy actions (API) " + contact);
    }

    /**
     * The police's system records an action done over the partner API, naming the officer: police researchers see it
     * done by that officer on their done list, and the front door's staff on the contact's strategy discussion page,
     * with the police's system as who recorded it.
     */
    @Test
    void an_action_the_police_system_records_done_shows_who_did_it_on_the_pages() throws Exception {
        String contact = decided("STRATEGY_DISCUSSION");
        String path = "/api/v1/contacts/" + contact;
        LocalDate today = LocalDate.now(ENGLAND);
        String policeCheck = "Check the police national computer " + uniqueName("for");
        HttpResponse<String> held = postJson(path + "/strategy-discussion/record", staff("sw1"), Map.of(
                "heldAt", java.time.Instant.now().truncatedTo(ChronoUnit.MINUTES).toString(), "mode", "VIDEO",
                "outcome", "SECTION_47_ENQUIRY",
                "attendees", List.of(Map.of("name", "DS Example", "agency", "POLICE", "role", "Detective sergeant")),
                "actions", List.of(Map.of("description", policeCheck, "owner", "DS Example", "agency", "POLICE",
                        "dueDate", today.plusDays(20).toString()))));
        assertThat(held.statusCode()).as(held.body()).isEqualTo(204);
        String actionId = await().until(() -> action(bearer(POLICE_KEY), "", policeCheck), found -> found != null)
                .get("actionId").asText();
        HttpResponse<String> done = postJson("/api/v1/partner/strategy-actions/" + actionId + "/done",
                bearer(POLICE_KEY), Map.of("doneAt", java.time.Instant.now().truncatedTo(ChronoUnit.MINUTES).toString(),
                        "note", "PNC checked: nothing held.", "doneBy", "DS Jane Example"));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);

        browser.open("/");
        browser.signIn("police1");
        browser.open("/partner-actions");
        WebElement row = browser.refreshUntil(By.cssSelector("#done-actions tr[data-action-id='" + actionId + "']"));
        assertThat(row.getText()).contains(policeCheck).contains("by DS Jane Example")
                .contains("PNC checked: nothing held.");
        scan("strategy actions done by the police's system");
        browser.signOut();

        browser.signIn("sw1");
        browser.open("/contacts/" + contact);
        assertThat(browser.find(By.id("action-1-state")).getText()).contains("Done")
                .contains("DS Jane Example (demo-police)").contains("PNC checked: nothing held.");
        browser.signOut();

        // The duty board's alert for the action says who did it, as the contact page does.
        String clockId = jdbc.sql("SELECT clock_id FROM timeliness_clocks WHERE contact_id = ? AND type = 'STRATEGY_ACTION'")
                .param(contact).query(String.class).single();
        browser.signIn("manager1");
        browser.open("/board/alerts/" + clockId);
        assertThat(browser.refreshUntil(By.id("alert-done"), text -> text.contains("DS Jane Example")).getText())
                .contains("by DS Jane Example (demo-police)");
        scan("a strategy action's alert, done by the police's system");
        assertThat(violations).as("WCAG 2.2 AA violations found by axe-core").isEmpty();
    }

    /** The action of this description on the caller's list, or null. */
    private JsonNode action(String authorization, String query, String description) throws Exception {
        HttpResponse<String> response = get("/api/v1/partner/strategy-actions" + query, authorization);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return StreamSupport.stream(json.readTree(response.body()).get("actions").spliterator(), false)
                .filter(action -> action.get("description").asText().equals(description))
                .findFirst().orElse(null);
    }

    /** The pages, scanned as {@link AccessibilityScanTest} scans every other page. */
    private void scan(String page) {
        AxeScan.scan(browser.driver(), page, violations);
    }
}
