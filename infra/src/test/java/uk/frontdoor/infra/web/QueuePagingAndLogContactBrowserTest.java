package uk.frontdoor.infra.web;

import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import uk.frontdoor.infra.dataprotection.StoredEvents;
import uk.frontdoor.triage.api.ContactReceived;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import uk.frontdoor.infra.IntegrationTestSupport;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Working the queue in a real browser against the whole service: a social worker pages through a queue
 * longer than one page, the filter kept in every page link; an administrator logs a contact phoned in on
 * the GOV.UK form instead of hand-written JSON: one mistake first (the intake's own words for it, the
 * error summary linking to the field, what was typed kept), then corrected, and lands on the new contact.
 */
class QueuePagingAndLogContactBrowserTest extends CaseworkBrowserTestSupport {

    @Autowired
    @Qualifier("eventSerializer")
    private Serializer eventSerializer;

    @Test
    void a_social_worker_pages_to_page_two_of_the_queue_and_the_filter_stays() {
        long school = schoolContactsWaiting(101);
        browser.open("/sign-in");
        browser.signIn("sw1");
        browser.open("/queue?agency=demo-school");
        assertThat(browser.find(By.id("matching")).getText())
                .isEqualTo(String.format(java.util.Locale.UK, "Showing 1 to 100 of %,d matching contacts.", school));
        Set<String> firstPage = contactsShown();
        assertThat(firstPage).hasSize(100);
        assertThat(browser.find(By.id("pagination-page-1")).getDomAttribute("aria-current")).isEqualTo("page");
        assertThat(browser.driver().findElements(By.id("pagination-previous"))).isEmpty();

        WebElement next = browser.find(By.id("pagination-next"));
        assertThat(next.getDomAttribute("href")).isEqualTo("/queue?agency=demo-school&page=2");
        browser.submit(By.id("pagination-next"));
        assertThat(browser.path()).isEqualTo("/queue?agency=demo-school&page=2");
        assertThat(browser.find(By.id("matching")).getText()).startsWith("Showing 101 to ");
        assertThat(browser.find(By.id("pagination-page-2")).getDomAttribute("aria-current")).isEqualTo("page");
        assertThat(browser.find(By.id("pagination-previous")).getDomAttribute("href")).isEqualTo("/queue?agency=demo-school");
        // The filter is still applied, and page two holds none of page one's contacts.
        assertThat(new Select(browser.find(By.id("agency"))).getFirstSelectedOption().getDomAttribute("value"))
                .isEqualTo("demo-school");
        Set<String> secondPage = contactsShown();
        assertThat(secondPage).isNotEmpty().doesNotContainAnyElementsOf(firstPage);
        assertThat(browser.find(By.id("queue-table")).getText()).doesNotContain("demo-police");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_page_found_by_a_cursor_shows_the_contacts_after_it_and_a_cursor_that_is_not_one_is_ignored() {
        schoolContactsWaiting(101);
        // The API's second page of 100, and the cursor after its first page's last contact.
        Map<String, Object> firstPage = body(get("/api/v1/triage-queue?limit=100", staff("sw1")));
        String after = ((String) firstPage.get("next")).replaceAll(".*after=", "");
        assertThat(apiPage("page=2")).isNotEmpty();

        browser.open("/sign-in");
        browser.signIn("sw1");
        // The queue is shared with the other tests' contacts, whose work may still move it: each page is compared
        // with the API's answer to the same question at the same moment, again until one look finds them alike.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Set<Object> byCursor = apiPage("after=" + after);
            browser.open("/queue?page=2&after=" + after);
            assertThat(browser.find(By.id("matching")).getText()).startsWith("Showing 101 to ");
            assertThat(contactsShown()).isEqualTo(byCursor);
        });
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Set<Object> byNumber = apiPage("page=2");
            browser.open("/queue?page=2&after=not-a-cursor");
            assertThat(contactsShown()).as("the page by its number").isEqualTo(byNumber);
        });
    }

    /** The contacts of a page of 100 of the API's queue. */
    @SuppressWarnings("unchecked")
    private Set<Object> apiPage(String which) {
        return ((List<Map<String, Object>>) body(get("/api/v1/triage-queue?limit=100&" + which, staff("sw1")))
                .get("items")).stream().map(item -> item.get("contactId")).collect(Collectors.toSet());
    }

    @Test
    void an_administrator_logs_a_phoned_in_contact_on_the_form_and_lands_on_it() {
        // Letters only, and unique to this run, so the child is new.
        // (A UUID's letters a to f were used: one clean-clone run's UUID held five, too few for the name.)
        String givenName = uniqueName("Phoned");
        browser.open("/sign-in");
        browser.signIn("admin1");
        browser.find(By.id("nav-log-contact")).click();
        browser.waitFor().until(d -> browser.path().equals("/contacts/new"));

        browser.choose(inputId("referral-source", "3A"));
        type("referrer-name", "Dr A. Example");
        type("referrer-role", "GP");
        type("referrer-phone", "01753 000001");
        type("child-given", givenName);
        type("child-family", "Example");
        type("child-dob-day", "4");
        type("child-dob-month", "5");
        type("child-dob-year", "2016");
        browser.choose(inputId("child-sex", "FEMALE"));
        // The check digit is wrong: the one mistake.
        type("child-nhs", "943 476 5918");
        type("child-address-line1", "1 High Street");
        type("child-address-town", "Slough");
        type("child-address-postcode", "sl1 1aa");
        new Select(browser.find(By.id("household-0-relationship"))).selectByValue("MOTHER");
        type("household-0-given", "Alex");
        browser.choose(inputId("concerns-factors", "16A"));
        type("concerns-narrative", "The GP phoned: the child came to surgery hungry and unwashed, third time this term.");
        typeMoment("aware-since", "aware-since-time", Instant.now().minus(3, ChronoUnit.HOURS));
        browser.choose(inputId("immediate-risk", "NO"));
        browser.choose(inputId("consent-status", "GIVEN"));
        browser.submit(By.id("log-contact-submit"));

        // The intake's own words for the rule, as the API gives them for child.nhsNumber.
        assertThat(browser.errorSummary()).contains("NHS number is not a valid NHS number (check digit)");
        assertThat(browser.driver().getTitle()).isEqualTo("Error: Log a contact – Front door");
        assertThat(browser.driver().findElements(By.cssSelector(".govuk-error-summary__list li"))).hasSize(1);
        WebElement link = browser.find(By.cssSelector(".govuk-error-summary a"));
        assertThat(link.getDomAttribute("href")).isEqualTo("#child-nhs");
        link.click();
        browser.waitFor().until(d -> "child-nhs".equals(d.switchTo().activeElement().getDomAttribute("id")));
        assertThat(browser.find(By.id("child-nhs-error")).getText()).contains("is not a valid NHS number (check digit)");
        // What was typed is kept, nothing had to be typed again.
        assertThat(browser.find(By.id("child-given")).getDomProperty("value")).isEqualTo(givenName);
        assertThat(browser.find(By.id("concerns-narrative")).getDomProperty("value")).startsWith("The GP phoned");
        assertThat(browser.driver().findElement(By.id(inputId("concerns-factors", "16A"))).isSelected()).isTrue();
        assertThat(new Select(browser.find(By.id("household-0-relationship"))).getFirstSelectedOption()
                .getDomAttribute("value")).isEqualTo("MOTHER");
        assertThat(browser.find(By.id("aware-since-day")).getDomProperty("value")).isNotEmpty();

        String nhsNumber = IntegrationTestSupport.freshNhsNumber();
        type("child-nhs", nhsNumber);
        browser.submit(By.id("log-contact-submit"));
        assertThat(browser.path()).matches("/contacts/[0-9a-f-]{36}");
        assertThat(browser.success()).startsWith("Contact logged");
        String contactId = browser.path().substring("/contacts/".length());

        // Stored as the API stores a contact staff log: on the STAFF channel, under the council, by admin1.
        Map<String, Object> status = awaitStatus(contactId, "ASSESSED");
        assertThat(status.get("submissionId").toString()).startsWith("STAFF-");
        assertThat(jdbc.sql("SELECT agency FROM contact_registry WHERE contact_id = ?").param(contactId)
                .query(String.class).single()).isEqualTo("demo-council");
        String stored = jdbc.sql("SELECT convert_from(payload, 'UTF8') FROM domainevententry "
                        + "WHERE payloadtype = 'uk.frontdoor.triage.api.ContactReceived' AND convert_from(payload, 'UTF8') LIKE ?")
                .param("%" + contactId + "%").query(String.class).single();
        // The child's details are stored encrypted with the child's key; the service reads them back.
        assertThat(stored).doesNotContain(nhsNumber);
        JsonNode received = StoredEvents.opened(eventSerializer, ContactReceived.class.getName(), "3", stored);
        assertThat(received.path("channel").asText()).isEqualTo("STAFF");
        assertThat(received.path("loggedBy").path("userId").asText()).isEqualTo("admin1");
        JsonNode child = received.path("submission").path("child");
        assertThat(child.path("nhsNumber").asText()).isEqualTo(nhsNumber);
        assertThat(child.path("address").path("postcode").asText()).isEqualTo("SL1 1AA");
        assertThat(child.path("dateOfBirth").asText()).isEqualTo("2016-05-04");
        assertThat(received.path("submission").path("household").get(0).path("relationship").asText()).isEqualTo("MOTHER");
        assertThat(received.path("submission").path("referralSource").asText()).isEqualTo("3A");
    }

    @Test
    void the_form_and_the_api_refuse_the_same_mistake_in_the_same_words() {
        var submission = submission();
        ((com.fasterxml.jackson.databind.node.ObjectNode) submission.get("child")).put("nhsNumber", "9434765918");
        HttpResponse<String> api = postJson("/api/v1/contacts", staff("admin1"), submission);
        assertThat(api.statusCode()).isEqualTo(400);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) body(api).get("errors");
        assertThat(errors).singleElement().satisfies(error -> assertThat(error)
                .containsEntry("field", "child.nhsNumber")
                .containsEntry("problem", "is not a valid NHS number (check digit)"));
        // An empty form: every required field named, each linking to its own field.
        browser.open("/sign-in");
        browser.signIn("admin1");
        browser.open("/contacts/new");
        browser.submit(By.id("log-contact-submit"));
        String summary = browser.errorSummary();
        assertThat(summary).contains("Referral source is required").contains("Sex is required")
                .contains("Immediate risk is required");
        Set<String> links = browser.driver().findElements(By.cssSelector(".govuk-error-summary a")).stream()
                .map(a -> a.getDomAttribute("href")).collect(Collectors.toSet());
        assertThat(links).contains("#referral-source", "#child-sex", "#concerns-factors", "#concerns-narrative",
                "#aware-since-day", "#consent-status", "#immediate-risk");
        for (String href : links) {
            assertThat(browser.driver().findElements(By.id(href.substring(1)))).as(href).isNotEmpty();
        }
    }

    /** The id of a radio's or checkbox's option: the first option's is the group's own id. */
    private String inputId(String name, String value) {
        // The Design System leaves the native input transparent: found in the page, not as a visible element.
        return browser.waitFor().until(d -> d.findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']")))
                .getDomAttribute("id");
    }

    private Set<String> contactsShown() {
        return browser.driver().findElements(By.cssSelector("#queue-table tr[data-contact-id]")).stream()
                .map(row -> row.getDomAttribute("data-contact-id")).collect(Collectors.toSet());
    }
}
