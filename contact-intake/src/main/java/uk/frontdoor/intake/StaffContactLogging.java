package uk.frontdoor.intake;

import org.springframework.stereotype.Component;
import uk.frontdoor.intake.submission.SubmissionRejectedException;
import uk.frontdoor.triage.api.command.ContactAccepted;
import uk.frontdoor.triage.api.staff.StaffContactLog;
import uk.frontdoor.triage.api.staff.SubmissionRefusedException;
import uk.frontdoor.triage.api.value.Actor;

/**
 * The staff pages' way in: the same {@link ContactIntake#accept(Actor, byte[])} that
 * {@code POST /api/v1/contacts} uses for a member of staff, its violations handed back in the published
 * language so the page can put each on its form field.
 */
@Component
class StaffContactLogging implements StaffContactLog {

    private final ContactIntake intake;

    StaffContactLogging(ContactIntake intake) {
        this.intake = intake;
    }

    @Override
    public ContactAccepted log(Actor staff, byte[] submission) {
        try {
            return intake.accept(staff, submission);
        } catch (SubmissionRejectedException rejected) {
            throw new SubmissionRefusedException(rejected.violations().stream()
                    .map(violation -> new SubmissionRefusedException.FieldProblem(violation.field(), violation.problem()))
                    .toList());
        }
    }
}
