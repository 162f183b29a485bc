package uk.frontdoor.infra.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projection pages in a real browser at tablet width (768 px): a system manager rebuilds a
 * projection through the confirmation page and watches the status page (refreshed by its script)
 * reach 100 % and up to date; they never see the queue or a contact, and a team manager never sees
 * the projections.
 */
class ProjectionAdminBrowserTest extends BrowserTestSupport {

    private static final String PROJECTION = "contact-submissions";

    @Override
    protected org.openqa.selenium.Dimension windowSize() {
        return Browser.TABLET;
    }

    @Test
    void a_system_manager_rebuilds_a_projection_and_sees_it_reach_100_percent() {
        String contactId = contactIdOf(postContact(POLICE_KEY, submission()));

        browser.open("/");
        browser.signIn("sysadmin1");
        assertThat(browser.path()).isEqualTo("/admin/projections");
        assertThat(browser.driver().getTitle()).isEqualTo("Projections – Front door");
        assertThat(browser.find(By.id("nav-projections")).getAttribute("aria-current")).isEqualTo("page");
        assertThat(browser.driver().findElements(By.linkText("Triage queue"))).isEmpty();
        assertThat(browser.driver().findElements(By.linkText("Open a contact"))).isEmpty();
        assertThat(browser.find(By.cssSelector("tr[data-projection='" + PROJECTION + "']")).getText())
                .containsPattern("Up to date|Catching up");
        assertNoSidewaysScroll();

        browser.find(By.id("rebuild-" + PROJECTION)).click();
        browser.find(By.id("confirm-rebuild"));
        assertThat(browser.path()).isEqualTo("/admin/projections/" + PROJECTION + "/rebuild");
        assertThat(browser.find(By.cssSelector("h1")).getText()).isEqualTo("Are you sure you want to rebuild this projection?");
        assertThat(browser.find(By.cssSelector(".govuk-warning-text")).getText()).contains("partial data");
        browser.submit(By.id("confirm-rebuild"));

        assertThat(browser.path()).isEqualTo("/admin/projections/" + PROJECTION);
        assertThat(browser.success()).isEqualTo("Rebuild started.");
        assertThat(browser.find(By.cssSelector("label[for='rebuild-progress']")).getText()).isEqualTo("Rebuild progress");
        assertThat(browser.find(By.id("refresh")).getAttribute("href")).endsWith("/admin/projections/" + PROJECTION);
        // The page's own script polls the progress and updates the page in place: no reload here.
        browser.waitFor().until(d -> browser.find(By.id("projection-state")).getText().equals("Up to date")
                && browser.find(By.id("rebuild-progress-text")).getText().startsWith("100%"));
        assertThat(browser.find(By.id("rebuild-progress")).getAttribute("value")).isEqualTo("100");
        assertThat(browser.find(By.id("refresh-note")).isDisplayed()).isTrue();
        assertThat(browser.find(By.id("projection-summary")).getText()).contains("by sysadmin1");
        assertNoSidewaysScroll();

        browser.open("/admin/projections");
        assertThat(browser.find(By.cssSelector("tr[data-projection='" + PROJECTION + "']")).getText())
                .contains("sysadmin1");

        // Nothing about children for a system manager.
        browser.open("/queue");
        assertThat(browser.find(By.cssSelector("h1")).getText()).isEqualTo("Your role cannot do this");
        browser.open("/contacts/" + contactId);
        assertThat(browser.find(By.cssSelector("h1")).getText()).isEqualTo("Your role cannot do this");
    }

    @Test
    void a_team_manager_cannot_open_the_projections() {
        browser.open("/sign-in");
        browser.signIn("manager1");
        assertThat(browser.driver().findElements(By.id("nav-projections"))).isEmpty();

        browser.open("/admin/projections");

        assertThat(browser.find(By.cssSelector("h1")).getText()).isEqualTo("Your role cannot do this");
    }

    private void assertNoSidewaysScroll() {
        Object overflow = ((JavascriptExecutor) browser.driver()).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).longValue()).isLessThanOrEqualTo(0);
    }
}
