package uk.frontdoor.infra.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import uk.frontdoor.infra.IntegrationTestSupport;
import uk.frontdoor.intake.ContactIntake;
import uk.frontdoor.matching.ChildMatcher;
import uk.frontdoor.rules.ThresholdEngine;
import uk.frontdoor.triage.api.ChildEvent;
import uk.frontdoor.triage.api.ClockStarted;
import uk.frontdoor.triage.api.ContactReceived;
import uk.frontdoor.triage.api.IdentityMatched;
import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.api.command.ReceiveContact;
import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.value.Channel;
import uk.frontdoor.triage.child.ChildEvolution;
import uk.frontdoor.triage.child.ChildState;
import uk.frontdoor.triage.child.ChildStreams;
import uk.frontdoor.triage.child.reception.ReferralStandard;
import uk.frontdoor.triage.dataprotection.PersonalDataKeys;
import uk.frontdoor.triage.timeliness.TimelinessPolicy;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's seeded contacts are what reception stores for the same submissions received: the same events
 * contact by contact (received, matched, assessed by the rules in force, the same clocks), the same children
 * joined, personal fields readable with each child's key, and streams that load and fold like received ones.
 */
class SeededContactsIntegrationTest extends IntegrationTestSupport {

    @Autowired
    ContactIntake intake;
    @Autowired
    EventStore eventStore;
    @Autowired
    ChildStreams streams;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    org.axonframework.config.Configuration axon;
    @Autowired
    PersonalDataKeys keys;
    @Autowired
    ThresholdEngine rules;
    @Autowired
    ReferralStandard standard;
    @Autowired
    TimelinessPolicy timeliness;
    @Autowired
    ChildMatcher matcher;

    @Test
    void seeded_contacts_are_stored_as_reception_stores_the_same_submissions_received() {
        List<SeededContacts.Sent> sent = submissions();
        String run = UUID.randomUUID().toString().substring(0, 8);

        List<ReceiveContact> received = new ArrayList<>();
        for (SeededContacts.Sent one : withIds(sent, "RECEIVED-" + run)) {
            received.add(new ReceiveContact(one.agency(), Channel.KAFKA,
                    intake.read(one.agency(), Channel.KAFKA, one.body()), null));
        }
        intake.storeAll(received);
        Iterator<SeededContacts.Sent> seeding = withIds(sent, "SEEDED-" + run).iterator();
        Instant now = Instant.now();
        new SeededContacts(dataSource, transactionManager, axon.eventSerializer(), keys, intake, rules, standard,
                timeliness, matcher, Clock.systemUTC()).seed(seeding::next, sent.size(), now.minus(Duration.ofHours(1)),
                now);

        List<String> realChildren = new ArrayList<>();
        List<String> seededChildren = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            String realContact = contactBySubmission(sent.get(i).agency(), "RECEIVED-" + run + "-" + i);
            String seededContact = contactBySubmission(sent.get(i).agency(), "SEEDED-" + run + "-" + i);
            realChildren.add(childOf(realContact));
            seededChildren.add(childOf(seededContact));
            List<ChildEvent> real = eventsOf(realChildren.get(i), realContact);
            List<ChildEvent> seeded = eventsOf(seededChildren.get(i), seededContact);

            assertThat(seeded.stream().map(Object::getClass).toList()).as("contact %d", i)
                    .isEqualTo(real.stream().map(Object::getClass).toList());
            ContactReceived realReceipt = (ContactReceived) real.get(0);
            ContactReceived seededReceipt = (ContactReceived) seeded.get(0);
            assertThat(seededReceipt.submission()).as("contact %d, decrypted", i).usingRecursiveComparison()
                    .ignoringFields("submissionId").isEqualTo(realReceipt.submission());
            assertThat(seededReceipt.agency()).isEqualTo(realReceipt.agency());
            assertThat(seededReceipt.channel()).isEqualTo(realReceipt.channel());
            for (int e = 1; e < real.size(); e++) {
                if (real.get(e) instanceof ThresholdAssessed assessed) {
                    assertThat(((ThresholdAssessed) seeded.get(e)).threshold()).as("contact %d", i)
                            .usingRecursiveComparison().ignoringFields("responseDueAt", "decisionDueAt")
                            .isEqualTo(assessed.threshold());
                    assertThat(((ThresholdAssessed) seeded.get(e)).completeness())
                            .isEqualTo(assessed.completeness());
                } else if (real.get(e) instanceof ClockStarted clock) {
                    ClockStarted seededClock = (ClockStarted) seeded.get(e);
                    assertThat(List.of(seededClock.type(), seededClock.team(), seededClock.priority()))
                            .isEqualTo(List.of(clock.type(), clock.team(), clock.priority()));
                } else if (real.get(e) instanceof IdentityMatched matched) {
                    assertThat(((IdentityMatched) seeded.get(e)).match().outcome()).as("contact %d", i)
                            .isEqualTo(matched.match().outcome());
                }
            }
        }
        // The same contacts joined the same children: the second, third and fifth joined an earlier one.
        for (int i = 0; i < sent.size(); i++) {
            for (int j = 0; j < sent.size(); j++) {
                assertThat(seededChildren.get(i).equals(seededChildren.get(j))).as("contacts %d and %d", i, j)
                        .isEqualTo(realChildren.get(i).equals(realChildren.get(j)));
            }
        }
        assertThat(realChildren.stream().distinct()).hasSize(3);

        // Each seeded child's stream loads (its personal fields open with its key) and folds as a received one.
        List<String> seededDistinct = seededChildren.stream().distinct().toList();
        Map<String, List<ChildEvent>> read = streams.read(seededDistinct);
        for (String child : seededDistinct) {
            List<ChildEvent> loaded = EventStreamUtils.asStream(eventStore.readEvents(child))
                    .map(event -> (ChildEvent) event.getPayload()).toList();
            assertThat(read.get(child)).containsExactlyElementsOf(loaded);
            ChildState state = ChildState.NONE;
            for (ChildEvent event : loaded) {
                state = ChildEvolution.evolve(state, event);
            }
            int index = seededChildren.indexOf(child);
            ChildState real = ChildState.NONE;
            for (ChildEvent event : EventStreamUtils.asStream(eventStore.readEvents(realChildren.get(index)))
                    .map(event -> (ChildEvent) event.getPayload()).toList()) {
                real = ChildEvolution.evolve(real, event);
            }
            assertThat(state.contacts()).hasSameSizeAs(real.contacts());
            assertThat(state.clocks()).hasSameSizeAs(real.clocks());
            assertThat(state.latestChild()).isEqualTo(real.latestChild());
        }
    }

    /**
     * Three children of this test's own, recognised as reception recognises them: a police contact without an NHS
     * number, then a school's with one (matching joins them, and the number is claimed), then health's with it (known
     * by the number); a second child twice without a number; a third with a number of its own.
     */
    private List<SeededContacts.Sent> submissions() {
        ChildIdentity first = ChildIdentity.fresh();
        ChildIdentity second = ChildIdentity.fresh();
        String firstNumber = freshNhsNumber();
        List<SeededContacts.Sent> sent = new ArrayList<>();
        sent.add(sent("demo-police", aChildOfItsOwn(submission(), first)));
        ObjectNode school = aChildOfItsOwn(submission(), first);
        ((ObjectNode) school.get("child")).put("nhsNumber", firstNumber);
        sent.add(sent("demo-school", school));
        ObjectNode health = aChildOfItsOwn(submission(), first);
        ((ObjectNode) health.get("child")).put("nhsNumber", firstNumber);
        sent.add(sent("demo-health", health));
        sent.add(sent("demo-police", aChildOfItsOwn(submission(), second)));
        sent.add(sent("demo-police", aChildOfItsOwn(submission(), second)));
        sent.add(sent("demo-school", submission()));
        return sent;
    }

    private SeededContacts.Sent sent(String agency, ObjectNode submission) {
        return new SeededContacts.Sent(AgencyCode.of(agency), bytes(sentBy(agency, submission)));
    }

    /** The same submissions, each with the submission id {@code prefix-n}. */
    private List<SeededContacts.Sent> withIds(List<SeededContacts.Sent> sent, String prefix) {
        List<SeededContacts.Sent> renamed = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            try {
                ObjectNode body = (ObjectNode) json.readTree(sent.get(i).body());
                body.put("submissionId", prefix + "-" + i);
                renamed.add(new SeededContacts.Sent(sent.get(i).agency(), bytes(body)));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return renamed;
    }

    private String contactBySubmission(AgencyCode agency, String submissionId) {
        return jdbc.sql("SELECT contact_id FROM contact_registry WHERE agency = ? AND submission_id = ?")
                .params(agency.value(), submissionId).query(String.class).single();
    }

    /** The events one contact's reception appended: from its receipt to the next contact's. */
    private List<ChildEvent> eventsOf(String child, String contactId) {
        List<ChildEvent> all = EventStreamUtils.asStream(eventStore.readEvents(child))
                .map(event -> (ChildEvent) event.getPayload()).toList();
        List<ChildEvent> contact = new ArrayList<>();
        for (ChildEvent event : all) {
            if (event instanceof ContactReceived receipt) {
                if (!contact.isEmpty()) {
                    break;
                }
                if (!receipt.contactId().value().equals(contactId)) {
                    continue;
                }
            }
            if (!contact.isEmpty() || event instanceof ContactReceived) {
                contact.add(event);
            }
        }
        assertThat(contact).as("the events of contact " + contactId).isNotEmpty();
        return contact;
    }
}
