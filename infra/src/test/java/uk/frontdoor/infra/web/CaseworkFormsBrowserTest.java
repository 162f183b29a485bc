package uk.frontdoor.infra.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The casework that once needed the raw API, done on the pages in a real browser against the whole
 * service: deciding a possible match, recording a duty the rules raised as done, recording the
 * initial child protection conference, linking two records of one child, and stepping a child up
 * from early help. Each form is first refused (an error summary linked to the field, what was typed
 * kept), then accepted, and the page shows the result once its read model has it.
 */
class CaseworkFormsBrowserTest extends CaseworkBrowserTestSupport {

    @Test
    void a_possible_match_is_confirmed_on_the_contact_page_and_the_records_are_linked() {
        PossibleMatch match = possibleMatch(submission());
        String prefix = "identity-" + match.knownChildId() + "-";
        browser.open("/sign-in");
        browser.signIn("sw1");
        browser.open("/contacts/" + match.contactId());
        assertThat(browser.find(By.cssSelector("[data-candidate='" + match.knownChildId() + "'] h3")).getText())
                .isEqualTo("Known record " + match.knownChildId().substring(0, 8));
        assertThat(browser.find(By.id(prefix + "chronology")).getDomAttribute("href"))
                .isEqualTo("/children/" + match.knownChildId() + "/chronology");

        // Neither answer nor reason: both are asked for, each linked to its field.
        browser.submit(By.id(prefix + "resolve"));
        assertThat(browser.errorSummary()).contains("Select whether this is the same child")
                .contains("Enter how the match was confirmed or ruled out");
        assertThat(browser.driver().getTitle()).isEqualTo("Error: Contact – Front door");
        assertThat(browser.find(By.cssSelector(".govuk-error-summary a[href='#" + prefix + "reason']")).isDisplayed())
                .isTrue();
        assertThat(browser.find(By.id(prefix + "same-error")).getText()).contains("Select whether this is the same child");

        browser.choose(prefix + "same");
        browser.find(By.id(prefix + "reason")).sendKeys("Same school, GP and mother, confirmed by phone.");
        browser.submit(By.id(prefix + "resolve"));
        assertThat(browser.success()).startsWith("Match confirmed: the two records are linked");
        browser.refreshUntil(By.id("identity-resolutions"), text -> text.contains("the same child, records linked"));
        assertThat(browser.find(By.id("identity-resolutions")).getText())
                .contains("Record " + match.knownChildId().substring(0, 8)).contains("by sw1")
                .contains("Same school, GP and mother, confirmed by phone.");
        assertThat(browser.driver().findElements(By.id(prefix + "resolve"))).isEmpty();

        // The new record's chronology now names the known record as linked, and shows its history.
        browser.open("/children/" + match.childId() + "/chronology");
        browser.refreshUntil(By.id("linked-records"), text -> text.contains(match.knownChildId()));
        assertThat(browser.find(By.id("chronology-table")).getText()).contains("Linked record");
    }

    @Test
    void a_duty_the_rules_raised_is_recorded_as_done_and_its_alert_closes() {
        // A child back from missing 80 hours ago: the return home interview (72 hours) is overdue.
        String contactId = contactIdOf(postContact(POLICE_KEY, returnedFromMissing(80)));
        String alertId = await().until(() -> jdbc.sql("""
                        SELECT clock_id FROM timeliness_clocks
                        WHERE contact_id = ? AND type = 'RETURN_HOME_INTERVIEW' AND state = 'BREACHED'""")
                .param(contactId).query(String.class).optional().orElse(null), id -> id != null);
        String duty = "duty-return-home-interview-";

        browser.open("/sign-in");
        browser.signIn("manager1");
        browser.open("/contacts/" + contactId);
        assertThat(browser.find(By.cssSelector("[data-duty='return-home-interview']")).getText())
                .contains("Return home interview").contains("Breached").contains("Overdue by");

        // Done tomorrow is not done: refused, and what was typed is kept.
        typeMoment(duty + "done", duty + "time", Instant.now().plus(1, ChronoUnit.DAYS));
        browser.find(By.id(duty + "note")).sendKeys("Interview held by the independent provider.");
        browser.submit(By.id(duty + "record"));
        assertThat(browser.errorSummary()).contains("The date and time the return home interview was done must be in the past");
        assertThat(browser.find(By.cssSelector(".govuk-error-summary a")).getDomAttribute("href"))
                .isEqualTo("#" + duty + "done-day");
        assertThat(browser.find(By.id(duty + "note")).getDomProperty("value"))
                .isEqualTo("Interview held by the independent provider.");

        typeMoment(duty + "done", duty + "time", Instant.now().minus(1, ChronoUnit.HOURS));
        browser.submit(By.id(duty + "record"));
        assertThat(browser.success()).startsWith("Return home interview recorded as done");
        browser.refreshUntil(By.id("duties-done"), text -> text.contains("recorded by manager1"));
        assertThat(browser.find(By.id("duties-done")).getText()).contains("Return home interview, done")
                .contains("Interview held by the independent provider.");
        assertThat(browser.driver().findElements(By.cssSelector("[data-duty='return-home-interview']"))).isEmpty();

        // Its alert has closed: off the board, and its own page says so.
        browser.open("/board/alerts/" + alertId);
        browser.refreshUntil(By.id("alert-closed"));
        assertThat(browser.find(By.id("alert-state")).getText()).isEqualTo("Done");
    }

    @Test
    void the_initial_conference_is_recorded_in_the_strategy_discussion_section() {
        String contactId = conferenceDue();
        browser.open("/sign-in");
        browser.signIn("sw1");
        browser.open("/contacts/" + contactId);
        assertThat(browser.find(By.id("conference-due")).getText()).startsWith("Due").contains("Due in");

        browser.submit(By.id("record-conference"));
        assertThat(browser.errorSummary()).contains("Enter the date the conference was held")
                .contains("Enter the time the conference was held").contains("Select the outcome of the conference");
        assertThat(browser.find(By.cssSelector(".govuk-error-summary a[href='#conference-outcome']")).isDisplayed())
                .isTrue();

        // Held this minute: the form takes minutes, and a conference cannot be held before its contact arrived.
        typeMoment("conference-held", "conference-held-time", Instant.now());
        browser.choose("conference-outcome");
        browser.find(By.id("conference-summary")).sendKeys("Child protection plan under the category of neglect.");
        browser.submit(By.id("record-conference"));
        assertThat(browser.success()).startsWith("Initial child protection conference recorded");
        browser.refreshUntil(By.id("conference-record"), text -> text.contains("Child protection plan"));
        assertThat(browser.find(By.id("conference-record")).getText()).contains("sw1")
                .contains("Child protection plan under the category of neglect.");
        assertThat(browser.driver().findElements(By.id("record-conference"))).isEmpty();
    }

    @Test
    void another_record_of_the_same_child_is_linked_from_the_chronology_and_every_view_of_it_is_recorded() {
        String childId = childOf(contactIdOf(postContact(POLICE_KEY, submission())));
        String otherChild = childOf(contactIdOf(postContact(SCHOOL_KEY, sentBy(SCHOOL_KEY, submission()))));
        browser.open("/sign-in");
        browser.signIn("sw2");
        browser.open("/children/" + childId + "/chronology");
        // The chronology is a read model of its own: a "Page not found" until it has the child.
        browser.refreshUntil(By.id("link-records"));

        // The record's own reference: the domain refuses it, and the summary links to the field.
        browser.find(By.id("link-other")).sendKeys(childId);
        browser.find(By.id("link-reason")).sendKeys("Same NHS number found on both.");
        browser.submit(By.id("link-records"));
        assertThat(browser.errorSummary()).contains("A record cannot be linked to itself.");
        assertThat(browser.find(By.cssSelector(".govuk-error-summary a")).getDomAttribute("href")).isEqualTo("#link-other");
        assertThat(browser.find(By.id("link-reason")).getDomProperty("value")).isEqualTo("Same NHS number found on both.");

        // A well-formed reference that is nobody's.
        type("link-other", UUID.randomUUID().toString());
        browser.submit(By.id("link-records"));
        assertThat(browser.errorSummary()).contains("No child's record has that reference");

        type("link-other", otherChild);
        browser.submit(By.id("link-records"));
        assertThat(browser.success()).startsWith("Records linked");
        browser.refreshUntil(By.id("linked-records"), text -> text.contains(otherChild));
        assertThat(browser.find(By.id("chronology-table")).getText()).contains("Record linked").contains("Linked record");
        assertThat(jdbc.sql("SELECT count(*) FROM record_views WHERE child_id = ? AND viewed_by = 'sw2' AND what LIKE ?")
                .params(otherChild, "chronology page via linked record " + childId).query(Long.class).single())
                .isPositive();
    }

    @Test
    void a_wrong_link_is_undone_from_the_chronology_with_a_reason_and_both_records_say_so() {
        String childId = childOf(contactIdOf(postContact(POLICE_KEY, submission())));
        String otherChild = childOf(contactIdOf(postContact(SCHOOL_KEY, sentBy(SCHOOL_KEY, submission()))));
        assertThat(postJson("/api/v1/children/" + childId + "/links", staff("sw1"),
                Map.of("otherChildId", otherChild, "reason", "Thought to be the same child")).statusCode())
                .isEqualTo(204);
        browser.open("/sign-in");
        browser.signIn("sw2");
        browser.open("/children/" + childId + "/chronology");
        browser.refreshUntil(By.id("unlink-records"));

        // No reason: refused before anything is sent, the summary links to the field.
        browser.submit(By.id("unlink-records"));
        assertThat(browser.errorSummary()).contains("Enter why the records are not the same child");
        assertThat(browser.find(By.cssSelector(".govuk-error-summary a")).getDomAttribute("href"))
                .isEqualTo("#unlink-reason");

        type("unlink-reason", "Different dates of birth on the GP record.");
        browser.submit(By.id("unlink-records"));
        assertThat(browser.success()).startsWith("Link undone");
        browser.refreshUntil(By.id("chronology-table"), text -> text.contains("Link with record " + otherChild));
        assertThat(browser.findAll(By.id("linked-records"))).isEmpty();
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM domainevententry WHERE payloadtype = 'uk.frontdoor.triage.api.ChildRecordUnlinked'
                        AND aggregateidentifier IN (?, ?)""")
                .params(childId, otherChild).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void a_child_whose_latest_decision_was_early_help_is_stepped_up_from_the_chronology() {
        String childId = childOf(decided("EARLY_HELP"));
        browser.open("/sign-in");
        browser.signIn("sw1");
        browser.open("/children/" + childId + "/chronology");
        // Offered once the chronology has the decision.
        browser.refreshUntil(By.id("step-up"));
        browser.find(By.cssSelector("#step-up-details summary")).click();

        browser.submit(By.id("step-up-submit"));
        assertThat(browser.errorSummary()).contains("Enter what early help did and found")
                .contains("Enter why early help is no longer enough")
                .contains("Select the factors of the concern, or No factors identified")
                .contains("Select whether the child is at immediate risk");
        assertThat(browser.driver().getTitle()).isEqualTo("Error: Child chronology – Front door");

        // The census rule: "no factors identified" stands alone. What was typed and ticked is kept.
        browser.find(By.id("step-up-summary")).sendKeys("Six weeks of family support; no change at home.");
        browser.find(By.id("step-up-reason")).sendKeys("Neglect worsening despite support.");
        browser.choose("step-up-factors-21");
        browser.choose("step-up-factors-16A");
        browser.choose("step-up-indicators-NEGLECT_SEVERE");
        browser.choose("step-up-risk-NO");
        browser.submit(By.id("step-up-submit"));
        assertThat(browser.errorSummary()).contains("No factors identified cannot be selected with other factors");
        assertThat(browser.find(By.id("step-up-summary")).getDomProperty("value"))
                .isEqualTo("Six weeks of family support; no change at home.");
        assertThat(browser.driver().findElement(By.id("step-up-factors-16A")).isSelected()).isTrue();
        assertThat(browser.driver().findElement(By.id("step-up-indicators-NEGLECT_SEVERE")).isSelected()).isTrue();

        browser.choose("step-up-factors-21");
        browser.submit(By.id("step-up-submit"));
        assertThat(browser.path()).startsWith("/contacts/");
        assertThat(browser.success()).startsWith("Stepped up from early help");
        String newContact = browser.path().substring("/contacts/".length());
        assertThat(childOf(newContact)).isEqualTo(childId);
        // The new contact, assessed by the rules, carrying the early-help history.
        browser.refreshUntil(By.id("threshold-level"));
        assertThat(browser.find(By.id("threshold-level")).getText()).startsWith("Level ");
        assertThat(browser.find(By.id("threshold-summary")).getText()).contains("Open to early help");
        browser.refreshUntil(By.id("narrative"));
        assertThat(browser.driver().getPageSource()).contains("5D: Local authority services: early help")
                .contains("stepped up from early help");
    }
}
