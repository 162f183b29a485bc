package uk.frontdoor.triage.staff.contact;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.frontdoor.triage.api.AssessmentCompleted;
import uk.frontdoor.triage.api.query.AlertBoard;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.staff.contact.ContactCommands.AssessmentRecord;
import uk.frontdoor.triage.staff.pages.FormErrors;
import uk.frontdoor.triage.staff.pages.FormInput;
import uk.frontdoor.triage.staff.pages.StaffPage;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * The contact page's forms for what follows a contact beyond the front door's decision: the child and family
 * assessment a decision of ASSESSMENT started, completed; and a contact received out of hours, handed back by the
 * emergency duty team to the day team.
 */
@Controller
@StaffPage
class AssessmentPage {

    private final ContactActions actions;

    AssessmentPage(ContactActions actions) {
        this.actions = actions;
    }

    @PostMapping("/contacts/{contactId}/assessment")
    String recordAssessment(Authentication who, @PathVariable String contactId, @ModelAttribute AssessmentForm form,
                            RedirectAttributes flash) {
        FormErrors errors = new FormErrors("assessment");
        AssessmentRecord record = form.read(errors);
        actions.notInFuture(errors, record.completedAt(), "assessment-completed-day",
                "The date and time the assessment was completed");
        return actions.act(who, contactId, errors, flash, "Child and family assessment recorded as completed", record,
                refusal -> switch (refusal) {
                    case REASON_REQUIRED -> "assessment-late-reason";
                    case FIELD_REQUIRED, NO_ASSESSMENT_DUE -> "assessment-outcome";
                    default -> "assessment-completed-day";
                },
                // The contact view shows the outcome, and the alerts read model (also on the page) the stopped clock.
                (wait, contact, result, me) -> wait.contact(contact, view -> view.work().assessment() != null)
                        && wait.clocks(contact, clocks -> clocks.stream().noneMatch(clock ->
                        clock.type() == ClockType.ASSESSMENT && clock.state() != AlertBoard.State.STOPPED)));
    }

    /** The emergency duty team hands a contact received out of hours back to the day team, saying what it did. */
    @PostMapping("/contacts/{contactId}/out-of-hours/hand-back")
    String handBack(Authentication who, @PathVariable String contactId, @ModelAttribute HandBackForm form,
                    RedirectAttributes flash) {
        FormErrors errors = new FormErrors("hand-back").keep("hand-back-summary", form.summary());
        String summary = FormInput.text(form.summary());
        if (summary == null) {
            errors.add("hand-back-summary", "Enter what the emergency duty team did");
        }
        return actions.act(who, contactId, errors, flash, "Handed back to the day team",
                new ContactCommands.HandBackRequest(summary), refusal -> "hand-back-summary",
                (wait, contact, result, me) -> wait.contact(contact, view -> view.work().handedBack() != null)
                        && wait.clocks(contact, clocks -> clocks.stream().noneMatch(clock ->
                        clock.type() == ClockType.OUT_OF_HOURS && clock.state() != AlertBoard.State.STOPPED)));
    }

    record HandBackForm(String summary) {
    }

    record AssessmentForm(@BindParam("assessment-completed-day") String day,
                          @BindParam("assessment-completed-month") String month,
                          @BindParam("assessment-completed-year") String year,
                          @BindParam("assessment-completed-time") String time, String outcome, String summary,
                          @BindParam("lateReason") String lateReason) {
        /** Without the check that it is past, which needs the service's clock ({@link ContactActions}). */
        AssessmentRecord read(FormErrors errors) {
            errors.keep("assessment-outcome", outcome).keep("assessment-summary", summary)
                    .keep("assessment-late-reason", lateReason);
            LocalDate date = FormInput.date(errors, "assessment-completed", "the date the assessment was completed",
                    true, day, month, year);
            LocalTime at = FormInput.time(errors, "assessment-completed-time", "the time the assessment was completed",
                    true, time);
            AssessmentCompleted.Outcome chosen = FormInput.choice(AssessmentCompleted.Outcome.class, outcome);
            if (chosen == null) {
                errors.add("assessment-outcome", "Select the outcome of the assessment");
            }
            return new AssessmentRecord(FormInput.instant(date, at), chosen, FormInput.text(summary),
                    FormInput.text(lateReason));
        }
    }
}
