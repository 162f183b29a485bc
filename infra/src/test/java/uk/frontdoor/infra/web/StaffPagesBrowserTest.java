package uk.frontdoor.infra.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The staff pages in a real browser (headless Chromium) against the whole service on its embedded
 * database and broker: a social worker signs in, finds a contact on the queue, claims it, records
 * consent and proposes a decision; a manager authorises it; refusals show as GOV.UK error summaries.
 */
class StaffPagesBrowserTest extends BrowserTestSupport {

    /** Test contacts are sent by Demo Health about abuse linked to faith or belief (census 23A), which no other test uses, so the filtered queue is short. */
    private static final String QUEUE_FILTER = "/queue?agency=demo-health&category=FAITH_OR_BELIEF";

    @Test
    void a_social_worker_claims_records_consent_and_proposes_and_a_manager_authorises() {
        String contactId = newContact();

        // Signed out, the queue sends the worker to sign in, then back to it.
        browser.open(QUEUE_FILTER);
        browser.find(By.id("username"));
        assertThat(browser.driver().getTitle()).isEqualTo("Sign in – Front door");
        browser.signIn("sw1");
        assertThat(browser.path()).startsWith("/queue");
        assertThat(browser.driver().getTitle()).isEqualTo("Triage queue – Front door");

        // The contact is on the (filtered) queue with its RAG rating and time left; claim it in one click.
        WebElement row = browser.find(By.cssSelector("tr[data-contact-id='" + contactId + "']"));
        assertThat(row.getText()).contains("Unclaimed").containsPattern("Due in|Overdue by");
        browser.submit(By.cssSelector("tr[data-contact-id='" + contactId + "'] button.frontdoor-claim"));

        assertThat(browser.path()).isEqualTo("/contacts/" + contactId);
        assertThat(browser.success()).startsWith("You have claimed this contact");
        // The page waits only a few seconds for the contact's read model; reload until it shows the claim.
        browser.refreshUntil(By.id("held-by"), "You"::equals);
        assertThat(browser.find(By.id("held-by")).getText()).isEqualTo("You");
        // Generic title: the child's name is on the page, never in the title.
        assertThat(browser.driver().getTitle()).isEqualTo("Contact – Front door");
        assertThat(browser.find(By.id("contact-heading")).getText()).isEqualTo("Sam Example");
        assertThat(browser.find(By.id("narrative")).getText()).startsWith("Faith-linked abuse concern");
        assertThat(browser.find(By.id("rules-fired")).getText()).contains("Why it applies");
        assertThat(browser.find(By.id("rule-set")).getText()).contains("version");

        // Consent: not sought, with the reason.
        browser.choose("consent-decision-NOT_SOUGHT");
        browser.find(By.id("consent-reason")).sendKeys("Asking would alert the adult suspected of harm.");
        browser.submit(By.id("record-consent"));
        assertThat(browser.success()).startsWith("Consent recorded");
        browser.refreshUntil(By.id("consent-current"), text -> text.contains("Not sought"));
        assertThat(browser.find(By.id("consent-current")).getText()).contains("Not sought")
                .contains("Asking would alert the adult suspected of harm.");

        // Propose a decision for a manager.
        browser.choose("proposal-outcome-STRATEGY_DISCUSSION");
        browser.find(By.id("proposal-rationale")).sendKeys("Reasonable cause to suspect significant harm.");
        browser.submit(By.id("propose"));
        assertThat(browser.success()).startsWith("Decision proposed");
        browser.refreshUntil(By.id("proposal-summary"));
        assertThat(browser.find(By.id("proposal-summary")).getText()).contains("Strategy discussion (section 47)")
                .contains("sw1");
        // A social worker is not offered the manager's authorisation.
        assertThat(browser.driver().findElements(By.id("authorise"))).isEmpty();

        browser.signOut();
        assertThat(browser.success()).isEqualTo("You have signed out.");
        // Signed out means signed out: the contact page now asks for sign-in again.
        browser.open("/contacts/" + contactId);
        browser.find(By.id("username"));

        // A manager (not the proposer) authorises it.
        browser.signIn("manager1");
        assertThat(browser.path()).startsWith("/contacts/" + contactId);
        browser.submit(By.id("authorise"));
        assertThat(browser.success()).startsWith("Decision authorised");
        browser.refreshUntil(By.id("strategy"));
        assertThat(browser.find(By.id("decision-panel")).getText()).contains("Strategy discussion (section 47)");
        assertThat(browser.find(By.id("authorised-by")).getText()).isEqualTo("manager1 (manager)");
        assertThat(browser.find(By.id("contact-status")).getText()).isEqualTo("Decided");
        // The decision requires a strategy discussion, which the page now offers to convene.
        assertThat(browser.find(By.id("strategy")).getText()).isEqualTo("Strategy discussion");

        // Both workers' views of the child's record were recorded.
        String childId = childOf(contactId);
        assertThat(jdbc.sql("SELECT DISTINCT viewed_by FROM record_views WHERE child_id = ? AND what LIKE ?")
                .params(childId, "contact " + contactId + " (contact page)%").query(String.class).list())
                .containsExactlyInAnyOrder("sw1", "manager1");
    }

    @Test
    void a_page_asked_for_without_signing_in_redirects_to_sign_in_and_the_api_still_answers_401() throws Exception {
        HttpClient noRedirects = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (String page : List.of("/", "/queue", "/contacts/" + java.util.UUID.randomUUID())) {
            HttpResponse<String> response = noRedirects.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + page)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(page).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).as(page).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/sign-in"));
        }
        // The API keeps its own rules: a problem response, not a sign-in page.
        HttpResponse<String> api = get("/api/v1/triage-queue", null);
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));

        // In the browser: the sign-in page, and a wrong password is an error summary linked to the field.
        browser.open("/queue");
        browser.find(By.id("username")).sendKeys("sw1");
        browser.driver().findElement(By.id("password")).sendKeys("not-the-password");
        browser.submit(By.id("sign-in"));
        assertThat(browser.errorSummary()).contains("There is a problem").contains("Enter a correct user name and password");
        assertThat(browser.driver().getTitle()).isEqualTo("Error: Sign in – Front door");
        assertThat(browser.find(By.cssSelector(".govuk-error-summary a")).getDomAttribute("href")).isEqualTo("#username");
    }

    @Test
    void refusals_show_as_an_error_summary_linked_to_the_field() {
        String contactId = newContact();
        browser.open("/sign-in");
        browser.signIn("sw2");
        browser.open(QUEUE_FILTER + "&show=UNCLAIMED");
        By claim = By.cssSelector("tr[data-contact-id='" + contactId + "'] button.frontdoor-claim");
        browser.find(claim);

        // Another worker claims it first (over the API) while the queue is on sw2's screen.
        assertThat(postJson("/api/v1/contacts/" + contactId + "/claim", staff("sw1"), null).statusCode()).isEqualTo(204);
        browser.submit(claim);
        assertThat(browser.path()).startsWith("/queue");
        assertThat(browser.errorSummary()).contains("Another worker holds this contact. Held by sw1.");
        assertThat(browser.driver().getTitle()).isEqualTo("Error: Triage queue – Front door");
        // The filters the worker had chosen are kept.
        assertThat(new Select(browser.find(By.id("category"))).getFirstSelectedOption().getText())
                .isEqualTo("Abuse linked to faith or belief");

        // sw1, who holds it, leaves out the reason consent was not sought: refused, and the summary links to the reason.
        browser.signOut();
        browser.signIn("sw1");
        browser.open("/contacts/" + contactId);
        // The claim went through the API: reload until the contact's read model shows it (the consent form).
        browser.refreshUntil(By.id("record-consent"));
        browser.choose("consent-decision-NOT_SOUGHT");
        browser.submit(By.id("record-consent"));
        assertThat(browser.errorSummary()).contains("Say why consent was not sought.");
        WebElement link = browser.find(By.cssSelector(".govuk-error-summary a[href='#consent-reason']"));
        assertThat(browser.find(By.id("consent-reason-error")).getText()).contains("Say why consent was not sought.");
        // The choice made is kept, so only the missing reason needs adding.
        assertThat(browser.driver().findElement(By.id("consent-decision-NOT_SOUGHT")).isSelected()).isTrue();
        link.click();
        browser.waitFor().until(d -> "consent-reason".equals(d.switchTo().activeElement().getDomAttribute("id")));
    }

    @Test
    void a_partner_check_awaiting_its_reply_shows_a_labelled_reply_form_and_the_reply_is_recorded() throws Exception {
        String contactId = newContact();
        String contact = "/api/v1/contacts/" + contactId;
        postJson(contact + "/claim", staff("sw1"), null);
        HttpResponse<String> checks = postJson(contact + "/partner-checks", staff("sw1"),
                java.util.Map.of("agencies", List.of("POLICE"), "question", "What do you know of the family?"));
        assertThat(checks.statusCode()).isEqualTo(201);
        String checkId = json.readTree(checks.body()).get(0).get("checkId").asText();
        await().until(() -> body(get(contact, staff("sw1"))).toString().contains(checkId));

        browser.open("/sign-in");
        browser.signIn("admin1");
        browser.open("/contacts/" + contactId);
        WebElement reply = browser.find(By.id("reply-" + checkId));
        assertThat(browser.find(By.cssSelector("label[for='reply-" + checkId + "']")).getText())
                .isEqualTo("Reply from Police");
        reply.sendKeys("Two previous call-outs this year.");
        browser.submit(By.xpath("//textarea[@id='reply-" + checkId + "']/ancestor::form//button"));
        assertThat(browser.success()).startsWith("Reply recorded");
        // Once the read model shows the reply, the form for it has gone.
        browser.refreshUntil(By.cssSelector("[data-check-id='" + checkId + "']"),
                text -> text.contains("Two previous call-outs this year."));
        assertThat(browser.driver().findElements(By.id("reply-" + checkId))).isEmpty();
    }

    @Test
    void the_chronology_page_filters_prints_and_exports_csv_and_every_view_is_recorded() throws Exception {
        String contactId = newContact();
        postJson("/api/v1/contacts/" + contactId + "/claim", staff("sw1"), null);
        String childId = childOf(contactId);
        browser.open("/sign-in");
        browser.signIn("sw1");
        browser.open("/contacts/" + contactId);
        browser.find(By.id("chronology-link")).click();
        browser.waitFor().until(d -> browser.path().startsWith("/children/" + childId + "/chronology"));
        // The chronology is a read model of its own, which may not have the child yet (a "Page not found"
        // page) or not yet the claim: reload until it shows both.
        browser.refreshUntil(By.id("chronology-table"),
                text -> text.contains("Contact received") && text.contains("Claimed by sw1"));
        assertThat(browser.driver().getTitle()).isEqualTo("Child chronology – Front door");
        assertThat(browser.find(By.id("chronology-table")).getText())
                .contains("Contact received").contains("Claimed by sw1");
        // Print is offered once script runs; the print stylesheet is linked.
        assertThat(browser.find(By.id("print")).isDisplayed()).isTrue();
        assertThat(browser.driver().findElements(By.cssSelector("link[media='print']"))).hasSize(1);

        // Filter to claims only.
        browser.find(By.cssSelector(".govuk-details__summary")).click();
        browser.choose("type-ContactClaimed");
        browser.submit(By.id("apply-filters"));
        assertThat(browser.path()).contains("type=ContactClaimed");
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#chronology-table tbody tr[data-type]"));
        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row.getDomAttribute("data-type")).isEqualTo("ContactClaimed"));

        // The CSV export, with the browser's session.
        String csvUrl = "http://localhost:" + port + browser.find(By.id("export-csv")).getDomAttribute("href");
        Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
        HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(csvUrl))
                .header("Cookie", "JSESSIONID=" + session.getValue()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"chronology.csv\"");
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body()).startsWith("\uFEFFWhen (England),Record,Contact,Type,Summary,By,Role,Agency")
                .contains("Claimed by sw1").doesNotContain("Contact received from");

        assertThat(jdbc.sql("SELECT what FROM record_views WHERE child_id = ? AND viewed_by = 'sw1' ORDER BY id")
                .param(childId).query(String.class).list())
                .contains("chronology page", "chronology page (types ContactClaimed)",
                        "chronology export (CSV) (types ContactClaimed)");
    }

    @Test
    void an_administrator_opens_a_contact_by_its_reference_but_does_not_see_the_queue() {
        String contactId = newContact();
        browser.open("/sign-in");
        browser.signIn("admin1");
        assertThat(browser.find(By.cssSelector("h1")).getText()).isEqualTo("Open a contact");

        // Whatever is typed is posted, never put in the address: here a name typed by mistake.
        browser.find(By.id("reference")).sendKeys("Sam Example");
        browser.submit(By.id("open-contact"));
        assertThat(browser.errorSummary()).contains("Enter a contact reference in full");
        assertThat(browser.path()).isEqualTo("/");
        browser.find(By.id("reference")).sendKeys(contactId);
        browser.submit(By.id("open-contact"));
        assertThat(browser.path()).isEqualTo("/contacts/" + contactId);
        // Administrators record replies and feedback; they do not claim, and do not see the child's history.
        assertThat(browser.driver().findElements(By.id("claim"))).isEmpty();
        assertThat(browser.driver().findElements(By.id("history"))).isEmpty();

        browser.open("/queue");
        assertThat(browser.find(By.cssSelector("h1")).getText()).isEqualTo("Your role cannot do this");
        browser.open("/children/" + childOf(contactId) + "/chronology");
        assertThat(browser.find(By.cssSelector("h1")).getText()).isEqualTo("Your role cannot do this");
    }

    @Test
    void a_contact_or_child_that_is_not_there_is_a_page_not_found_page() {
        browser.open("/sign-in");
        browser.signIn("sw1");
        for (String path : List.of("/contacts/" + java.util.UUID.randomUUID(), "/contacts/not-an-id",
                "/children/" + java.util.UUID.randomUUID() + "/chronology")) {
            browser.open(path);
            assertThat(browser.find(By.cssSelector("h1")).getText()).as(path).isEqualTo("Page not found");
            assertThat(browser.driver().getTitle()).as(path).isEqualTo("Page not found – Front door");
        }
    }

    /** A contact only these tests make (Demo Health, census factor 23A), assessed and on the queue. */
    private String newContact() {
        ObjectNode submission = submission();
        submission.put("referralSource", "3E");
        ObjectNode concerns = (ObjectNode) submission.get("concerns");
        concerns.putArray("factors").add("23A");
        concerns.put("narrative", "Faith-linked abuse concern raised at A&E.");
        String contactId = contactIdOf(postContact(HEALTH_KEY, submission));
        // Every read model the pages use has it: the queue (assessed, with its RAG rating), its status, its submission.
        await().until(() -> queueItems().stream().anyMatch(item -> contactId.equals(item.get("contactId"))
                && item.get("priority") != null));
        await().until(() -> "ASSESSED".equals(body(get("/api/v1/contacts/" + contactId, staff("sw1"))).get("status")));
        await().until(() -> jdbc.sql("SELECT count(*) FROM contact_submissions WHERE contact_id = ?")
                .param(contactId).query(Long.class).single() == 1);
        return contactId;
    }

}
