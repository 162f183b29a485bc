package uk.frontdoor.infra.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The managers' performance page in a real browser: a manager reaches it from the navigation and sees
 * figures, charts and their tables for a period that includes a decision made in the test; a bad date
 * is a GOV.UK error summary; the page reflows at tablet width; a social worker can neither see the link
 * nor open the page.
 */
class PerformanceBrowserTest extends BrowserTestSupport {

    @Test
    void a_manager_sees_the_figures_with_charts_and_tables_and_a_bad_date_is_an_error_summary() {
        decidedContact();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        String period = "/performance?from=" + today.minusDays(6) + "&to=" + today;

        browser.open("/sign-in");
        browser.signIn("manager1");
        browser.find(By.id("nav-performance")).click();
        assertThat(browser.path()).isEqualTo("/performance");
        assertThat(browser.driver().getTitle()).isEqualTo("Performance – Front door");
        assertThat(browser.find(By.cssSelector("h1")).getText()).isEqualTo("Performance");

        browser.open(period);
        assertThat(Long.parseLong(browser.find(By.id("figure-contacts")).getText())).isGreaterThanOrEqualTo(1);
        assertThat(browser.find(By.id("figure-conversion")).getText()).matches("\\d+(\\.\\d)?% \\(\\d+ of \\d+\\)");
        assertThat(browser.driver().findElements(By.cssSelector("#contacts-table tbody tr"))).isNotEmpty();
        assertThat(browser.find(By.id("workers-table")).getText()).contains("sw1");
        // Every chart is an image with a name and a description in words.
        var charts = browser.driver().findElements(By.cssSelector("svg[role='img']"));
        assertThat(charts).hasSizeGreaterThanOrEqualTo(4);
        charts.forEach(chart -> assertThat(chart.getDomAttribute("aria-labelledby")).endsWith("-desc"));
        assertThat(browser.driver().findElement(By.cssSelector("#conversion-chart desc")).getDomProperty("textContent"))
                .contains("Contacts decided as referrals each week");

        // At tablet width the page reflows: nothing wider than the window but the tables' own scroll regions.
        browser.resize(Browser.TABLET);
        browser.open(period);
        browser.find(By.id("figure-contacts"));
        Object overflow = ((JavascriptExecutor) browser.driver()).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).longValue()).isLessThanOrEqualTo(0);
        browser.resize(Browser.DESKTOP);

        browser.open("/performance?from=2026-02-30&to=" + today);
        assertThat(browser.errorSummary()).contains("Enter the start date as a real date");
        assertThat(browser.driver().getTitle()).isEqualTo("Error: Performance – Front door");
        assertThat(browser.driver().findElements(By.id("figure-contacts"))).isEmpty();
    }

    @Test
    void a_social_worker_has_no_link_and_cannot_open_the_page() {
        browser.open("/sign-in");
        browser.signIn("sw1");
        browser.open("/queue");
        browser.find(By.id("navigation"));
        assertThat(browser.driver().findElements(By.id("nav-performance"))).isEmpty();
        browser.open("/performance");
        assertThat(browser.find(By.cssSelector("h1")).getText()).isEqualTo("Your role cannot do this");
    }

    /** A contact sw1 proposes and a manager authorises today, so the period has a decision by sw1. */
    private void decidedContact() {
        String contactId = contactIdOf(postContact(POLICE_KEY, submission()));
        String contact = "/api/v1/contacts/" + contactId;
        assertThat(postJson(contact + "/claim", staff("sw1"), null).statusCode()).isEqualTo(204);
        assertThat(postJson(contact + "/consent", staff("sw1"), Map.of("decision", "GIVEN")).statusCode()).isEqualTo(204);
        assertThat(postJson(contact + "/proposal", staff("sw1"), Map.of("outcome", "ASSESSMENT",
                "rationale", "Repeat incidents.")).statusCode()).isEqualTo(204);
        assertThat(postJson(contact + "/proposal/authorise", staff("manager2"), Map.of("reason", "Agreed."))
                .statusCode()).isEqualTo(204);
        // This contact's decision, not any earlier one by sw1, has reached the performance read model.
        org.awaitility.Awaitility.await().until(() -> jdbc.sql(
                        "SELECT count(*) FROM performance_contacts WHERE contact_id = ? AND proposed_by = 'sw1'")
                .param(contactId).query(Long.class).single() > 0);
    }
}
