package uk.frontdoor.infra.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A manager restricts a contact's record on its page, naming the worker who may still read it; another
 * worker then finds only a placeholder on the contact page and in the queue; the manager lifts it again.
 */
class RestrictedRecordBrowserTest extends CaseworkBrowserTestSupport {

    @Test
    void a_manager_restricts_a_record_on_the_contact_page_and_another_worker_sees_only_a_placeholder() {
        ChildIdentity child = ChildIdentity.fresh();
        String contactId = contactIdOf(postContact(POLICE_KEY, aChildOfItsOwn(submission(), child)));
        String name = child.givenName() + " " + child.familyName();
        browser.open("/sign-in");
        browser.signIn("manager1");
        browser.open("/contacts/" + contactId);
        browser.refreshUntil(By.id("restrict"));
        assertThat(browser.find(By.id("not-restricted")).getText()).contains("Not restricted");

        // Nothing chosen: refused on the page, each problem linked to its field.
        browser.submit(By.id("restrict"));
        assertThat(browser.errorSummary()).contains("Select what to restrict")
                .contains("Select why the record is sensitive").contains("Say why the record is restricted");

        browser.choose("restrict-scope");
        browser.choose("restrict-category");
        type("restrict-staff", "sw2");
        type("restrict-reason", "Prevent referral from the school.");
        browser.submit(By.id("restrict"));
        assertThat(browser.success()).startsWith("The record is restricted");
        assertThat(browser.find(By.id("restriction-0")).getText()).contains("The whole record: Prevent")
                .contains("sw2").contains("manager1");
        browser.signOut();

        // Another worker: the contact page and the queue row say a restricted record is there, and nothing else.
        browser.signIn("sw1");
        browser.open("/contacts/" + contactId);
        assertThat(browser.find(By.id("contact-heading")).getText()).isEqualTo("Restricted record");
        assertThat(browser.driver().getPageSource()).doesNotContain(child.familyName()).doesNotContain("Prevent");
        String row = queueRow(contactId);
        assertThat(row).contains("Restricted record").doesNotContain(child.familyName());
        browser.signOut();

        // The named worker reads it all.
        browser.signIn("sw2");
        browser.open("/contacts/" + contactId);
        assertThat(browser.find(By.id("contact-heading")).getText()).isEqualTo(name);
        assertThat(browser.findAll(By.id("restrict"))).isEmpty();
        browser.signOut();

        // The manager lifts it, with a reason.
        browser.signIn("manager2");
        browser.open("/contacts/" + contactId);
        type("lift-reason-0", "Channel panel closed the case.");
        browser.submit(By.id("lift-0"));
        assertThat(browser.success()).startsWith("The restriction is lifted");
        browser.signOut();
        browser.signIn("sw1");
        browser.open("/contacts/" + contactId);
        assertThat(browser.find(By.id("contact-heading")).getText()).isEqualTo(name);
    }

    /** The contact's row in the queue, on whichever page of it the contact stands, once the queue has it. */
    private String queueRow(String contactId) {
        By row = By.cssSelector("tr[data-contact-id='" + contactId + "']");
        return org.awaitility.Awaitility.await().until(() -> {
            for (int page = 1; page <= 100; page++) {
                browser.open("/queue?page=" + page);
                if (!browser.findAll(row).isEmpty()) {
                    return browser.findAll(row).get(0).getText();
                }
                if (browser.findAll(By.id("queue-table")).isEmpty()) {
                    return null;
                }
            }
            return null;
        }, java.util.Objects::nonNull);
    }
}
