package uk.frontdoor.infra.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * State the casework forms act on, set up through the staff and partner APIs as another worker or
 * agency would: a possible match, a duty the rules raised, a decided contact whose strategy
 * discussion made the initial conference due, a child open to early help. Each waits for the contact
 * view (the read model the contact page reads) to show it.
 */
abstract class CaseworkBrowserTestSupport extends BrowserTestSupport {

    static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    /** The second of two contacts about one child, and the known record its child may be. */
    record PossibleMatch(String contactId, String childId, String knownChildId) {
    }

    /**
     * Two contacts about a child with no NHS number that no other test has, the second giving another
     * given name: an uncertain match, for a person to decide. {@code second} is the second submission,
     * to which the child is given.
     */
    protected PossibleMatch possibleMatch(ObjectNode second) {
        // A child no other test has; the second contact gives another given name (a twin, or the same child?),
        // one that never sounds like the first: two random "Kid..." names share a Double Metaphone code in about
        // 1 pair of 40, and were then joined with confidence (a clean-clone run's AccessibilityScanTest).
        ChildIdentity child = ChildIdentity.fresh();
        ObjectNode first = aChildOfItsOwn(submission(), child);
        aChildOfItsOwn(second, child.withGivenName(uniqueName("Zed")));
        String firstId = contactIdOf(postContact(POLICE_KEY, first));
        String knownChild = (String) awaitWork(firstId, work -> work.get("childId") != null).get("childId");
        String secondId = contactIdOf(postContact(POLICE_KEY, second));
        Map<String, Object> work = awaitWork(secondId, w -> w.get("identity") instanceof Map<?, ?> identity
                && List.of(knownChild).equals(identity.get("possibleMatches")));
        return new PossibleMatch(secondId, (String) work.get("childId"), knownChild);
    }

    /** A police contact about a child back from a missing episode: the return home interview is due 72 hours after. */
    protected ObjectNode returnedFromMissing(int hoursAgo) {
        ObjectNode returned = submission();
        ((ObjectNode) returned.get("concerns")).putArray("indicators").add("RETURNED_FROM_MISSING");
        returned.put("awareSince", Instant.now().minus(hoursAgo, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)
                .toString());
        return returned;
    }

    /**
     * A contact decided for a strategy discussion, whose discussion (held just now: not before the contact) started a
     * section 47 enquiry: the initial child protection conference is now due.
     */
    protected String conferenceDue() {
        String contactId = decided("STRATEGY_DISCUSSION");
        awaitWork(contactId, work -> work.get("strategyDiscussion") != null);
        Map<String, Object> record = Map.of(
                "heldAt", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(),
                "mode", "VIDEO", "outcome", "SECTION_47_ENQUIRY", "summary", "Section 47 enquiry agreed.",
                "attendees", List.of(
                        Map.of("name", "DS Example", "agency", "POLICE", "role", "Detective sergeant"),
                        Map.of("name", "Nurse Example", "agency", "HEALTH", "role", "Named nurse"),
                        Map.of("name", "TM Example", "agency", "SOCIAL_CARE", "role", "Team manager")),
                "actions", List.of(Map.of("description", "Visit the child at school", "owner", "sw1",
                        "agency", "SOCIAL_CARE", "dueDate", LocalDate.now().plusDays(1).toString())));
        HttpResponse<String> held = postJson("/api/v1/contacts/" + contactId + "/strategy-discussion/record",
                staff("sw1"), record);
        assertThat(held.statusCode()).as(held.body()).isEqualTo(204);
        awaitWork(contactId, work -> work.get("strategyDiscussion") instanceof Map<?, ?> discussion
                && discussion.get("held") instanceof Map<?, ?> h && h.get("conferenceDueAt") != null);
        return contactId;
    }

    @SuppressWarnings("unchecked")
    protected Map<String, Object> awaitWork(String contactId, Predicate<Map<String, Object>> shown) {
        Map<String, Object> view = await().until(() -> body(get("/api/v1/contacts/" + contactId, staff("sw1"))),
                found -> found.get("work") instanceof Map<?, ?> work && shown.test((Map<String, Object>) work));
        return (Map<String, Object>) view.get("work");
    }


    /**
     * At least {@code count} contacts from the demo school waiting, sent over the partner API if there are
     * fewer, and the queue caught up with them: enough for the queue filtered to that agency to have a
     * second page.
     */
    protected long schoolContactsWaiting(int count) {
        long waiting = jdbc.sql("SELECT count(*) FROM triage_queue WHERE status <> 'DECIDED' AND agency = 'demo-school'")
                .query(Long.class).single();
        for (long i = waiting; i < count; i++) {
            assertThat(postContact(SCHOOL_KEY, sentBy(SCHOOL_KEY, submission())).statusCode()).isEqualTo(202);
        }
        awaitUpToDate("triage-queue");
        return jdbc.sql("SELECT count(*) FROM triage_queue WHERE status <> 'DECIDED' AND agency = 'demo-school'")
                .query(Long.class).single();
    }

    /** Types a moment into a GOV.UK date input ({@code <id>-day} …) and a time field, as clock time in England. */
    protected void typeMoment(String dateId, String timeId, Instant at) {
        ZonedDateTime local = at.atZone(ENGLAND);
        type(dateId + "-day", String.valueOf(local.getDayOfMonth()));
        type(dateId + "-month", String.valueOf(local.getMonthValue()));
        type(dateId + "-year", String.valueOf(local.getYear()));
        type(timeId, local.format(DateTimeFormatter.ofPattern("HH:mm")));
    }

    /** Replaces what a field holds (after a refusal it holds what was typed before). */
    protected void type(String id, String text) {
        WebElement field = browser.find(By.id(id));
        field.clear();
        field.sendKeys(text);
    }
}
