package uk.frontdoor.triage.child;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import uk.frontdoor.rules.ResponseScheme;
import uk.frontdoor.rules.RuleSetCatalogue;
import uk.frontdoor.rules.ThresholdEngine;
import uk.frontdoor.rules.WorkingCalendar;
import uk.frontdoor.triage.Examples;
import uk.frontdoor.triage.api.Actor;
import uk.frontdoor.triage.api.Channel;
import uk.frontdoor.triage.api.ConsentRecorded;
import uk.frontdoor.triage.api.ContactClaimed;
import uk.frontdoor.triage.api.ContactReceived;
import uk.frontdoor.triage.api.DecisionOutcome;
import uk.frontdoor.triage.api.DecisionProposed;
import uk.frontdoor.triage.api.ProposalAuthorised;
import uk.frontdoor.triage.api.Refusal;
import uk.frontdoor.triage.api.StaffRole;
import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.api.TriageRefusedException;
import uk.frontdoor.triage.work.TriagePolicy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

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
    public static final ThresholdEngine RULES = new ThresholdEngine(RuleSetCatalogue.loadDefault(), CALENDAR,
            ResponseScheme.defaults());

    public static final Actor ADMIN = new Actor("admin1", StaffRole.ADMINISTRATOR, "demo-council");
    public static final Actor SW1 = new Actor("sw1", StaffRole.SOCIAL_WORKER, "demo-council");
    public static final Actor SW2 = new Actor("sw2", StaffRole.SOCIAL_WORKER, "demo-council");
    public static final Actor MANAGER1 = new Actor("manager1", StaffRole.MANAGER, "demo-council");
    public static final Actor MANAGER2 = new Actor("manager2", StaffRole.MANAGER, "demo-council");

    private TriageWork() {
    }

    public static AggregateTestFixture<Child> fixture() {
        return fixture(NOW);
    }

    /** A fixture whose clock stands at {@code now}. */
    public static AggregateTestFixture<Child> fixture(Instant now) {
        var fixture = new AggregateTestFixture<>(Child.class);
        fixture.registerInjectableResource(RULES);
        fixture.registerInjectableResource(Clock.fixed(now, ZoneOffset.UTC));
        fixture.registerInjectableResource(POLICY);
        return fixture;
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

    public static ProposalAuthorised authorised(DecisionOutcome outcome) {
        return new ProposalAuthorised(CHILD, CONTACT, outcome, SW1.userId(), 3, false, null, false, MANAGER1, NOW);
    }
}
