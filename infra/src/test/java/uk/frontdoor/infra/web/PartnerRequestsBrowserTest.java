package uk.frontdoor.infra.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A police researcher seconded to the MASH answers a partner check on the partner pages, in a real browser against
 * the whole service: the request is listed for police, with the child to search by; an empty answer is refused
 * with an error summary; the answer lands in the child's record as the researcher's, and the request leaves the
 * list. The researcher sees nothing else of the front door. The pages are scanned with axe-core (WCAG 2.2 AA).
 */
class PartnerRequestsBrowserTest extends BrowserTestSupport {


    private final List<String> violations = new ArrayList<>();

    @Test
    void a_police_researcher_answers_a_request_on_its_page() throws Exception {
        String contact = contactIdOf(postContact(POLICE_KEY, submission()));
        String contactPath = "/api/v1/contacts/" + contact;
        await().until(() -> postJson(contactPath + "/claim", staff("sw1"), null).statusCode() == 204);
        HttpResponse<String> asked = postJson(contactPath + "/partner-checks", staff("sw1"),
                Map.of("agencies", List.of("POLICE"), "question", "Any call-outs to the family home?"));
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
        String requestId = json.readTree(asked.body()).get(0).get("checkId").asText();

        browser.open("/");
        browser.signIn("police1");
        // Partner staff start at their agency's requests.
        assertThat(browser.path()).isEqualTo("/partner-requests");
        assertThat(browser.driver().getTitle()).isEqualTo("Requests to your agency – Front door");
        By row = By.cssSelector("tr[data-request-id='" + requestId + "']");
        WebElement listed = browser.refreshUntil(row);
        assertThat(listed.getText()).contains("Sam").contains("Example");
        scan("partner requests");

        browser.find(row).findElement(By.tagName("a")).click();
        assertThat(browser.driver().getTitle()).isEqualTo("Request to your agency – Front door");
        assertThat(browser.find(By.id("request-question")).getText()).isEqualTo("Any call-outs to the family home?");
        assertThat(browser.find(By.id("request-child")).getText()).contains("Sam Example").contains("Date of birth")
                .contains("Sex").contains("Male").contains("1 High Street");
        assertThat(browser.find(By.id("request-household")).getText()).contains("Alex Example");
        scan("partner request");

        browser.submit(By.id("send-answer"));
        assertThat(browser.errorSummary()).contains("Select what your agency found");
        scan("partner request with an error");
        browser.choose("answer");
        browser.submit(By.id("send-answer"));
        assertThat(browser.errorSummary()).contains("Enter the information your agency holds");
        browser.choose("answer");
        browser.find(By.id("information")).sendKeys("Two call-outs for domestic abuse this year.");
        browser.submit(By.id("send-answer"));
        assertThat(browser.success()).startsWith("Answer sent");
        assertThat(browser.path()).isEqualTo("/partner-requests");
        browser.waitFor().until(d -> {
            d.navigate().refresh();
            return d.findElements(row).isEmpty();
        });

        // In the record as the researcher's answer for police, on the partner pages.
        var check = await().until(() -> json.readTree(get(contactPath, staff("sw1")).body())
                .get("work").get("partnerChecks").get(0), it -> it.has("answer"));
        assertThat(check.get("answer").asText()).isEqualTo("INFORMATION_FOUND");
        assertThat(check.get("reply").asText()).isEqualTo("Two call-outs for domestic abuse this year.");
        assertThat(check.get("answeredBy").get("userId").asText()).isEqualTo("police1");
        assertThat(check.get("answeredBy").get("channel").asText()).isEqualTo("STAFF");

        // Nothing else of the front door: not the queue, not the contact.
        browser.open("/queue");
        assertThat(browser.driver().getPageSource()).doesNotContain("Triage queue");
        browser.open("/contacts/" + contact);
        assertThat(browser.driver().getPageSource()).doesNotContain("Sam");
        // A request answered, or sent to another agency, is not found.
        browser.open("/partner-requests/" + requestId);
        assertThat(browser.driver().getTitle()).doesNotContain("Request to your agency");
        // ... but it is in the agency's answered requests: how, by whom and when, not what was shared.
        browser.open("/partner-requests/answered");
        assertThat(browser.driver().getTitle()).isEqualTo("Answered requests – Front door");
        WebElement past = browser.refreshUntil(By.cssSelector("#past-requests tr[data-request-id='" + requestId + "']"));
        assertThat(past.getText()).contains("Sam").contains("Information found").contains("by police1")
                .doesNotContain("Two call-outs");
        scan("answered requests");
        assertThat(violations).as("WCAG 2.2 AA violations found by axe-core").isEmpty();

        // Each page that showed the child's details is in the record of views, as managers read it.
        var views = json.readTree(get("/api/v1/children/" + childOf(contact) + "/views", staff("manager1")).body())
                .get("views");
        List<String> byResearcher = new ArrayList<>();
        views.forEach(view -> {
            if (view.get("viewedBy").asText().equals("police1")) {
                assertThat(view.get("role").asText()).isEqualTo("PARTNER_PRACTITIONER");
                assertThat(view.get("contactId").asText()).isEqualTo(contact);
                byResearcher.add(view.get("what").asText());
            }
        });
        assertThat(byResearcher).contains("partner checks page", "partner check page", "answered partner checks page");
    }

    /** The partner pages, scanned as {@link AccessibilityScanTest} scans every other page. */
    private void scan(String page) {
        AxeScan.scan(browser.driver(), page, violations);
    }
}
