package uk.frontdoor.infra.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import uk.frontdoor.projections.chronology.RecordTimes;
import uk.frontdoor.triage.api.ChildEvent;
import uk.frontdoor.triage.api.ClockStarted;
import uk.frontdoor.triage.api.ContactClaimed;
import uk.frontdoor.triage.api.DecisionProposed;
import uk.frontdoor.triage.api.PriorityChanged;
import uk.frontdoor.triage.api.ProposalAuthorised;
import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.api.ThresholdAssessed.Priority;
import uk.frontdoor.triage.api.staff.StaffRole;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.value.DecisionOutcome;
import uk.frontdoor.triage.staff.asat.AsAtControl;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The "as at" control and banner on the contact and chronology pages: a worker types a past moment and sees the
 * contact as it stood then (claimed, not yet re-rated or decided), read only, with a banner saying so.
 */
class AsAtBrowserTest extends BrowserTestSupport {

    private static final Actor SW1 = new Actor("sw1", StaffRole.SOCIAL_WORKER, "demo-council");
    private static final Actor MANAGER1 = new Actor("manager1", StaffRole.MANAGER, "demo-council");
    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    @Autowired
    private EventStore eventStore;

    @Test
    void a_worker_sees_a_contact_and_its_chronology_as_they_stood_at_a_moment_they_type() {
        ObjectNode submission = sentBy(POLICE_KEY, submission());
        ((ObjectNode) submission.get("concerns")).putArray("indicators").add("CHILD_PRESENT");
        HttpResponse<String> posted = postContact(POLICE_KEY, submission);
        String contactId = contactIdOf(posted);
        ChildId child = ChildId.of(childOf(contactId));
        ContactId contact = ContactId.of(contactId);
        List<DomainEventMessage<?>> service = await().until(() -> {
            List<DomainEventMessage<?>> stream = new ArrayList<>();
            eventStore.readEvents(child.value(), 0L).asStream().forEach(stream::add);
            return stream;
        }, stream -> stream.stream().anyMatch(event -> event.getPayload() instanceof ClockStarted));
        ThresholdAssessed assessed = service.stream().map(DomainEventMessage::getPayload)
                .filter(ThresholdAssessed.class::isInstance).map(ThresholdAssessed.class::cast).findFirst().orElseThrow();
        Instant last = service.stream().map(event -> RecordTimes.of((ChildEvent) event.getPayload(),
                event.getTimestamp())).max(Instant::compareTo).orElseThrow();
        // The claim is dated after everything in the stream and no earlier than now, and the moment typed (to the
        // second) a second or more after it, before the re-rating and the decision. The as-at view cuts the stream at
        // its first event dated after the moment, so an event the service appends meanwhile (dated when appended, or
        // earlier) must fall before the moment too: with the moment a second after the last event, one CI run under
        // load had the claim cut off (the contact held by "Nobody").
        Instant claimedAt = (last.isAfter(Instant.now()) ? last : Instant.now()).plusMillis(1);
        Instant moment = claimedAt.truncatedTo(ChronoUnit.SECONDS).plusSeconds(2);
        Priority rated = assessed.threshold().priority();
        Priority reRated = rated == Priority.RED ? Priority.AMBER : Priority.RED;
        append(child, new ContactClaimed(child, contact, SW1, claimedAt));
        append(child, new PriorityChanged(child, contact, rated, reRated, moment.plusSeconds(3600),
                "New information from the police", SW1, moment.plusMillis(100)));
        append(child, new DecisionProposed(child, contact, DecisionOutcome.STRATEGY_DISCUSSION, "Risk of harm",
                List.of("POLICE"), false, SW1, moment.plusMillis(150)));
        append(child, new ProposalAuthorised(child, contact, DecisionOutcome.STRATEGY_DISCUSSION, "sw1",
                assessed.threshold().level(), false, null, false, MANAGER1, moment.plusMillis(200)));
        await().until(() -> "DECIDED".equals(body(get("/api/v1/contacts/" + contactId, staff("sw1"))).get("status")));
        // The page refuses a moment in the future: wait until this one, three seconds at most, has passed.
        await().until(() -> Instant.now().isAfter(moment.plusMillis(200)));

        browser.signIn("sw1");
        browser.open("/contacts/" + contactId);
        assertThat(browser.find(By.id("contact-status")).getText()).isEqualTo("Decided");
        typeMoment(moment);
        browser.submit(By.id("show-as-at"));

        WebElement banner = browser.find(By.id("as-at-banner"));
        assertThat(banner.getText()).contains("This record is shown as it stood at " + AsAtControl.words(moment))
                .contains("nothing can be changed");
        assertThat(browser.find(By.id("contact-status")).getText()).isEqualTo("Assessed");
        assertThat(browser.find(By.id("contact-holder")).getText()).as(() -> "the stream, as (type, dated): "
                + recordTimes(child) + "; the moment " + moment).isEqualTo("sw1");
        assertThat(browser.find(By.id("contact-decision")).getText()).isEqualTo("Not decided");
        assertThat(browser.find(By.id("contact-proposal")).getText()).isEqualTo("None");
        assertThat(browser.find(By.id("contact-rag")).getText()).contains(label(rated));
        assertThat(browser.find(By.id("rule-set")).getText()).contains(assessed.threshold().ruleSet().version());
        assertThat(browser.find(By.id("clock-table")).getText()).contains("Contact decision");
        // Read only: no form that changes anything.
        assertThat(browser.driver().findElements(By.cssSelector("main form[method='post']"))).isEmpty();

        browser.find(By.id("as-at-live")).click();
        browser.waitFor().until(d -> browser.driver().findElements(By.id("as-at-banner")).isEmpty());
        assertThat(browser.find(By.id("contact-status")).getText()).isEqualTo("Decided");

        browser.open("/children/" + child + "/chronology");
        // The chronology is a read model of its own, which nothing above waited for: a "Page not found" until it
        // has the child. Reloaded until its as-at control shows.
        browser.refreshUntil(By.cssSelector("#as-at-control summary"));
        typeMoment(moment);
        browser.submit(By.id("show-as-at"));
        assertThat(browser.find(By.id("as-at-banner")).getText()).contains(AsAtControl.words(moment));
        List<String> types = browser.findAll(By.cssSelector("#chronology-table tbody tr[data-type]")).stream()
                .map(row -> row.getAttribute("data-type")).toList();
        assertThat(types).contains("ContactReceived", "ThresholdAssessed", "ContactClaimed")
                .doesNotContain("PriorityChanged", "ProposalAuthorised");
        assertThat(browser.driver().findElements(By.id("export-csv"))).isEmpty();
        assertThat(browser.driver().findElements(By.id("link-records"))).isEmpty();

        // A moment in the future is an error on the control, linked to the field.
        ZonedDateTime tomorrow = ZonedDateTime.now(ENGLAND).plusDays(1);
        browser.open("/children/" + child + "/chronology");
        typeMoment(tomorrow.toInstant());
        browser.submit(By.id("show-as-at"));
        assertThat(browser.errorSummary()).contains("The moment must be in the past");
        assertThat(browser.driver().findElements(By.id("as-at-banner"))).isEmpty();

        // Each view as at the moment was recorded, with the moment.
        List<Map<String, Object>> views = jdbc.sql("SELECT what FROM record_views WHERE child_id = ? AND viewed_by = 'sw1'")
                .param(child.value()).query().listOfRows();
        assertThat(views).extracting(row -> (String) row.get("what"))
                .contains("contact " + contactId + " (contact page) as at " + moment, "chronology page as at " + moment);
    }

    private void typeMoment(Instant at) {
        ZonedDateTime local = at.atZone(ENGLAND);
        browser.find(By.cssSelector("#as-at-control summary")).click();
        for (String[] field : new String[][]{{"as-at-day", String.valueOf(local.getDayOfMonth())},
                {"as-at-month", String.valueOf(local.getMonthValue())}, {"as-at-year", String.valueOf(local.getYear())},
                {"as-at-time", String.format("%02d:%02d:%02d", local.getHour(), local.getMinute(), local.getSecond())}}) {
            WebElement input = browser.find(By.id(field[0]));
            input.clear();
            input.sendKeys(field[1]);
        }
    }

    private static String label(Priority priority) {
        return priority.name().charAt(0) + priority.name().substring(1).toLowerCase();
    }

    /** Each event's type and the time the as-at view dates it by, in the stream's order (no personal data). */
    private List<String> recordTimes(ChildId childId) {
        List<String> dated = new ArrayList<>();
        eventStore.readEvents(childId.value(), 0L).asStream().forEach(event -> dated.add(
                event.getPayloadType().getSimpleName() + " " + RecordTimes.of((ChildEvent) event.getPayload(),
                        event.getTimestamp())));
        return dated;
    }

    private void append(ChildId childId, ChildEvent event) {
        long next = eventStore.lastSequenceNumberFor(childId.value()).map(l -> l + 1).orElse(0L);
        eventStore.publish(new GenericDomainEventMessage<>("Child", childId.value(), next, event));
    }
}
