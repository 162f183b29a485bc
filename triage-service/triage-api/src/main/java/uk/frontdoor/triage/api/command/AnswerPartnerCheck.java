package uk.frontdoor.triage.api.command;

import uk.frontdoor.triage.api.PartnerCheckAnswered;
import uk.frontdoor.triage.api.PartnerCheckAnswered.Answer;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.staff.TriageRefusedException;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A partner agency answers a partner check sent to it. Not a staff command on the record
 * ({@link ChildRecordCommand}): the answerer sees only the request, never the record.
 *
 * @param answersFor the partner-check agency the answerer speaks for (e.g. {@code POLICE}); a check sent to
 *                   another agency is not theirs to answer, and is refused as unknown
 */
public record AnswerPartnerCheck(@TargetAggregateIdentifier ChildId childId, ContactId contactId, String checkId,
                                 String answersFor, Answer answer, String information, String reason,
                                 PartnerCheckAnswered.Answerer answeredBy) {

    public AnswerPartnerCheck {
        if (answer == null) {
            throw new TriageRefusedException(Refusal.FIELD_REQUIRED, "answer",
                    "answer is required: INFORMATION_FOUND, NONE_HELD or CANNOT_SHARE.");
        }
        information = blankToNull(information);
        reason = blankToNull(reason);
        if (answer == Answer.INFORMATION_FOUND && information == null) {
            throw new TriageRefusedException(Refusal.FIELD_REQUIRED, "information",
                    "information is required when the answer is INFORMATION_FOUND.");
        }
        if (answer == Answer.CANNOT_SHARE && reason == null) {
            throw new TriageRefusedException(Refusal.REASON_REQUIRED, "reason",
                    "reason is required when the answer is CANNOT_SHARE.");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
