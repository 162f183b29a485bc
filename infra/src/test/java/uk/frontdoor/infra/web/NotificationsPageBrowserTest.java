package uk.frontdoor.infra.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The emails page in a real browser: a system manager sees an email the outbox gave up (as a sender records one
 * after the mail server rejected it for good) and sends it again; the service's own sender then delivers it to the
 * embedded mail server, with who sent it again kept on the row. A team manager never sees the page.
 */
class NotificationsPageBrowserTest extends BrowserTestSupport {

    @Test
    void a_system_manager_sends_a_given_up_email_again_and_it_goes() {
        String event = "given-up-" + UUID.randomUUID();
        Timestamp hourAgo = Timestamp.from(Instant.now().minusSeconds(3_600));
        long id = jdbc.sql("""
                        INSERT INTO notification_outbox (event_id, template, recipients, subject, body, created_at,
                                                         next_attempt_at, attempts, rejections, last_error,
                                                         given_up_at, given_up_because)
                        VALUES (?, 'breach', ARRAY['duty-team@example.org'], ?, 'Body', ?, ?, 3, 3,
                                'org.eclipse.angus.mail.smtp.SMTPAddressFailedException', ?, 'REJECTED')
                        RETURNING id""")
                .params(event, "Overdue: " + event, hourAgo, hourAgo, hourAgo)
                .query(Long.class).single();

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
    void a_team_manager_cannot_open_the_emails_page() {
        browser.open("/sign-in");
        browser.signIn("manager1");
        assertThat(browser.driver().findElements(By.id("nav-notifications"))).isEmpty();

        browser.open("/admin/notifications");

        assertThat(browser.find(By.cssSelector("h1")).getText()).isEqualTo("Your role cannot do this");
    }

    private Map<String, Object> outboxRow(String event) {
        return jdbc.sql("SELECT sent_at, retried_by, given_up_at FROM notification_outbox WHERE event_id = ?")
                .param(event).query().singleRow();
    }
}
