package uk.frontdoor.triage.api.query;

import uk.frontdoor.triage.api.ConsentRecorded;
import uk.frontdoor.triage.api.PartnerCheckAnswered;
import uk.frontdoor.triage.api.FeedbackSent;
import uk.frontdoor.triage.api.InitialConferenceHeld;
import uk.frontdoor.triage.api.StrategyDiscussionHeld;
import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.api.value.DecisionOutcome;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;

/**
 * Where the front door's work on a contact stands, for staff: who holds it, consent, partner checks
 * and replies, the proposal and the manager's decision, feedback, the strategy discussion and the
 * initial conference after it, the duties the rules raised that were done, and any identity
 * question. Every step names who took it and when. {@code completeness}: how complete the referral was against the
 * council's referral standard when it arrived, and what it lacked (null for a contact no agency referred).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContactWorkView(
        ChildId childId,
        String heldBy,
        ThresholdAssessed.Priority priority,
        Instant responseDueAt,
        Consent consent,
        List<PartnerCheck> partnerChecks,
        List<PriorityChange> priorityChanges,
        Proposal proposal,
        List<Returned> returns,
        Decision decision,
        List<Feedback> feedback,
        StrategyDiscussion strategyDiscussion,
        Identity identity,
        Conference conference,
        List<DutyDone> dutiesDone,
        Assessment assessment,
        List<ActionDone> strategyActionsDone,
        HandBack handedBack,
        ThresholdAssessed.Completeness completeness) {

    /** The work on a contact never scored against the referral standard. */
    public ContactWorkView(ChildId childId, String heldBy, ThresholdAssessed.Priority priority, Instant responseDueAt,
                           Consent consent, List<PartnerCheck> partnerChecks, List<PriorityChange> priorityChanges,
                           Proposal proposal, List<Returned> returns, Decision decision, List<Feedback> feedback,
                           StrategyDiscussion strategyDiscussion, Identity identity, Conference conference,
                           List<DutyDone> dutiesDone, Assessment assessment, List<ActionDone> strategyActionsDone,
                           HandBack handedBack) {
        this(childId, heldBy, priority, responseDueAt, consent, partnerChecks, priorityChanges, proposal, returns,
                decision, feedback, strategyDiscussion, identity, conference, dutiesDone, assessment,
                strategyActionsDone, handedBack, null);
    }

    public record Consent(ConsentRecorded.Decision decision, String reason, Actor by, Instant at) {
    }

    /**
     * {@code overdue}: no reply and past its due time, as of the moment this view was read. A reply typed in by
     * staff has {@code repliedBy}; an agency's own answer has {@code answer} and {@code answeredBy} instead, and
     * {@code reply} in words (the information, "No information held", or why it cannot be shared).
     */
    public record PartnerCheck(String checkId, String agency, String question, Actor requestedBy, Instant requestedAt,
                               Instant dueAt, String reply, Actor repliedBy, Instant repliedAt, boolean late,
                               boolean overdue, PartnerCheckAnswered.Answer answer,
                               PartnerCheckAnswered.Answerer answeredBy) {
    }

    public record PriorityChange(ThresholdAssessed.Priority from, ThresholdAssessed.Priority to, String rationale,
                                 Actor by, Instant at) {
    }

    public record Proposal(DecisionOutcome outcome, String rationale, List<String> agenciesChecked,
                           boolean socialCareInformationOnly, Actor by, Instant at) {
    }

    public record Returned(DecisionOutcome outcome, String reason, Actor by, Instant at) {
    }

    public record Decision(DecisionOutcome outcome, String proposedBy, int thresholdLevel, boolean belowThreshold,
                           String reason, boolean auditSample, Actor authorisedBy, Instant at) {
    }

    public record Feedback(DecisionOutcome outcome, FeedbackSent.Method method, Instant sentAt, String summary,
                           Actor by) {
    }

    public record StrategyDiscussion(String discussionId, List<String> reasons, Instant requiredAt,
                                     Instant plannedAt, List<String> invitedAgencies, Held held) {
    }

    public record Held(Instant heldAt, StrategyDiscussionHeld.Mode mode, List<StrategyDiscussionHeld.Attendee> attendees,
                       StrategyDiscussionHeld.Outcome outcome, String summary, List<StrategyDiscussionHeld.Action> actions,
                       List<String> flags, Instant conferenceDueAt, Actor by) {
    }

    /** The initial child protection conference held after the section 47 enquiry the discussion started. */
    public record Conference(Instant heldAt, InitialConferenceHeld.Outcome outcome, String summary, Actor by,
                             Instant at) {
    }

    /** The emergency duty team handed the contact back to the day team: what it did, who and when. */
    public record HandBack(String summary, Actor by, Instant at) {
    }

    /**
     * An action agreed at the strategy discussion (numbered from 1 in its record), recorded as done.
     *
     * @param by     the member of staff who recorded it, or the owning agency when its system did (its code as user)
     * @param doneBy the person at the agency who did it, as its system named them; null when staff recorded it
     */
    public record ActionDone(int action, Instant doneAt, String note, Actor by, Instant at, String doneBy) {

        /** Who, in a word: the member of staff, or the agency's person and the agency. */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public String who() {
            return doneBy == null ? by.userId() : doneBy + " (" + by.userId() + ")";
        }
    }

    /** The child and family assessment a decision of ASSESSMENT started, recorded as completed. */
    public record Assessment(Instant completedAt, uk.frontdoor.triage.api.AssessmentCompleted.Outcome outcome,
                             String summary, String lateReason, Actor by, Instant at) {
    }

    /** A duty the rules raised (return home interview, private fostering visit, LADO referral), recorded as done. */
    public record DutyDone(ClockType duty, Instant doneAt, String note, Actor by, Instant at) {
    }

    /** Children who may be the same as this contact's child, and the decisions people made about them. */
    public record Identity(List<ChildId> possibleMatches, List<Resolution> resolutions) {
    }

    public record Resolution(ChildId candidate, boolean sameChild, String reason, Actor by, Instant at) {
    }
}
