package uk.frontdoor.infra.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import uk.frontdoor.infra.notify.TestOutboxes;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The emails page in a real browser: a system manager sees an email the outbox gave up (as a sender records one
 * after the mail server rejected it for good) and sends it again; the service's own sender then delivers it to the
 * embedded mail server, with who sent it again kept on the row. Another, that nobody will send, is dismissed with a
 * reason, which the page insists on. A team manager never sees the page.
 */
class NotificationsPageBrowserTest extends BrowserTestSupport {

    @Test
    void a_system_manager_sends_a_given_up_email_again_and_it_goes() {
        String event = "given-up-" + UUID.randomUUID();
        long id = TestOutboxes.givenUp(jdbc, event, null, "duty-team@example.org");

        browser.open("/sign-in");
        browser.signIn("sysadmin1");
        browser.find(By.id("nav-notifications")).click();
        assertThat(browser.path()).isEqualTo("/admin/notifications");
        assertThat(browser.driver().getTitle()).isEqualTo("Emails – Front door");
        assertThat(Long.parseLong(browser.find(By.id("backlog-given-up")).getText())).isGreaterThanOrEqualTo(1);
        String row = browser.find(By.cssSelector("tr[data-email='" + id + "']")).getText();
        assertThat(row).contains("breach", "duty-team@example.org", "rejected by the mail server")
                .doesNotContain("Overdue", "Exception");

        browser.submit(By.id("retry-" + id));

        assertThat(browser.path()).isEqualTo("/admin/notifications");
        assertThat(browser.success()).isEqualTo("Email " + id + " will be sent again now.");
        assertThat(browser.driver().findElements(By.cssSelector("tr[data-email='" + id + "']"))).isEmpty();
        await().until(() -> outboxRow(event).get("sent_at") != null);
        assertThat(outboxRow(event)).containsEntry("retried_by", "sysadmin1").containsEntry("given_up_at", null);
    }

    @Test
    void a_system_manager_dismisses_a_given_up_email_giving_a_reason_and_it_leaves_the_list() {
        String event = "dismissed-" + UUID.randomUUID();
        long id = TestOutboxes.givenUp(jdbc, event, "agency:HOUSING", "housing-old@example.org");

        browser.open("/sign-in");
        browser.signIn("sysadmin1");
        browser.open("/admin/notifications");
        browser.find(By.id("dismiss-" + id)).click();
        assertThat(browser.path()).isEqualTo("/admin/notifications/" + id + "/dismiss");
        assertThat(browser.find(By.id("email-summary")).getText()).contains("breach", "housing-old@example.org")
                .doesNotContain("Overdue");

        // No reason: refused, naming the field, and nothing recorded.
        browser.submit(By.id("dismiss"));
        assertThat(browser.path()).isEqualTo("/admin/notifications/" + id + "/dismiss");
        assertThat(browser.errorSummary()).contains("Say why the email will not be sent");
        assertThat(outboxRow(event)).containsEntry("dismissed_at", null);

        browser.find(By.id("reason")).sendKeys("The housing officer was phoned instead");
        browser.submit(By.id("dismiss"));

        assertThat(browser.path()).isEqualTo("/admin/notifications");
        assertThat(browser.success()).isEqualTo("Email " + id + " is dismissed: it will not be sent.");
        assertThat(browser.driver().findElements(By.cssSelector("tr[data-email='" + id + "']"))).isEmpty();
        Map<String, Object> row = outboxRow(event);
        assertThat(row).containsEntry("dismissed_by", "sysadmin1")
                .containsEntry("dismissed_because", "The housing officer was phoned instead")
                .containsEntry("sent_at", null);
        assertThat(row.get("dismissed_at")).isNotNull();

        // Dismissed is not waiting: its page sends the manager back with why.
        browser.open("/admin/notifications/" + id + "/dismiss");
        assertThat(browser.path()).isEqualTo("/admin/notifications");
        assertThat(browser.errorSummary()).contains("Email " + id + " is sent, still being tried, or dismissed");
    }

    @Test
    void a_team_manager_cannot_open_the_emails_page() {
        browser.open("/sign-in");
        browser.signIn("manager1");
        assertThat(browser.driver().findElements(By.id("nav-notifications"))).isEmpty();

        browser.open("/admin/notifications");

        assertThat(browser.find(By.cssSelector("h1")).getText()).isEqualTo("Your role cannot do this");
    }

    private Map<String, Object> outboxRow(String event) {
        return jdbc.sql("""
                        SELECT sent_at, retried_by, given_up_at, dismissed_by, dismissed_at, dismissed_because
                        FROM notification_outbox WHERE event_id = ?""")
                .param(event).query().singleRow();
    }
}
