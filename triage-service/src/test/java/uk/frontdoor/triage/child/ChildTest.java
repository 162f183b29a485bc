package uk.frontdoor.triage.child;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.frontdoor.triage.api.Channel;
import uk.frontdoor.triage.api.ContactReceived;
import uk.frontdoor.triage.api.RecordContact;

import static uk.frontdoor.triage.Examples.CHILD;
import static uk.frontdoor.triage.Examples.CONTACT;
import static uk.frontdoor.triage.Examples.LATER_CONTACT;
import static uk.frontdoor.triage.Examples.POLICE;
import static uk.frontdoor.triage.Examples.RECEIVED;
import static uk.frontdoor.triage.Examples.domesticAbuseNotification;

class ChildTest {

    private AggregateTestFixture<Child> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Child.class);
    }

    @Test
    void a_first_contact_starts_the_childs_stream() {
        var submission = domesticAbuseNotification("NICHE-1");

        fixture.givenNoPriorActivity()
                .when(new RecordContact(CHILD, CONTACT, POLICE, Channel.HTTP, RECEIVED, submission))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ContactReceived(CHILD, CONTACT, POLICE, Channel.HTTP, RECEIVED, submission));
    }

    @Test
    void a_later_contact_joins_the_same_stream() {
        var first = domesticAbuseNotification("NICHE-1");
        var second = domesticAbuseNotification("NICHE-2");

        fixture.given(new ContactReceived(CHILD, CONTACT, POLICE, Channel.HTTP, RECEIVED, first))
                .when(new RecordContact(CHILD, LATER_CONTACT, POLICE, Channel.KAFKA, RECEIVED.plusSeconds(3600), second))
                .expectEvents(new ContactReceived(CHILD, LATER_CONTACT, POLICE, Channel.KAFKA, RECEIVED.plusSeconds(3600),
                        second));
    }

    @Test
    void recording_a_contact_the_stream_already_holds_changes_nothing() {
        var submission = domesticAbuseNotification("NICHE-1");

        fixture.given(new ContactReceived(CHILD, CONTACT, POLICE, Channel.HTTP, RECEIVED, submission))
                .when(new RecordContact(CHILD, CONTACT, POLICE, Channel.HTTP, RECEIVED, submission))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
