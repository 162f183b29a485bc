package uk.frontdoor.triage.child;

import org.axonframework.common.ReflectionUtils;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.axonframework.eventhandling.EventMessage;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import uk.frontdoor.rules.ResponseScheme;
import uk.frontdoor.rules.RuleSetCatalogue;
import uk.frontdoor.rules.ThresholdEngine;
import uk.frontdoor.triage.child.reception.ReferralStandard;
import uk.frontdoor.rules.WorkingCalendar;
import uk.frontdoor.triage.Examples;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.Channel;
import uk.frontdoor.triage.api.ChildEvent;
import uk.frontdoor.triage.api.ClockStarted;
import uk.frontdoor.triage.api.ClockStopped;
import uk.frontdoor.triage.api.ConsentRecorded;
import uk.frontdoor.triage.api.ContactClaimed;
import uk.frontdoor.triage.api.ContactReceived;
import uk.frontdoor.triage.api.value.DecisionOutcome;
import uk.frontdoor.triage.api.DecisionProposed;
import uk.frontdoor.triage.api.ProposalAuthorised;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.staff.StaffDirectory;
import uk.frontdoor.triage.api.staff.StaffRole;
import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.api.staff.TriageRefusedException;
import uk.frontdoor.triage.child.timeliness.Timekeeper;
import uk.frontdoor.triage.timeliness.TimelinessPolicy;
import uk.frontdoor.triage.work.TriagePolicy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.Map;

import org.assertj.core.api.ThrowableAssert;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.assertThat;
import static uk.frontdoor.triage.Examples.CHILD;
import static uk.frontdoor.triage.Examples.CONTACT;
import static uk.frontdoor.triage.Examples.POLICE;
import static uk.frontdoor.triage.Examples.RECEIVED;

/** Shared givens for the triage-work tests: staff, a fixed clock and a contact in each state. */
public final class TriageWork {

    /** Monday 23 November 2026, 10:00 (GMT), 45 minutes after the contact arrived. */
    public static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    public static final WorkingCalendar CALENDAR = WorkingCalendar.englandAndWales();
    public static final TriagePolicy POLICY = TriagePolicy.defaults(CALENDAR);
    public static final TimelinessPolicy TIMELINESS = TimelinessPolicy.defaults(CALENDAR);
    public static final ThresholdEngine RULES = new ThresholdEngine(RuleSetCatalogue.loadDefault(), CALENDAR,
            ResponseScheme.defaults());

    public static final ReferralStandard STANDARD = ReferralStandard.loadDefault();
    public static final Actor ADMIN = new Actor("admin1", StaffRole.ADMINISTRATOR, "demo-council");
    public static final Actor SW1 = new Actor("sw1", StaffRole.SOCIAL_WORKER, "demo-council");
    public static final Actor SW2 = new Actor("sw2", StaffRole.SOCIAL_WORKER, "demo-council");
    public static final Actor MANAGER1 = new Actor("manager1", StaffRole.MANAGER, "demo-council");
    public static final Actor MANAGER2 = new Actor("manager2", StaffRole.MANAGER, "demo-council");
    public static final Actor SYSADMIN = new Actor("sysadmin1", StaffRole.SYSTEM_MANAGER, "demo-council");

    /** The demo staff, as the embedded profile configures them: sw2 is in the Prevent team too. */
    public static final StaffDirectory STAFF = new StaffDirectory() {
        private final Map<String, Member> members = Map.of(
                "admin1", new Member("admin1", StaffRole.ADMINISTRATOR, Set.of()),
                "sw1", new Member("sw1", StaffRole.SOCIAL_WORKER, Set.of("mash")),
                "sw2", new Member("sw2", StaffRole.SOCIAL_WORKER, Set.of("mash", "prevent")),
                "manager1", new Member("manager1", StaffRole.MANAGER, Set.of()),
                "manager2", new Member("manager2", StaffRole.MANAGER, Set.of()),
                "sysadmin1", new Member("sysadmin1", StaffRole.SYSTEM_MANAGER, Set.of()));

        @Override
        public Optional<Member> find(String userId) {
            return Optional.ofNullable(userId).map(members::get);
        }

        @Override
        public boolean isTeam(String team) {
            return members.values().stream().anyMatch(member -> member.teams().contains(team));
        }
    };

    private TriageWork() {
    }

    /** The children whose keys the fixture's erasures destroyed, in order (cleared by each new fixture). */
    public static final java.util.List<uk.frontdoor.triage.api.value.ChildId> SHREDDED_KEYS =
            java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    public static AggregateTestFixture<Child> fixture() {
        return fixture(NOW);
    }

    /**
     * A fixture whose clock stands at {@code now}. The handlers' {@link Clock} is the fixture's own time,
     * so that when a test lets time pass ({@code whenTimeAdvancesTo}) deadlines fire at the time they
     * fall due and the handlers see that time.
     */
    public static AggregateTestFixture<Child> fixture(Instant now) {
        return fixture(now, LinkedContacts.NONE);
    }

    /** A fixture whose linked records' histories come from {@code linked} (the write side's table in the service). */
    public static AggregateTestFixture<Child> fixture(Instant now, LinkedContacts linked) {
        return fixture(now, linked, POLICY);
    }

    /** A fixture with the partnership's choices {@code policy} (partner-check agencies and reply times). */
    public static AggregateTestFixture<Child> fixture(Instant now, LinkedContacts linked, TriagePolicy policy) {
        var fixture = new AggregateTestFixture<>(Child.class);
        fixture.registerInjectableResource(linked);
        fixture.registerInjectableResource(STAFF);
        var clock = new FixtureClock(fixture);
        fixture.registerInjectableResource(RULES);
        fixture.registerInjectableResource(STANDARD);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(policy);
        fixture.registerInjectableResource(new Timekeeper(clock, TIMELINESS, deadlineManagerOf(fixture)));
        SHREDDED_KEYS.clear();
        fixture.registerInjectableResource(new uk.frontdoor.triage.child.erasure.KeyDestruction(SHREDDED_KEYS::add));
        fixture.givenCurrentTime(now);
        return fixture;
    }

    /**
     * The fixture's own deadline manager, so that the clocks' deadlines are the ones the fixture
     * expects and fires. The fixture injects it into handler parameters but offers no getter, and the
     * timekeeper holds it from construction, as the application's bean does.
     */
    private static DeadlineManager deadlineManagerOf(AggregateTestFixture<?> fixture) {
        try {
            return ReflectionUtils.getFieldValue(AggregateTestFixture.class.getDeclaredField("deadlineManager"),
                    fixture);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("Axon's test fixture no longer keeps its deadline manager here", e);
        }
    }

    /** The fixture's simulated time as a {@link Clock}. */
    private static final class FixtureClock extends Clock {
        private final AggregateTestFixture<?> fixture;

        FixtureClock(AggregateTestFixture<?> fixture) {
            this.fixture = fixture;
        }

        @Override
        public Instant instant() {
            return fixture.currentTime();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("The fixture's clock is UTC");
        }
    }

    public static ContactReceived received() {
        return new ContactReceived(CHILD, CONTACT, POLICE, Channel.HTTP, RECEIVED,
                Examples.domesticAbuseNotification("NICHE-1"));
    }

    public static ThresholdAssessed assessed(int level, ThresholdAssessed.Priority priority, String... flags) {
        return new ThresholdAssessed(CHILD, CONTACT, RECEIVED, new ThresholdAssessed.Threshold(level, priority,
                RECEIVED.plusSeconds(86_400), RECEIVED.plusSeconds(86_400), List.of(flags),
                new ThresholdAssessed.RuleSet("berkshire-threshold", "2026.1"), List.of()));
    }

    /** A level 3 amber contact, as the rules assess a police domestic abuse notification. */
    public static ThresholdAssessed assessed() {
        return assessed(3, ThresholdAssessed.Priority.AMBER);
    }

    public static ContactClaimed claimed(Actor actor) {
        return new ContactClaimed(CHILD, CONTACT, actor, NOW);
    }

    public static ConsentRecorded consentGiven(Actor actor) {
        return new ConsentRecorded(CHILD, CONTACT, ConsentRecorded.Decision.GIVEN, null, actor, NOW);
    }

    public static DecisionProposed proposed(DecisionOutcome outcome, Actor actor) {
        return new DecisionProposed(CHILD, CONTACT, outcome, "Rationale.", List.of(), true, actor, NOW);
    }

    /** The command was refused for exactly this rule. */
    public static Matcher<Object> refused(Refusal refusal) {
        return Matchers.predicate(thrown -> thrown instanceof TriageRefusedException refused
                && refused.refusal() == refusal);
    }

    /**
     * The command cannot even be made: it breaks a rule that holds whatever the record says, so it
     * is refused when it is built, before any record is read.
     */
    public static void assertMalformed(Refusal refusal, ThrowableAssert.ThrowingCallable making) {
        assertThat(catchThrowable(making)).isInstanceOfSatisfying(TriageRefusedException.class,
                refused -> assertThat(refused.refusal()).isEqualTo(refusal));
    }

    /** The state after these events, as the aggregate's one event-sourcing handler builds it. */
    public static ChildState fold(ChildEvent... events) {
        ChildState state = ChildState.NONE;
        for (ChildEvent event : events) {
            state = ChildEvolution.evolve(state, event);
        }
        return state;
    }

    public static ProposalAuthorised authorised(DecisionOutcome outcome) {
        return new ProposalAuthorised(CHILD, CONTACT, outcome, SW1.userId(), 3, false, null, false, MANAGER1, NOW);
    }

    /**
     * The events of the work itself, leaving out the clocks the work starts and stops (those are
     * tested in {@code TimelinessTest}): the published payloads, without clock events, equal these.
     */
    public static Matcher<List<EventMessage<?>>> workEvents(Object... expected) {
        return withoutClocks(Matchers.predicate(payloads -> payloads.equals(List.of(expected))));
    }

    /** Applies a matcher to the published payloads with the clock events left out. */
    public static Matcher<List<EventMessage<?>>> withoutClocks(Matcher<?> payloadsMatcher) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<EventMessage<?>> events) {
                return payloadsMatcher.matches(workPayloads(events));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("without clock events, ").appendDescriptionOf(payloadsMatcher);
            }

            @Override
            protected void describeMismatchSafely(List<EventMessage<?>> events, Description mismatch) {
                mismatch.appendText("were ").appendValue(workPayloads(events));
            }
        };
    }

    private static List<Object> workPayloads(List<EventMessage<?>> events) {
        return events.stream().<Object>map(EventMessage::getPayload)
                .filter(payload -> !(payload instanceof ClockStarted || payload instanceof ClockStopped))
                .toList();
    }
}
