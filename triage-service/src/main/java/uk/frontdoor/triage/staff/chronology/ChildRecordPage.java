package uk.frontdoor.triage.staff.chronology;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.frontdoor.triage.api.command.ContactAccepted;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.staff.TriageRefusedException;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.staff.StaffDesk;
import uk.frontdoor.triage.staff.chronology.ChildCommands.LinkChange;
import uk.frontdoor.triage.staff.chronology.ChildCommands.LinkRequest;
import uk.frontdoor.triage.staff.chronology.ChildCommands.StepUpRequest;
import uk.frontdoor.triage.staff.chronology.ChildCommands.UnlinkRequest;
import uk.frontdoor.triage.staff.pages.ContactIds;
import uk.frontdoor.triage.staff.pages.FormErrors;
import uk.frontdoor.triage.staff.pages.FormInput;
import uk.frontdoor.triage.staff.pages.Notices;
import uk.frontdoor.triage.staff.pages.RefusalMessages;
import uk.frontdoor.triage.staff.pages.StaffPage;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;

/**
 * The two forms on a child's chronology that act on the record as a whole: link another record found to
 * be the same child, and step a child whose latest decision was early help up to social care (a new
 * contact, whose page follows). Each sends the command the staff API sends ({@link ChildCommands}).
 */
@Controller
@StaffPage
class ChildRecordPage {

    private final StaffDesk desk;

    ChildRecordPage(StaffDesk desk) {
        this.desk = desk;
    }

    record LinkForm(String other, String reason) {
        LinkRequest read(FormErrors errors) {
            errors.keep("link-other", other).keep("link-reason", reason);
            String typed = FormInput.text(other);
            if (typed == null) {
                errors.add("link-other", "Enter the reference of the other record");
            } else if (!ContactIds.valid(typed)) {
                errors.add("link-other", "Enter the other record's reference in full, as its chronology shows it");
            }
            if (FormInput.text(reason) == null) {
                errors.add("link-reason", "Enter why the records are one child");
            }
            return errors.any() ? null : new LinkRequest(ContactIds.child(typed).value(), FormInput.text(reason));
        }
    }

    /** Links another record found to be the same child; each chronology then shows both histories. */
    @PostMapping("/children/{childId}/links")
    String link(Authentication who, @PathVariable String childId, @ModelAttribute LinkForm form,
                RedirectAttributes flash) {
        return changeLink(who, childId, new FormErrors("link"), form::read, true, "Records linked", flash);
    }

    record UnlinkForm(String other, String reason) {
        UnlinkRequest read(FormErrors errors) {
            errors.keep("unlink-other", other).keep("unlink-reason", reason);
            String chosen = FormInput.text(other);
            if (chosen == null || !ContactIds.valid(chosen)) {
                errors.add("unlink-other", "Select the record that is not this child");
            }
            if (FormInput.text(reason) == null) {
                errors.add("unlink-reason", "Enter why the records are not the same child");
            }
            return errors.any() ? null : new UnlinkRequest(ContactIds.child(chosen).value(), FormInput.text(reason));
        }
    }

    /** Undoes a wrong link: the histories separate and the open contacts are assessed again without the other's. */
    @PostMapping("/children/{childId}/unlink")
    String unlink(Authentication who, @PathVariable String childId, @ModelAttribute UnlinkForm form,
                  RedirectAttributes flash) {
        return changeLink(who, childId, new FormErrors("unlink"), form::read, false,
                "Link undone: the records are separate again", flash);
    }

    /**
     * Reads a link or unlink form, sends its command and goes back to the chronology, waiting (briefly)
     * until the chronology shows the other record {@code linked} or not.
     */
    private String changeLink(Authentication who, String childId, FormErrors errors,
                              Function<FormErrors, ? extends LinkChange> read, boolean linked, String done,
                              RedirectAttributes flash) {
        Actor me = desk.actor(who);
        ChildId child = ContactIds.child(childId);
        String back = "redirect:/children/" + child.value() + "/chronology";
        LinkChange change = read.apply(errors);
        if (errors.any()) {
            flash.addFlashAttribute("errors", errors);
            return back;
        }
        ChildId otherChild = ChildId.of(change.otherChildId());
        if (!sent(change.command(child, me), errors, flash)) {
            return back;
        }
        boolean shown = desk.awaiting().chronology(child, found -> found.linkedChildren().contains(otherChild) == linked);
        flash.addFlashAttribute("success", Notices.done(done, shown));
        return back;
    }

    /**
     * Sends a link or unlink; a refusal goes back to the form as an error at the field it concerns (the
     * reason, or the other record), named by the form's prefix ({@code link}, {@code unlink}).
     */
    private boolean sent(Object command, FormErrors errors, RedirectAttributes flash) {
        String form = errors.form();
        try {
            desk.send(command);
            return true;
        } catch (AggregateNotFoundException unknown) {
            flash.addFlashAttribute("errors", errors.add(form + "-other", "No child's record has that reference"));
        } catch (TriageRefusedException refused) {
            flash.addFlashAttribute("errors", errors.add(
                    refused.refusal() == Refusal.REASON_REQUIRED ? form + "-reason" : form + "-other",
                    RefusalMessages.of(refused)));
        }
        return false;
    }

    record StepUpForm(String summary, String reason, List<String> factors, List<String> indicators,
                      @BindParam("immediate-risk") String immediateRisk) {
        StepUpRequest read(FormErrors errors) {
            List<String> chosenFactors = factors == null ? List.of() : List.copyOf(new LinkedHashSet<>(factors));
            List<String> chosenIndicators = indicators == null ? List.of()
                    : List.copyOf(new LinkedHashSet<>(indicators));
            errors.keep("step-up-summary", summary).keep("step-up-reason", reason)
                    .keep("step-up-factors", String.join(",", chosenFactors))
                    .keep("step-up-indicators", String.join(",", chosenIndicators))
                    .keep("step-up-risk", immediateRisk);
            if (FormInput.text(summary) == null) {
                errors.add("step-up-summary", "Enter what early help did and found");
            }
            if (FormInput.text(reason) == null) {
                errors.add("step-up-reason", "Enter why early help is no longer enough");
            }
            if (chosenFactors.isEmpty()) {
                errors.add("step-up-factors", "Select the factors of the concern, or No factors identified");
            } else if (!chosenFactors.stream().allMatch(ChronologyPage.FACTORS::contains)) {
                errors.add("step-up-factors", "Select factors from the list");
            } else if (chosenFactors.contains(ChronologyPage.NO_FACTORS) && chosenFactors.size() > 1) {
                errors.add("step-up-factors", "No factors identified cannot be selected with other factors");
            }
            if (!chosenIndicators.stream().allMatch(ChronologyPage.INDICATORS::contains)) {
                errors.add("step-up-indicators", "Select indicators from the list");
            }
            String risk = FormInput.text(immediateRisk);
            if (risk == null || !ChronologyPage.YES_NO.contains(risk)) {
                errors.add("step-up-risk", "Select whether the child is at immediate risk");
            }
            return new StepUpRequest(FormInput.text(summary), FormInput.text(reason), chosenFactors, chosenIndicators,
                    "YES".equals(risk));
        }
    }

    /**
     * Steps the child up from early help: a new contact, carrying the early-help history, is received
     * and assessed like any other, and the worker is taken to it.
     */
    @PostMapping("/children/{childId}/step-up")
    String stepUp(Authentication who, @PathVariable String childId, @ModelAttribute StepUpForm form,
                  RedirectAttributes flash) {
        Actor me = desk.actor(who);
        ChildId child = ContactIds.child(childId);
        String back = "redirect:/children/" + child.value() + "/chronology";
        FormErrors errors = new FormErrors("step-up");
        StepUpRequest stepUp = form.read(errors);
        if (errors.any()) {
            flash.addFlashAttribute("errors", errors);
            return back;
        }
        ContactAccepted accepted;
        try {
            accepted = desk.send(stepUp.command(child, me));
        } catch (AggregateNotFoundException unknown) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        } catch (TriageRefusedException refused) {
            flash.addFlashAttribute("errors", errors.add(
                    refused.refusal() == Refusal.REASON_REQUIRED ? "step-up-reason" : "step-up-summary",
                    RefusalMessages.of(refused)));
            return back;
        }
        ContactId contact = accepted.contactId();
        // The new contact's page shows the rules' assessment: wait (briefly) until its view has it.
        boolean shown = desk.awaitVisible(contact, view -> view.threshold() != null);
        flash.addFlashAttribute("success", Notices.done("Stepped up from early help: this is the new contact, "
                + "assessed by the threshold rules", shown));
        return "redirect:/contacts/" + contact.value();
    }
}
