package uk.frontdoor.triage.staff.contact;

import org.springframework.web.bind.annotation.BindParam;
import uk.frontdoor.triage.api.ConsentRecorded;
import uk.frontdoor.triage.api.FeedbackSent;
import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.api.value.DecisionOutcome;
import uk.frontdoor.triage.staff.contact.ContactCommands.ConsentRequest;
import uk.frontdoor.triage.staff.contact.ContactCommands.FeedbackRequest;
import uk.frontdoor.triage.staff.contact.ContactCommands.PartnerChecksRequest;
import uk.frontdoor.triage.staff.contact.ContactCommands.PartnerReplyRequest;
import uk.frontdoor.triage.staff.contact.ContactCommands.PriorityRequest;
import uk.frontdoor.triage.staff.contact.ContactCommands.ProposalRequest;
import uk.frontdoor.triage.staff.contact.ContactCommands.ReasonRequest;
import uk.frontdoor.triage.staff.pages.FormErrors;
import uk.frontdoor.triage.staff.pages.FormInput;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * The casework and decision forms of a contact's page as typed (bound with {@code @ModelAttribute}; the
 * fields keep the names the page's inputs have). Each reads itself into the request the staff API takes
 * ({@link ContactCommands}), noting on {@link FormErrors} what is missing and what was typed.
 */
final class ContactForms {

    private ContactForms() {
    }

    record ConsentForm(String decision, String reason) {
        ConsentRequest read(FormErrors errors) {
            errors.keep("consent-decision", decision).keep("consent-reason", reason);
            ConsentRecorded.Decision chosen = FormInput.choice(ConsentRecorded.Decision.class, decision);
            if (chosen == null) {
                errors.add("consent-decision", "Select what was decided about consent");
            }
            return new ConsentRequest(chosen, FormInput.text(reason));
        }
    }

    record PartnerChecksForm(List<String> agencies, String question) {
        PartnerChecksRequest read(FormErrors errors) {
            errors.keep("check-question", question)
                    .keep("check-agencies", agencies == null ? null : String.join(",", agencies));
            if (agencies == null || agencies.isEmpty()) {
                errors.add("check-agencies", "Select the agencies to ask");
            }
            if (FormInput.text(question) == null) {
                errors.add("check-question", "Enter what you want to know");
            }
            return new PartnerChecksRequest(agencies, FormInput.text(question));
        }
    }

    record ReplyForm(String information) {
        /** @param field the reply's field on the page, one per check ({@code reply-<checkId>}) */
        PartnerReplyRequest read(FormErrors errors, String field) {
            errors.keep(field, information);
            if (FormInput.text(information) == null) {
                errors.add(field, "Enter the agency's reply");
            }
            return new PartnerReplyRequest(FormInput.text(information));
        }
    }

    record PriorityForm(String priority, String rationale) {
        PriorityRequest read(FormErrors errors) {
            errors.keep("priority-rag", priority).keep("priority-rationale", rationale);
            ThresholdAssessed.Priority chosen = FormInput.choice(ThresholdAssessed.Priority.class, priority);
            if (chosen == null) {
                errors.add("priority-rag", "Select the new RAG rating");
            }
            return new PriorityRequest(chosen, FormInput.text(rationale));
        }
    }

    record ProposalForm(String outcome, String rationale) {
        ProposalRequest read(FormErrors errors) {
            errors.keep("proposal-outcome", outcome).keep("proposal-rationale", rationale);
            DecisionOutcome chosen = FormInput.choice(DecisionOutcome.class, outcome);
            if (chosen == null) {
                errors.add("proposal-outcome", "Select the decision you propose");
            }
            if (FormInput.text(rationale) == null) {
                errors.add("proposal-rationale", "Enter the rationale for the decision");
            }
            return new ProposalRequest(chosen, FormInput.text(rationale));
        }
    }

    /** A manager's reason: optional when authorising, required when returning a proposal. */
    record ReasonForm(String reason) {
        ReasonRequest read(FormErrors errors, String field, String missing) {
            errors.keep(field, reason);
            if (missing != null && FormInput.text(reason) == null) {
                errors.add(field, missing);
            }
            return new ReasonRequest(FormInput.text(reason));
        }
    }

    record FeedbackForm(String method, @BindParam("sent-day") String day, @BindParam("sent-month") String month,
                        @BindParam("sent-year") String year, @BindParam("sent-time") String time, String summary) {
        FeedbackRequest read(FormErrors errors) {
            errors.keep("feedback-method", method).keep("feedback-summary", summary);
            FeedbackSent.Method chosen = FormInput.choice(FeedbackSent.Method.class, method);
            if (chosen == null) {
                errors.add("feedback-method", "Select how the referrer was told");
            }
            LocalDate date = FormInput.date(errors, "sent", "the date the feedback was sent", true, day, month, year);
            LocalTime at = FormInput.time(errors, "sent-time", "the time the feedback was sent", true, time);
            if (FormInput.text(summary) == null) {
                errors.add("feedback-summary", "Enter what the referrer was told");
            }
            return new FeedbackRequest(chosen, FormInput.instant(date, at), FormInput.text(summary));
        }
    }
}
