package uk.frontdoor.triage.child.reception;

import uk.frontdoor.rules.ChildHistory;
import uk.frontdoor.rules.ContactFacts;
import uk.frontdoor.rules.MissingEpisodes;
import uk.frontdoor.rules.FiredRule;
import uk.frontdoor.rules.PriorContact;
import uk.frontdoor.rules.ThresholdDecision;
import uk.frontdoor.rules.WorkingCalendar;
import uk.frontdoor.triage.api.value.ContactSubmission;
import uk.frontdoor.triage.api.value.DecisionOutcome;
import uk.frontdoor.triage.api.InitialConferenceHeld;
import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.child.ChildState;
import uk.frontdoor.triage.child.ContactState;
import uk.frontdoor.triage.child.LinkedContact;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.HashSet;
import java.util.List;

/** Translates between the child's stream and the threshold-rules library's own language. */
public final class RuleFacts {

    private RuleFacts() {
    }

    public static ContactFacts of(ContactSubmission submission, Instant receivedAt) {
        ContactSubmission.Child child = submission.child();
        LocalDate receivedOn = LocalDate.ofInstant(receivedAt, WorkingCalendar.LONDON);
        Integer age = child.dateOfBirth() == null ? null : Period.between(child.dateOfBirth(), receivedOn).getYears();
        return new ContactFacts(receivedAt, submission.referralSource(),
                new HashSet<>(submission.concerns().factors()), new HashSet<>(submission.concerns().indicators()),
                age, child.unborn(), child.sex() == null ? null : child.sex().name(), submission.immediateRisk());
    }

    /**
     * The child's history as the rules see it: the child's own stream, and the contacts on every record
     * found to be the same child ({@code linked}), so accumulating concerns, re-referral, repeat missing
     * and repeat plans count across them. A contact decided as an assessment or a strategy discussion
     * was a referral. The front door does not hold case closures: the child counts as open to early
     * help, or to social care, when the latest decision on any of the records made it so. Missing
     * episodes are counted as episodes (a report of going missing and of the return are one), leaving
     * out the episode the current contact itself reports.
     */
    static ChildHistory history(ChildState child, List<LinkedContact> linked, ContactFacts current) {
        Collection<ContactState> own = child.contacts().values();
        List<PriorContact> prior = new ArrayList<>();
        own.forEach(contact -> prior.add(new PriorContact(contact.receivedAt(), new HashSet<>(contact.factors()),
                new HashSet<>(contact.indicators()), isReferral(contact.outcome()))));
        linked.forEach(contact -> prior.add(new PriorContact(contact.receivedAt(), contact.factors(),
                contact.indicators(), isReferral(contact.outcome()))));
        DecisionOutcome latest = latestOutcome(child, linked);
        // Plans made at an initial conference the front door recorded; plans made elsewhere are not seen here.
        int childProtectionPlans = (int) (own.stream()
                .filter(contact -> contact.protection().conferenceOutcome() == InitialConferenceHeld.Outcome.CHILD_PROTECTION_PLAN)
                .count() + linked.stream().filter(LinkedContact::childProtectionPlan).count());
        return new ChildHistory(prior, MissingEpisodes.before(prior, current), childProtectionPlans,
                latest == DecisionOutcome.EARLY_HELP, latest != null && latest.isReferral());
    }

    private static boolean isReferral(DecisionOutcome outcome) {
        return outcome != null && outcome.isReferral();
    }

    /** Where the child stands with the front door: the outcome of the latest decision on any of its records. */
    private static DecisionOutcome latestOutcome(ChildState child, List<LinkedContact> linked) {
        Optional<ContactState> ownLatest = child.latestDecided();
        Optional<LinkedContact> linkedLatest = linked.stream().filter(contact -> contact.decidedAt() != null)
                .max(Comparator.comparing(LinkedContact::decidedAt));
        if (linkedLatest.isPresent()
                && (ownLatest.isEmpty() || linkedLatest.get().decidedAt().isAfter(ownLatest.get().decidedAt()))) {
            return linkedLatest.get().outcome();
        }
        return ownLatest.map(ContactState::outcome).orElse(null);
    }

    static ThresholdAssessed.Threshold threshold(ThresholdDecision decision) {
        return new ThresholdAssessed.Threshold(
                decision.level(),
                ThresholdAssessed.Priority.valueOf(decision.priority().name()),
                decision.responseDueAt(),
                decision.decisionDueAt(),
                List.copyOf(decision.flags()),
                new ThresholdAssessed.RuleSet(decision.ruleSet().id(), decision.ruleSet().version()),
                decision.rulesFired().stream().map(RuleFacts::fired).toList());
    }

    private static ThresholdAssessed.RuleFired fired(FiredRule rule) {
        return new ThresholdAssessed.RuleFired(rule.id(), rule.description());
    }
}
