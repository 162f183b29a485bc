package uk.frontdoor.infra.fuzz;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.frontdoor.infra.IntegrationTestSupport;
import uk.frontdoor.triage.api.ChildEvent;
import uk.frontdoor.triage.api.ClockStarted;
import uk.frontdoor.triage.api.ClockStopped;
import uk.frontdoor.triage.api.ConsentRecorded;
import uk.frontdoor.triage.api.ContactClaimed;
import uk.frontdoor.triage.api.ContactReleased;
import uk.frontdoor.triage.api.DecisionProposed;
import uk.frontdoor.triage.api.PriorityChanged;
import uk.frontdoor.triage.api.ProposalAuthorised;
import uk.frontdoor.triage.api.ProposalReturned;
import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.api.ThresholdAssessed.Priority;
import uk.frontdoor.triage.api.query.AlertBoard;
import uk.frontdoor.triage.api.query.ChildAsAt;
import uk.frontdoor.triage.api.query.ChildChronology;
import uk.frontdoor.triage.api.query.ContactStatusView;
import uk.frontdoor.triage.api.query.FindChildAsAt;
import uk.frontdoor.triage.api.query.FindChildChronology;
import uk.frontdoor.triage.api.query.FindContactClocks;
import uk.frontdoor.triage.api.query.FindContactStatus;
import uk.frontdoor.triage.api.staff.StaffRole;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.value.DecisionOutcome;
import uk.frontdoor.projections.chronology.RecordTimes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The record as at a moment is the live record as it stood then. For generated histories of a contact (claimed,
 * released, re-rated, consent recorded, proposed, returned, authorised with its decision clock stopped, in an order
 * the domain allows), each event is appended to the child's stream and, once the live read models have handled it,
 * the live views are read: the contact's status (as of that moment), the chronology and the contact's clocks.
 * Then, for each event's moment, the as-at view folded from the events up to it must give the very same values.
 *
 * <p>Drawn with the fuzz tests' seeded {@link Gen}: {@code -Dfrontdoor.fuzz.seed=S} replays a run, and a failure
 * names its seed, history and step.
 */
class AsAtEqualsLivePropertyTest extends IntegrationTestSupport {

    static final long SEED = Long.getLong("frontdoor.fuzz.seed", new Random().nextLong());
    private static final int HISTORIES = Integer.getInteger("frontdoor.fuzz.histories", 3);
    private static final List<String> READ_MODELS = List.of("contact-status", "chronology", "alerts", "family");
    private static final Actor SW1 = new Actor("sw1", StaffRole.SOCIAL_WORKER, "demo-council");
    private static final Actor SW2 = new Actor("sw2", StaffRole.SOCIAL_WORKER, "demo-council");
    private static final Actor MANAGER1 = new Actor("manager1", StaffRole.MANAGER, "demo-council");

    @Autowired
    private EventStore eventStore;
    @Autowired
    private QueryGateway queries;

    /** What the live read models said once they had handled the event at {@code at}. */
    private record Live(Instant at, String event, Optional<ContactStatusView> contact, ChildChronology chronology,
                        List<AlertBoard.Alert> clocks) {
    }

    @Test
    void the_as_at_view_at_each_event_is_the_live_view_after_it() {
        System.out.println("AsAtEqualsLivePropertyTest seed " + SEED + " (replay: -Dfrontdoor.fuzz.seed=" + SEED + ")");
        Random random = new Random(SEED);
        int compared = 0;
        for (int history = 1; history <= HISTORIES; history++) {
            ChildId child;
            ContactId contact;
            {
                ObjectNode submission = sentBy(POLICE_KEY, submission());
                String contactId = contactIdOf(postContact(POLICE_KEY, submission));
                String childId = childOf(contactId);
                child = ChildId.of(childId);
                contact = ContactId.of(contactId);
            }
            List<DomainEventMessage<?>> received = await().until(() -> stream(child),
                    events -> events.stream().anyMatch(event -> event.getPayload() instanceof ClockStarted));
            ThresholdAssessed assessed = payload(received, ThresholdAssessed.class);
            ClockStarted decisionClock = payload(received, ClockStarted.class);
            Instant last = received.stream().map(event -> RecordTimes.of((ChildEvent) event.getPayload(),
                    event.getTimestamp())).max(Instant::compareTo).orElseThrow();

            List<Live> lives = new ArrayList<>();
            lives.add(live(child, contact, last, "the service's events on receipt"));
            Story story = new Story(child, contact, assessed.threshold().priority(), assessed.threshold().level(),
                    decisionClock);
            List<ChildEvent> drawn = story.draw(random, last);
            for (ChildEvent event : drawn) {
                Instant at = RecordTimes.of(event, null);
                append(child, event);
                lives.add(live(child, contact, at, event.getClass().getSimpleName()));
            }
            // The last moment must be past before a view as at it may be asked for (the service refuses the future).
            Instant end = lives.get(lives.size() - 1).at();
            await().until(() -> Instant.now().isAfter(end));

            // The comparison tells the steps apart: every event changes the live chronology, so an as-at view that
            // took one event too many or too few would not be equal to the live view of its step.
            for (int step = 1; step < lives.size(); step++) {
                assertThat(lives.get(step).chronology()).as("the live chronology after step " + step)
                        .isNotEqualTo(lives.get(step - 1).chronology());
            }
            compared += lives.size();
            for (int step = 0; step < lives.size(); step++) {
                Live then = lives.get(step);
                String where = "seed " + SEED + ", history " + history + ", step " + step + " (after " + then.event()
                        + " at " + then.at() + "), events " + drawn.stream().map(e -> e.getClass().getSimpleName()).toList();
                ChildAsAt asAt = queries.query(new FindChildAsAt(child, then.at()),
                        ResponseTypes.optionalInstanceOf(ChildAsAt.class)).join().orElseThrow();
                assertThat(asAt.contact(contact)).as("the contact, " + where).isEqualTo(then.contact());
                assertThat(asAt.chronology()).as("the chronology, " + where).isEqualTo(then.chronology());
                assertThat(asAt.clocks(contact).stream().map(ChildAsAt.Clock::clock).toList())
                        .as("the clocks, " + where).isEqualTo(then.clocks());
            }
        }
        System.out.println("AsAtEqualsLivePropertyTest: " + HISTORIES + " histories, " + compared
                + " moments compared");
    }

    /** A contact's work in an order the domain allows, its moments a few milliseconds apart. */
    private static final class Story {
        private final ChildId child;
        private final ContactId contact;
        private final int level;
        private final ClockStarted decisionClock;
        private Priority priority;
        private Actor holder;
        private DecisionOutcome proposed;
        private boolean decided;

        Story(ChildId child, ContactId contact, Priority priority, int level, ClockStarted decisionClock) {
            this.child = child;
            this.contact = contact;
            this.priority = priority;
            this.level = level;
            this.decisionClock = decisionClock;
        }

        List<ChildEvent> draw(Random random, Instant after) {
            List<ChildEvent> events = new ArrayList<>();
            Instant at = after;
            int length = Gen.ints(1, 8).draw(random);
            while (events.size() < length && !decided) {
                at = at.plusMillis(Gen.ints(5, 40).draw(random));
                events.add(next(random, at));
            }
            if (decided) {
                // A moment of its own, so the view after the authorisation and the one after the stop both count.
                events.add(clockStopped(at.plusMillis(1)));
            }
            return events;
        }

        private ChildEvent next(Random random, Instant at) {
            if (holder == null) {
                holder = Gen.of(SW1, SW2).draw(random);
                return new ContactClaimed(child, contact, holder, at);
            }
            if (proposed != null) {
                if (Gen.ints(0, 2).draw(random) == 0) {
                    proposed = null;
                    return new ProposalReturned(child, contact, "More checks first", MANAGER1, at);
                }
                decided = true;
                return new ProposalAuthorised(child, contact, proposed, holder.userId(), level, false, null, false,
                        MANAGER1, at);
            }
            return switch (Gen.ints(0, 3).draw(random)) {
                case 0 -> {
                    String heldBy = holder.userId();
                    Actor by = holder;
                    holder = null;
                    yield new ContactReleased(child, contact, heldBy, by, at);
                }
                case 1 -> {
                    Priority from = priority;
                    priority = Gen.of(List.of(Priority.values())).filter(p -> p != from).draw(random);
                    yield new PriorityChanged(child, contact, from, priority, at.plus(Duration.ofHours(4)),
                            "New information", holder, at);
                }
                case 2 -> new ConsentRecorded(child, contact,
                        Gen.of(ConsentRecorded.Decision.GIVEN, ConsentRecorded.Decision.REFUSED).draw(random),
                        null, holder, at);
                default -> {
                    proposed = Gen.of(DecisionOutcome.ASSESSMENT, DecisionOutcome.EARLY_HELP,
                            DecisionOutcome.STRATEGY_DISCUSSION).draw(random);
                    yield new DecisionProposed(child, contact, proposed, "Rationale", List.of("POLICE"), false,
                            holder, at);
                }
            };
        }

        /** The decision clock stops when the decision is authorised, as the service stops it. */
        ChildEvent clockStopped(Instant at) {
            return new ClockStopped(child, contact, decisionClock.clockId(), ClockType.CONTACT_DECISION,
                    ClockStopped.Reason.DONE, decisionClock.startedAt(), decisionClock.dueAt(), at,
                    at.isAfter(decisionClock.dueAt()), Duration.between(decisionClock.startedAt(), at), at);
        }
    }

    private Live live(ChildId child, ContactId contact, Instant at, String event) {
        READ_MODELS.forEach(this::awaitUpToDate);
        Optional<ContactStatusView> status = queries.query(new FindContactStatus(contact, at),
                ResponseTypes.optionalInstanceOf(ContactStatusView.class)).join();
        ChildChronology chronology = queries.query(new FindChildChronology(child),
                ResponseTypes.optionalInstanceOf(ChildChronology.class)).join().orElse(null);
        List<AlertBoard.Alert> clocks = queries.query(new FindContactClocks(contact),
                ResponseTypes.multipleInstancesOf(AlertBoard.Alert.class)).join();
        return new Live(at, event, status, chronology, clocks);
    }

    private List<DomainEventMessage<?>> stream(ChildId child) {
        List<DomainEventMessage<?>> stream = new ArrayList<>();
        eventStore.readEvents(child.value(), 0L).asStream().forEach(stream::add);
        return stream;
    }

    private static <E> E payload(List<DomainEventMessage<?>> stream, Class<E> type) {
        return stream.stream().map(DomainEventMessage::getPayload).filter(type::isInstance).map(type::cast)
                .findFirst().orElseThrow();
    }

    private void append(ChildId childId, ChildEvent event) {
        long next = eventStore.lastSequenceNumberFor(childId.value()).map(last -> last + 1).orElse(0L);
        eventStore.publish(new GenericDomainEventMessage<>("Child", childId.value(), next, event));
    }
}
