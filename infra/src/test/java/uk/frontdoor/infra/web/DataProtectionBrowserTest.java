package uk.frontdoor.infra.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A manager acts on a record's data protection page: a legal hold stops an erasure, and its refusal names the hold;
 * once lifted, one manager records the erasure decision and may not authorise it; a second manager does; the
 * record then reads "erased on ... under ..." and nothing else, on its chronology page too.
 */
class DataProtectionBrowserTest extends CaseworkBrowserTestSupport {

    @Test
    void two_managers_erase_a_record_on_its_page_once_its_legal_hold_is_lifted() {
        ChildIdentity child = ChildIdentity.fresh();
        String contactId = contactIdOf(postContact(POLICE_KEY, aChildOfItsOwn(submission(), child)));
        String childId = (String) awaitQueueItem(contactId).get("childId");
        browser.open("/sign-in");
        browser.signIn("manager1");
        browser.open("/children/" + childId + "/chronology");
        browser.refreshUntil(By.id("data-protection-link")).click();
        assertThat(browser.find(By.id("data-protection-heading")).getText()).isEqualTo("Data protection");

        // A hold, then an erasure decision: refused, naming the hold.
        browser.submit(By.id("place-hold"));
        assertThat(browser.errorSummary()).contains("Select what the hold is for").contains("Say why the record is held");
        browser.choose("hold-kind");
        type("hold-reason", "Care proceedings, case ZW26C00123.");
        browser.submit(By.id("place-hold"));
        assertThat(browser.success()).startsWith("The legal hold is placed");
        String holdId = browser.find(By.cssSelector("#holds tbody tr td")).getText();
        browser.choose("erasure-reason");
        browser.choose("erasure-legal-basis");
        browser.submit(By.id("request-erasure"));
        assertThat(browser.errorSummary()).contains("The record is under legal hold").contains(holdId);

        type("lift-reason", "Final order made.");
        browser.submit(By.cssSelector("#holds button"));
        assertThat(browser.success()).startsWith("The legal hold is lifted");
        browser.choose("erasure-reason");
        browser.choose("erasure-legal-basis");
        type("erasure-reference", "DPO-2026-041");
        browser.submit(By.id("request-erasure"));
        assertThat(browser.success()).startsWith("The erasure is recorded");
        assertThat(browser.find(By.id("pending-erasure")).getText()).contains("manager1");
        assertThat(browser.findAll(By.id("authorise-erasure"))).isEmpty();
        assertThat(browser.find(By.id("own-request")).getText()).contains("another manager must authorise it");
        browser.signOut();

        browser.signIn("manager2");
        browser.open("/data-protection");
        assertThat(browser.find(By.id("pending-erasures")).getText()).contains(childId);
        browser.open("/children/" + childId + "/data-protection");
        browser.submit(By.id("authorise-erasure"));
        assertThat(browser.success()).startsWith("The record is erased");
        assertThat(browser.find(By.id("erased-notice")).getText()).startsWith("Erased on ")
                .contains("under UK GDPR Article 17(1)(a)");

        browser.open("/children/" + childId + "/chronology");
        assertThat(browser.find(By.id("erased-heading")).getText()).isEqualTo("This record has been erased");
        assertThat(browser.driver().getPageSource()).doesNotContain(child.givenName())
                .doesNotContain(child.familyName());
        browser.open("/contacts/" + contactId);
        assertThat(browser.find(By.id("erased-notice")).getText()).startsWith("Erased on ");
    }
}
