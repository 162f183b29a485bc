package uk.frontdoor.triage.child.reception;

import uk.frontdoor.rules.ChildHistory;
import uk.frontdoor.rules.ContactFacts;
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

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;

/** Translates between the child's stream and the threshold-rules library's own language. */
final class RuleFacts {

    /** Census factor "going missing" and the indicators that mark a missing episode. */
    private static final String MISSING_FACTOR = "10A";
    private static final List<String> MISSING_INDICATORS = List.of("MISSING", "RETURNED_FROM_MISSING");

    private RuleFacts() {
    }

    static ContactFacts of(ContactSubmission submission, Instant receivedAt) {
        ContactSubmission.Child child = submission.child();
        LocalDate receivedOn = LocalDate.ofInstant(receivedAt, WorkingCalendar.LONDON);
        Integer age = child.dateOfBirth() == null ? null : Period.between(child.dateOfBirth(), receivedOn).getYears();
        return new ContactFacts(receivedAt, submission.referralSource(),
                new HashSet<>(submission.concerns().factors()), new HashSet<>(submission.concerns().indicators()),
                age, child.unborn(), child.sex() == null ? null : child.sex().name(), submission.immediateRisk());
    }

    /**
     * The child's history as the rules see it, from the child's own stream. A contact decided as an
     * assessment or a strategy discussion was a referral. The front door does not hold case
     * closures: the child counts as open to early help, or to social care, when the latest decision
     * made it so. Child protection plans are made after the front door (initial conferences are not
     * recorded here), so they read as none.
     */
    static ChildHistory history(ChildState child) {
        Collection<ContactState> contacts = child.contacts().values();
        List<PriorContact> prior = contacts.stream()
                .map(contact -> new PriorContact(contact.receivedAt(), new HashSet<>(contact.factors()),
                        new HashSet<>(contact.indicators()), contact.outcome() != null && contact.outcome().isReferral()))
                .toList();
        List<Instant> missingEpisodes = contacts.stream()
                .filter(RuleFacts::isMissingEpisode)
                .map(ContactState::receivedAt)
                .toList();
        DecisionOutcome latest = child.latestDecided().map(ContactState::outcome).orElse(null);
        // Plans made at an initial conference the front door recorded; plans made elsewhere are not seen here.
        int childProtectionPlans = (int) contacts.stream()
                .filter(contact -> contact.protection().conferenceOutcome() == InitialConferenceHeld.Outcome.CHILD_PROTECTION_PLAN)
                .count();
        return new ChildHistory(prior, missingEpisodes, childProtectionPlans, latest == DecisionOutcome.EARLY_HELP,
                latest != null && latest.isReferral());
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

    private static boolean isMissingEpisode(ContactState contact) {
        return contact.factors().contains(MISSING_FACTOR)
                || contact.indicators().stream().anyMatch(MISSING_INDICATORS::contains);
    }
}
