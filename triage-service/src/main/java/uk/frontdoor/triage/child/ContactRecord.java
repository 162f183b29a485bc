package uk.frontdoor.triage.child;

import uk.frontdoor.triage.api.ConsentRecorded;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.ContactReceived;
import uk.frontdoor.triage.api.value.ContactStatus;
import uk.frontdoor.triage.api.value.DecisionOutcome;
import uk.frontdoor.triage.api.InitialConferenceHeld;
import uk.frontdoor.triage.api.ThresholdAssessed;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the child's stream remembers of one contact, for the rules and the commands that follow it.
 * Changed only by the aggregate's event-sourcing handlers.
 */
final class ContactRecord {

    final ContactId contactId;
    final Instant receivedAt;
    final List<String> factors;
    final List<String> indicators;
    ContactStatus status = ContactStatus.RECEIVED;
    ThresholdAssessed.Threshold threshold;
    ThresholdAssessed.Priority priority;
    /** Sign-in name of the worker holding the contact, or null. */
    String heldBy;
    ConsentRecorded.Decision consent;
    final Map<String, PartnerCheck> checks = new LinkedHashMap<>();
    DecisionOutcome proposed;
    String proposedBy;
    DecisionOutcome outcome;
    Instant decidedAt;
    String strategyDiscussionId;
    boolean strategyDiscussionHeld;
    /** Set when a strategy discussion started a section 47 enquiry; the conference is then due. */
    Instant conferenceDueAt;
    InitialConferenceHeld.Outcome conferenceOutcome;
    final Set<String> possibleMatches = new LinkedHashSet<>();

    private ContactRecord(ContactId contactId, Instant receivedAt, List<String> factors, List<String> indicators) {
        this.contactId = contactId;
        this.receivedAt = receivedAt;
        this.factors = List.copyOf(factors);
        this.indicators = List.copyOf(indicators);
    }

    static ContactRecord received(ContactReceived event) {
        var concerns = event.submission().concerns();
        return new ContactRecord(event.contactId(), event.receivedAt(), concerns.factors(), concerns.indicators());
    }

    /** The contact decided most recently: its outcome is where the child stands with the front door. */
    static Optional<ContactRecord> latestDecided(Collection<ContactRecord> contacts) {
        return contacts.stream()
                .filter(contact -> contact.decidedAt != null)
                .max(Comparator.comparing((ContactRecord contact) -> contact.decidedAt));
    }

    boolean isDecided() {
        return status == ContactStatus.DECIDED;
    }

    /** Agencies whose replies the decision can rest on. */
    List<String> agenciesChecked() {
        return checks.values().stream().filter(PartnerCheck::answered).map(PartnerCheck::agency).distinct().toList();
    }

    /** Value equality, so Axon's fixture can prove that replaying the stream rebuilds the same state. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ContactRecord that && Objects.equals(state(), that.state());
    }

    @Override
    public int hashCode() {
        return state().hashCode();
    }

    private List<Object> state() {
        return Arrays.asList(contactId, receivedAt, factors, indicators, status, threshold, priority, heldBy, consent, checks,
                proposed, proposedBy, outcome, decidedAt, strategyDiscussionId, strategyDiscussionHeld,
                conferenceDueAt, conferenceOutcome, possibleMatches);
    }

    static final class PartnerCheck {
        final String agency;
        final Instant dueAt;
        boolean answered;

        PartnerCheck(String agency, Instant dueAt) {
            this.agency = agency;
            this.dueAt = dueAt;
        }

        String agency() {
            return agency;
        }

        boolean answered() {
            return answered;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof PartnerCheck that && agency.equals(that.agency) && dueAt.equals(that.dueAt)
                    && answered == that.answered;
        }

        @Override
        public int hashCode() {
            return Objects.hash(agency, dueAt, answered);
        }
    }
}
