package uk.frontdoor.infra.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The duty manager's board in a real browser against the whole service: an alert raised by the
 * child's stream appears on an open board without a reload (Server-Sent Events), a manager
 * acknowledges it, and when the duty is done it leaves the open board, again without a reload.
 */
class DutyBoardBrowserTest extends BrowserTestSupport {

    @Test
    void the_board_shows_a_breach_live_and_a_manager_acknowledges_it_then_it_closes_live() {
        browser.open("/board?team=MISSING");
        browser.signIn("manager1");
        assertThat(browser.driver().getTitle()).isEqualTo("Duty board – Front door");
        browser.waitFor().until(d -> d.findElement(By.id("board-live-status")).getText().startsWith("Live"));
        long breachedBefore = count("count-breached");
        markPage();

        // A child back from missing 80 hours ago: the return home interview (72 hours) is already overdue.
        String contactId = returnedFromMissing(80);
        By row = By.xpath("//tbody[@id='alert-rows']/tr[.//a[@href='/contacts/" + contactId + "']]");
        WebElement alert = browser.waitFor().until(d -> d.findElements(row).stream().findFirst().orElse(null));
        assertThat(alert.getText()).contains("Breached").contains("New").contains("Return home interview")
                .contains("Overdue by").contains("Not yet handled");
        assertThat(alert.getText()).doesNotContain("Sam").doesNotContain("Example");
        assertThat(count("count-breached")).isEqualTo(breachedBefore + 1);
        assertThat(browser.find(By.id("board-announcements")).getDomProperty("textContent"))
                .startsWith("New breach: Return home interview");
        assertPageNotReloaded();

        // Open it: an empty note is refused with an error summary, then acknowledged with a note.
        alert.findElement(By.linkText("Return home interview")).click();
        assertThat(browser.driver().getTitle()).isEqualTo("Alert – Front door");
        browser.submit(By.id("acknowledge"));
        assertThat(browser.errorSummary()).contains("Enter what is being done about this alert");
        browser.find(By.id("acknowledge-note")).sendKeys("Police asked to arrange the interview today.");
        browser.submit(By.id("acknowledge"));
        assertThat(browser.success()).startsWith("Alert acknowledged");
        // The page waits only a few seconds for the board's read model; reload until it shows the change.
        browser.refreshUntil(By.id("alert-acknowledged"), text -> text.contains("manager1"));
        assertThat(browser.find(By.id("alert-acknowledged")).getText()).contains("manager1")
                .contains("Police asked to arrange the interview today.");
        browser.find(By.id("assignee")).sendKeys("sw2");
        browser.submit(By.id("assign"));
        assertThat(browser.success()).startsWith("Alert assigned");
        browser.refreshUntil(By.id("alert-assigned"), "sw2"::equals);
        assertThat(browser.find(By.id("alert-assigned")).getText()).isEqualTo("sw2");

        browser.open("/board?team=MISSING");
        browser.waitFor().until(d -> d.findElement(By.id("board-live-status")).getText().startsWith("Live"));
        assertThat(browser.find(row).getText()).contains("Acknowledged by manager1").contains("Assigned to sw2");
        long breachedNow = count("count-breached");
        markPage();

        // The interview is recorded as done (through the API, as another worker would): the row goes.
        assertThat(postJson("/api/v1/contacts/" + contactId + "/duties/return-home-interview", staff("sw2"),
                Map.of("doneAt", Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString(),
                        "note", "Interview held")).statusCode()).isEqualTo(204);
        browser.waitFor().until(d -> d.findElements(row).isEmpty());
        assertThat(count("count-breached")).isEqualTo(breachedNow - 1);
        assertThat(browser.find(By.id("board-announcements")).getDomProperty("textContent"))
                .startsWith("Alert closed, duty done: Return home interview");
        assertPageNotReloaded();
    }

    @Test
    void the_board_shows_queue_health_and_proposals_awaiting_authorisation_and_is_for_managers_only() {
        ObjectNode submission = submission();
        String contactId = contactIdOf(postContact(SCHOOL_KEY, sentBy(SCHOOL_KEY, submission)));
        awaitQueueItem(contactId);
        String contact = "/api/v1/contacts/" + contactId;
        assertThat(postJson(contact + "/claim", staff("sw1"), null).statusCode()).isEqualTo(204);
        assertThat(postJson(contact + "/consent", staff("sw1"), Map.of("decision", "GIVEN")).statusCode()).isEqualTo(204);
        assertThat(postJson(contact + "/proposal", staff("sw1"), Map.of("outcome", "EARLY_HELP",
                "rationale", "Needs met by a family support worker.")).statusCode()).isEqualTo(204);
        await().until(() -> jdbc.sql("SELECT count(*) FROM triage_queue WHERE contact_id = ? AND status = 'PROPOSED'")
                .param(contactId).query(Long.class).single() == 1);
        // Queue health is counted from the whole queue: let every earlier contact reach it before the count below.
        awaitUpToDate("triage-queue");

        browser.open("/board");
        browser.signIn("manager2");
        WebElement proposal = browser.find(By.cssSelector("#proposals tr[data-contact-id='" + contactId + "']"));
        assertThat(proposal.getText()).contains("Early help").contains("sw1")
                .contains("Contact " + contactId.substring(0, 8));
        long waiting = jdbc.sql("SELECT count(*) FROM triage_queue WHERE status <> 'DECIDED'").query(Long.class).single();
        assertThat(browser.find(By.id("health-summary")).getText()).startsWith(waiting + " contacts waiting");
        assertThat(browser.find(By.id("queue-health")).getText()).contains("Under 4 hours").contains("Over 3 days");
        // The link opens the contact, where a manager authorises it.
        proposal.findElement(By.tagName("a")).click();
        assertThat(browser.path()).isEqualTo("/contacts/" + contactId);
        // The contact page reads the contact's own read model, not the queue the wait above watched.
        browser.refreshUntil(By.id("authorise"));
        assertThat(browser.find(By.id("authorise")).isDisplayed()).isTrue();

        // A social worker has no board: not in the navigation, and refused at the address.
        browser.signOut();
        browser.signIn("sw1");
        assertThat(browser.driver().findElements(By.linkText("Duty board"))).isEmpty();
        browser.open("/board");
        assertThat(browser.driver().getPageSource()).doesNotContain("Duty manager's board");
        assertThat(get("/board", null).statusCode()).isIn(200, 302);
    }

    private String returnedFromMissing(int hoursAgo) {
        ObjectNode returned = submission();
        ((ObjectNode) returned.get("concerns")).putArray("indicators").add("RETURNED_FROM_MISSING");
        returned.put("awareSince", Instant.now().minus(hoursAgo, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)
                .toString());
        return contactIdOf(postContact(POLICE_KEY, returned));
    }

    private long count(String id) {
        return Long.parseLong(browser.find(By.id(id)).getText().trim());
    }

    /** A mark on the page's window, gone if the page reloads. */
    private void markPage() {
        ((JavascriptExecutor) browser.driver()).executeScript("window.frontdoorMark = 'same page';");
    }

    private void assertPageNotReloaded() {
        assertThat(((JavascriptExecutor) browser.driver()).executeScript("return window.frontdoorMark;"))
                .isEqualTo("same page");
    }
}
