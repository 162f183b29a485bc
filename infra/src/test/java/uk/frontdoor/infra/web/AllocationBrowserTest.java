package uk.frontdoor.infra.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A manager allocates a decided contact to a worker on the contact page (a mistyped worker refused on the page
 * first), and the worker finds it on their My work page, with the manager's note.
 */
class AllocationBrowserTest extends CaseworkBrowserTestSupport {

    @Test
    void a_manager_allocates_a_decided_contact_and_the_worker_finds_it_in_my_work() {
        String contactId = decided("ASSESSMENT");
        browser.open("/sign-in");
        browser.signIn("manager1");
        browser.open("/contacts/" + contactId);
        browser.refreshUntil(By.id("allocate"));
        assertThat(browser.find(By.id("not-allocated")).getText()).isEqualTo("Not allocated.");

        // Nothing chosen: each problem on the page, linked to its field.
        browser.submit(By.id("allocate"));
        assertThat(browser.errorSummary()).contains("Select the work to allocate").contains("Enter the team")
                .contains("Enter the worker's sign-in name");

        // A worker the front door does not know: refused, naming the worker field.
        browser.choose("allocate-work");
        type("allocate-team", "mash");
        type("allocate-worker", "sw9");
        browser.submit(By.id("allocate"));
        assertThat(browser.errorSummary()).contains("No such member of staff");
        assertThat(browser.findAll(By.cssSelector(".govuk-error-summary a[href='#allocate-worker']"))).hasSize(1);

        browser.choose("allocate-work");
        type("allocate-team", "mash");
        type("allocate-worker", "sw2");
        type("allocate-note", "Visit within five working days.");
        browser.submit(By.id("allocate"));
        assertThat(browser.success()).startsWith("The work is allocated");
        assertThat(browser.find(By.id("allocation-CONTACT")).getText()).contains("sw2, team mash")
                .contains("Allocated by manager1").contains("Visit within five working days.");
        browser.signOut();

        browser.signIn("sw2");
        browser.open("/my-work");
        String row = browser.find(By.id("work-" + contactId + "-CONTACT")).getText();
        assertThat(row).contains("Contact").contains(contactId).contains("mash").contains("manager1")
                .contains("Visit within five working days.");
        browser.find(By.linkText(contactId)).click();
        assertThat(browser.driver().getCurrentUrl()).endsWith("/contacts/" + contactId);
        browser.signOut();

        browser.signIn("sw1");
        browser.open("/my-work");
        assertThat(browser.findAll(By.id("work-" + contactId + "-CONTACT"))).isEmpty();
    }
}
