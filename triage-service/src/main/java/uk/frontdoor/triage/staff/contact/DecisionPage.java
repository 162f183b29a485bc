package uk.frontdoor.triage.staff.contact;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.staff.contact.ContactForms.FeedbackForm;
import uk.frontdoor.triage.staff.contact.ContactForms.ProposalForm;
import uk.frontdoor.triage.staff.contact.ContactForms.ReasonForm;
import uk.frontdoor.triage.staff.pages.ContactIds;
import uk.frontdoor.triage.staff.pages.FormErrors;
import uk.frontdoor.triage.staff.pages.StaffPage;

import static uk.frontdoor.triage.staff.contact.ContactActions.inView;
import static uk.frontdoor.triage.staff.contact.ContactActions.listOf;

/** The contact page's decision forms: propose, authorise or return, and feedback to the referrer. */
@Controller
@StaffPage
class DecisionPage {

    private final ContactActions actions;

    DecisionPage(ContactActions actions) {
        this.actions = actions;
    }

    @PostMapping("/contacts/{contactId}/proposal")
    String propose(Authentication who, @PathVariable String contactId, @ModelAttribute ProposalForm form,
                   RedirectAttributes flash) {
        FormErrors errors = new FormErrors("proposal");
        return actions.act(who, contactId, errors, flash, "Decision proposed for a manager to authorise",
                form.read(errors),
                refusal -> refusal == Refusal.REASON_REQUIRED ? "proposal-rationale" : "proposal-outcome",
                inView((result, me) -> view -> view.work().proposal() != null));
    }

    @PostMapping("/contacts/{contactId}/proposal/authorise")
    String authorise(Authentication who, @PathVariable String contactId, @ModelAttribute ReasonForm form,
                     RedirectAttributes flash) {
        FormErrors errors = new FormErrors("authorise");
        return actions.act(who, contactId, errors, flash, "Decision authorised",
                form.read(errors, "authorise-reason", null).authorise(), refusal -> "authorise-reason",
                inView((result, me) -> view -> view.work().decision() != null));
    }

    @PostMapping("/contacts/{contactId}/proposal/return")
    String returnProposal(Authentication who, @PathVariable String contactId, @ModelAttribute ReasonForm form,
                          RedirectAttributes flash) {
        FormErrors errors = new FormErrors("return");
        return actions.act(who, contactId, errors, flash, "Proposal returned to its worker",
                form.read(errors, "return-reason", "Enter why the proposal goes back to its worker").giveBack(),
                refusal -> "return-reason",
                inView((result, me) -> view -> view.work().proposal() == null));
    }

    @PostMapping("/contacts/{contactId}/feedback")
    String feedback(Authentication who, @PathVariable String contactId, @ModelAttribute FeedbackForm form,
                    RedirectAttributes flash) {
        FormErrors errors = new FormErrors("feedback");
        var feedback = form.read(errors);
        int before = actions.desk().status(ContactIds.parse(contactId))
                .map(view -> listOf(view.work().feedback()).size()).orElse(0);
        return actions.act(who, contactId, errors, flash, "Feedback to the referrer recorded", feedback,
                refusal -> "feedback-method",
                inView((result, me) -> view -> listOf(view.work().feedback()).size() > before));
    }
}
