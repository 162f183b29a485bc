package uk.frontdoor.triage.staff.contact;

import uk.frontdoor.triage.api.AssessmentCompleted;
import uk.frontdoor.triage.api.ConsentRecorded;
import uk.frontdoor.triage.api.FeedbackSent;
import uk.frontdoor.triage.api.InitialConferenceHeld;
import uk.frontdoor.triage.api.StrategyDiscussionHeld;
import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.api.command.AuthoriseProposal;
import uk.frontdoor.triage.api.command.ChangePriority;
import uk.frontdoor.triage.api.command.ClaimContact;
import uk.frontdoor.triage.api.command.ConveneStrategyDiscussion;
import uk.frontdoor.triage.api.command.ProposeDecision;
import uk.frontdoor.triage.api.command.HandBackToDayTeam;
import uk.frontdoor.triage.api.command.RecordAssessmentCompleted;
import uk.frontdoor.triage.api.command.RecordConsent;
import uk.frontdoor.triage.api.command.RecordDutyCompleted;
import uk.frontdoor.triage.api.command.RecordFeedback;
import uk.frontdoor.triage.api.command.RecordInitialConference;
import uk.frontdoor.triage.api.command.RecordPartnerReply;
import uk.frontdoor.triage.api.command.RecordStrategyActionDone;
import uk.frontdoor.triage.api.command.RecordStrategyDiscussion;
import uk.frontdoor.triage.api.command.ReleaseContact;
import uk.frontdoor.triage.api.command.RequestPartnerChecks;
import uk.frontdoor.triage.api.command.ResolvePossibleMatch;
import uk.frontdoor.triage.api.command.ReturnProposal;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.value.DecisionOutcome;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one mapping from what a member of staff asks for on a contact to the command it sends. The staff
 * API's request bodies are these records; each page form reads what was typed into the same record
 * ({@link ContactForms}), so a form and an API call send the same command, built in one place.
 */
final class ContactCommands {

    private ContactCommands() {
    }

    /** One staff action on a contact: the command it is, once the contact's child and the actor are known. */
    @FunctionalInterface
    interface ContactAction {
        Object command(ChildId child, ContactId contact, Actor by);
    }

    static final ContactAction CLAIM = ClaimContact::new;
    static final ContactAction RELEASE = ReleaseContact::new;

    record ConsentRequest(ConsentRecorded.Decision decision, String reason) implements ContactAction {
        @Override
        public Object command(ChildId child, ContactId contact, Actor by) {
            return new RecordConsent(child, contact, decision, reason, by);
        }
    }

    record PartnerChecksRequest(List<String> agencies, String question) implements ContactAction {
        @Override
        public Object command(ChildId child, ContactId contact, Actor by) {
            return new RequestPartnerChecks(child, contact, agencies, question, by);
        }
    }

    record PartnerReplyRequest(String information) {
        ContactAction to(String checkId) {
            return (child, contact, by) -> new RecordPartnerReply(child, contact, checkId, information, by);
        }
    }

    record PriorityRequest(ThresholdAssessed.Priority priority, String rationale) implements ContactAction {
        @Override
        public Object command(ChildId child, ContactId contact, Actor by) {
            return new ChangePriority(child, contact, priority, rationale, by);
        }
    }

    record ProposalRequest(DecisionOutcome outcome, String rationale) implements ContactAction {
        @Override
        public Object command(ChildId child, ContactId contact, Actor by) {
            return new ProposeDecision(child, contact, outcome, rationale, by);
        }
    }

    /** A manager's reason, for authorising a proposal or returning it. */
    record ReasonRequest(String reason) {
        ContactAction authorise() {
            return (child, contact, by) -> new AuthoriseProposal(child, contact, reason, by);
        }

        ContactAction giveBack() {
            return (child, contact, by) -> new ReturnProposal(child, contact, reason, by);
        }
    }

    record FeedbackRequest(FeedbackSent.Method method, Instant sentAt, String summary) implements ContactAction {
        @Override
        public Object command(ChildId child, ContactId contact, Actor by) {
            return new RecordFeedback(child, contact, method, sentAt, summary, by);
        }
    }

    record ConveneRequest(Instant plannedAt, List<String> invitedAgencies) implements ContactAction {
        @Override
        public Object command(ChildId child, ContactId contact, Actor by) {
            return new ConveneStrategyDiscussion(child, contact, plannedAt, invitedAgencies, by);
        }
    }

    record StrategyDiscussionRecord(Instant heldAt, StrategyDiscussionHeld.Mode mode,
                                    List<StrategyDiscussionHeld.Attendee> attendees,
                                    StrategyDiscussionHeld.Outcome outcome, String summary,
                                    List<StrategyDiscussionHeld.Action> actions) implements ContactAction {
        @Override
        public Object command(ChildId child, ContactId contact, Actor by) {
            return new RecordStrategyDiscussion(child, contact, heldAt, mode, attendees, outcome, summary, actions, by);
        }
    }

    record ConferenceRecord(Instant heldAt, InitialConferenceHeld.Outcome outcome, String summary)
            implements ContactAction {
        @Override
        public Object command(ChildId child, ContactId contact, Actor by) {
            return new RecordInitialConference(child, contact, heldAt, outcome, summary, by);
        }
    }

    record AssessmentRecord(Instant completedAt, AssessmentCompleted.Outcome outcome, String summary,
                            String lateReason) implements ContactAction {
        @Override
        public Object command(ChildId child, ContactId contact, Actor by) {
            return new RecordAssessmentCompleted(child, contact, completedAt, outcome, summary, lateReason, by);
        }
    }

    record HandBackRequest(String summary) implements ContactAction {
        @Override
        public Object command(ChildId child, ContactId contact, Actor by) {
            return new HandBackToDayTeam(child, contact, summary, by);
        }
    }

    record ActionDoneRecord(Instant doneAt, String note) {
        ContactAction of(int action) {
            return (child, contact, by) -> new RecordStrategyActionDone(child, contact, action, doneAt, note, by);
        }
    }

    record DutyRecord(Instant doneAt, String note) {
        ContactAction of(ClockType duty) {
            return (child, contact, by) -> new RecordDutyCompleted(child, contact, duty, doneAt, note, by);
        }
    }

    /** {@code sameChild} is a {@link Boolean} so that the API can refuse a body without it. */
    record IdentityDecision(String candidateChildId, Boolean sameChild, String reason) implements ContactAction {
        @Override
        public Object command(ChildId child, ContactId contact, Actor by) {
            return new ResolvePossibleMatch(child, contact, candidateChildId == null ? null : ChildId.of(candidateChildId),
                    sameChild, reason, by);
        }
    }

    // ----- duties in addresses -----

    /** {@code RETURN_HOME_INTERVIEW} as the staff API and the page's addresses write it: {@code return-home-interview}. */
    static String dutyPath(ClockType duty) {
        return duty.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The duty an address names ({@code return-home-interview}), if it is one a worker records as done. */
    static Optional<ClockType> duty(String path) {
        String name = path == null ? "" : path.toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(ClockType.values())
                .filter(type -> type.recordedAsDuty() && type.name().equals(name))
                .findFirst();
    }
}
