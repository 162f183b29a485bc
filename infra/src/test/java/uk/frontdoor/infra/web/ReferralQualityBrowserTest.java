package uk.frontdoor.infra.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Referral quality in a real browser against the whole service: a police researcher seconded to the MASH sees how
 * the police's referrals fared, with what they lacked in the referral standard's words; a mistyped month is
 * refused with an error summary; a manager sees every agency side by side on the scorecard, which the researcher
 * may not open; an education officer of one school sees that school's own figures, as its system reads them over the
 * partner API, not every school's. The pages are scanned with axe-core (WCAG 2.2 AA).
 */
class ReferralQualityBrowserTest extends BrowserTestSupport {


    private final List<String> violations = new ArrayList<>();

    @Test
    void a_police_researcher_sees_the_polices_referrals_and_a_manager_every_agencys() {
        // A police referral that does not say what the officers did.
        ObjectNode lacking = submission();
        lacking.remove("actionsTaken");
        String contact = contactIdOf(postContact(POLICE_KEY, lacking));
        await().until(() -> json.readTree(get("/api/v1/contacts/" + contact, staff("sw1")).body())
                .path("work").has("completeness"));

        browser.open("/");
        browser.signIn("police1");
        browser.open("/referral-quality");
        assertThat(browser.driver().getTitle()).isEqualTo("Your referrals – Front door");
        assertThat(browser.find(By.className("govuk-caption-l")).getText()).isEqualTo("Police");
        WebElement gap = browser.refreshUntil(By.cssSelector("#gaps tr[data-element='ACTIONS_TAKEN']"));
        assertThat(gap.getText()).contains("What the referrer has already done about the concern");
        assertThat(browser.find(By.id("months")).getText()).contains("Average completeness");
        scan("your referrals");

        browser.find(By.id("from")).sendKeys("2026-13");
        browser.submit(By.id("show-period"));
        assertThat(browser.errorSummary()).contains("Enter the first month as year-month");
        scan("your referrals with an error");

        // The scorecard is the managers'.
        browser.open("/referral-scorecard");
        assertThat(browser.driver().getTitle()).doesNotContain("Referral scorecard");
        browser.open("/referral-quality");
        browser.signOut();

        browser.open("/");
        browser.signIn("manager1");
        browser.open("/referral-scorecard");
        assertThat(browser.driver().getTitle()).isEqualTo("Referral scorecard – Front door");
        WebElement police = browser.refreshUntil(By.cssSelector("#scorecard tr[data-agency='demo-police']"));
        assertThat(police.getText()).contains("Police").containsPattern("\\d+(\\.\\d)?%");
        // Its commonest gaps (three at most), in the standard's words, each a share of the police's contacts scored.
        List<WebElement> gaps = police.findElements(By.cssSelector("li"));
        assertThat(gaps).isNotEmpty().hasSizeLessThanOrEqualTo(3)
                .allSatisfy(item -> assertThat(item.getText()).matches(".+: \\d+ of \\d+ \\(\\d+(\\.\\d)?%\\)"));
        scan("referral scorecard");
        assertThat(violations).as("WCAG 2.2 AA violations found by axe-core").isEmpty();
    }

    /**
     * school1 belongs to demo-school: "Your referrals" shows demo-school's months, the figures its system reads with
     * its own key, not the whole of education's (an academy's contact counts for education1, not for school1).
     */
    @Test
    void partner_staff_of_one_school_see_that_schools_figures_not_every_schools() throws Exception {
        String school = contactIdOf(postContact(SCHOOL_KEY, sentBy(SCHOOL_KEY, submission())));
        String academy = contactIdOf(postContact("dev-key-academy", submission().put("referralSource", "2A")));
        for (String contact : List.of(school, academy)) {
            await().until(() -> json.readTree(get("/api/v1/contacts/" + contact, staff("sw1")).body())
                    .path("work").has("completeness"));
        }
        awaitUpToDate("performance");

        browser.open("/");
        browser.signIn("school1");
        browser.open("/referral-quality");
        assertThat(browser.find(By.id("whose")).getText()).isEqualTo("demo-school");
        long schools = contactsOnThePage();
        scan("one school's referrals");
        browser.signOut();
        browser.signIn("education1");
        browser.open("/referral-quality");
        assertThat(browser.find(By.id("whose")).getText()).isEqualTo("Schools and education");
        long educations = contactsOnThePage();
        browser.signOut();

        var api = json.readTree(get("/api/v1/partner/referral-quality", bearer(SCHOOL_KEY)).body());
        long schoolsOverApi = 0;
        for (var month : api.get("months")) {
            schoolsOverApi += month.get("contacts").asLong();
        }
        assertThat(schools).isEqualTo(schoolsOverApi).isPositive();
        assertThat(educations).as("every school's, the academy's included").isGreaterThan(schools);
        assertThat(violations).as("WCAG 2.2 AA violations found by axe-core").isEmpty();
    }

    /** The contacts of every month the page shows. */
    private long contactsOnThePage() {
        return browser.find(By.id("months")).findElements(By.cssSelector("tbody tr")).stream()
                .mapToLong(row -> Long.parseLong(row.findElements(By.tagName("td")).get(0).getText().strip()))
                .sum();
    }

    /** The pages, scanned as {@link AccessibilityScanTest} scans every other page. */
    private void scan(String page) {
        AxeScan.scan(browser.driver(), page, violations);
    }
}
