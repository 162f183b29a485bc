package uk.frontdoor.triage.staff.contact;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.frontdoor.triage.api.command.PartnerCheckReceipt;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.staff.contact.ContactCommands.ConsentRequest;
import uk.frontdoor.triage.staff.contact.ContactCommands.PriorityRequest;
import uk.frontdoor.triage.staff.contact.ContactForms.ConsentForm;
import uk.frontdoor.triage.staff.contact.ContactForms.PartnerChecksForm;
import uk.frontdoor.triage.staff.contact.ContactForms.PriorityForm;
import uk.frontdoor.triage.staff.contact.ContactForms.ReplyForm;
import uk.frontdoor.triage.staff.pages.FormErrors;
import uk.frontdoor.triage.staff.pages.StaffPage;

import java.util.List;

import static uk.frontdoor.triage.staff.contact.ContactActions.inView;
import static uk.frontdoor.triage.staff.contact.ContactActions.listOf;

/** The contact page's screening forms: claim and release, consent, partner checks and replies, the RAG rating. */
@Controller
@StaffPage
class CaseworkPage {

    private final ContactActions actions;

    CaseworkPage(ContactActions actions) {
        this.actions = actions;
    }

    @PostMapping("/contacts/{contactId}/claim")
    String claim(Authentication who, @PathVariable String contactId, RedirectAttributes flash) {
        return actions.act(who, contactId, new FormErrors("claim"), flash, "You have claimed this contact",
                ContactCommands.CLAIM, refusal -> "claim",
                inView((result, me) -> view -> me.userId().equals(view.work().heldBy())));
    }

    @PostMapping("/contacts/{contactId}/release")
    String release(Authentication who, @PathVariable String contactId, RedirectAttributes flash) {
        return actions.act(who, contactId, new FormErrors("release"), flash, "The contact is back in the queue",
                ContactCommands.RELEASE, refusal -> "release",
                inView((result, me) -> view -> view.work().heldBy() == null));
    }

    @PostMapping("/contacts/{contactId}/consent")
    String consent(Authentication who, @PathVariable String contactId, @ModelAttribute ConsentForm form,
                   RedirectAttributes flash) {
        FormErrors errors = new FormErrors("consent");
        ConsentRequest consent = form.read(errors);
        return actions.act(who, contactId, errors, flash, "Consent recorded", consent,
                refusal -> refusal == Refusal.REASON_REQUIRED ? "consent-reason" : "consent-decision",
                inView((result, me) -> view -> view.work().consent() != null
                        && view.work().consent().decision() == consent.decision()));
    }

    @PostMapping("/contacts/{contactId}/partner-checks")
    String requestChecks(Authentication who, @PathVariable String contactId, @ModelAttribute PartnerChecksForm form,
                         RedirectAttributes flash) {
        FormErrors errors = new FormErrors("checks");
        return actions.act(who, contactId, errors, flash, "Partner checks requested", form.read(errors),
                refusal -> refusal == Refusal.UNKNOWN_AGENCY || refusal == Refusal.AGENCY_REQUIRED
                        ? "check-agencies" : "check-question",
                ContactActions.<List<PartnerCheckReceipt>>inView((receipts, me) -> view -> receipts.stream()
                        .allMatch(receipt -> listOf(view.work().partnerChecks()).stream()
                                .anyMatch(check -> check.checkId().equals(receipt.checkId())))));
    }

    @PostMapping("/contacts/{contactId}/partner-checks/{checkId}/reply")
    String reply(Authentication who, @PathVariable String contactId, @PathVariable String checkId,
                 @ModelAttribute ReplyForm form, RedirectAttributes flash) {
        String field = "reply-" + checkId;
        FormErrors errors = new FormErrors("reply");
        return actions.act(who, contactId, errors, flash, "Reply recorded", form.read(errors, field).to(checkId),
                refusal -> field,
                inView((result, me) -> view -> listOf(view.work().partnerChecks()).stream()
                        .anyMatch(check -> check.checkId().equals(checkId) && check.repliedAt() != null)));
    }

    @PostMapping("/contacts/{contactId}/priority")
    String priority(Authentication who, @PathVariable String contactId, @ModelAttribute PriorityForm form,
                    RedirectAttributes flash) {
        FormErrors errors = new FormErrors("priority");
        PriorityRequest priority = form.read(errors);
        return actions.act(who, contactId, errors, flash, "RAG rating changed", priority,
                refusal -> refusal == Refusal.REASON_REQUIRED ? "priority-rationale" : "priority-rag",
                inView((result, me) -> view -> view.work().priority() == priority.priority()));
    }
}
