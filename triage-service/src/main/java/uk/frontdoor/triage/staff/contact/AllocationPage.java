package uk.frontdoor.triage.staff.contact;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.frontdoor.triage.api.WorkAllocated;
import uk.frontdoor.triage.api.command.AllocateWork;
import uk.frontdoor.triage.staff.pages.FormErrors;
import uk.frontdoor.triage.staff.pages.FormInput;
import uk.frontdoor.triage.staff.pages.StaffPage;

/**
 * The contact page's allocation form (managers): give the decided contact, or its strategy discussion, to a
 * team and a worker in it. The same command as {@code POST /api/v1/contacts/{id}/allocation}.
 */
@Controller
@StaffPage
class AllocationPage {

    private final ContactActions actions;

    AllocationPage(ContactActions actions) {
        this.actions = actions;
    }

    record AllocationForm(String work, String team, String worker, String note) {
    }

    @PostMapping("/contacts/{contactId}/allocation")
    String allocate(Authentication who, @PathVariable String contactId, @ModelAttribute AllocationForm form,
                    RedirectAttributes flash) {
        FormErrors errors = new FormErrors("allocate");
        errors.keep("allocate-work", form.work()).keep("allocate-team", form.team())
                .keep("allocate-worker", form.worker()).keep("allocate-note", form.note());
        WorkAllocated.Work work = FormInput.choice(WorkAllocated.Work.class, form.work());
        if (work == null) {
            errors.add("allocate-work", "Select the work to allocate");
        }
        if (FormInput.text(form.team()) == null) {
            errors.add("allocate-team", "Enter the team");
        }
        if (FormInput.text(form.worker()) == null) {
            errors.add("allocate-worker", "Enter the worker's sign-in name");
        }
        return actions.<Object>act(who, contactId, errors, flash, "The work is allocated",
                (child, contact, by) -> new AllocateWork(child, contact, work, form.team(), form.worker(), form.note(),
                        by),
                refusal -> switch (refusal) {
                    case UNKNOWN_TEAM -> "allocate-team";
                    case UNKNOWN_STAFF -> "allocate-worker";
                    default -> "allocate-work";
                },
                (wait, contact, result, me) -> wait.allocations(contact, allocations -> allocations.stream()
                        .anyMatch(allocation -> allocation.work() == work
                                && allocation.worker().equals(form.worker().strip())
                                && allocation.team().equals(form.team().strip()))));
    }
}
