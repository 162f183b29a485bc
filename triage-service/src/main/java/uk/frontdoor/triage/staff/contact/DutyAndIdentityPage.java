package uk.frontdoor.triage.staff.contact;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.frontdoor.triage.api.query.AlertBoard;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.staff.contact.ContactCommands.DutyRecord;
import uk.frontdoor.triage.staff.contact.ContactCommands.IdentityDecision;
import uk.frontdoor.triage.staff.pages.ContactIds;
import uk.frontdoor.triage.staff.pages.FormErrors;
import uk.frontdoor.triage.staff.pages.FormInput;
import uk.frontdoor.triage.staff.pages.Labels;
import uk.frontdoor.triage.staff.pages.StaffPage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;

import static uk.frontdoor.triage.staff.contact.ContactActions.listOf;

/** The contact page's forms for a duty the rules raised, done, and for a possible match of the child. */
@Controller
@StaffPage
class DutyAndIdentityPage {

    /** The answers to "is this the same child?" on a possible match, as the identity form offers them. */
    static final java.util.List<String> IDENTITY_CHOICES = java.util.List.of("SAME", "DIFFERENT");

    private final ContactActions actions;
    private final Labels labels;

    DutyAndIdentityPage(ContactActions actions, Labels labels) {
        this.actions = actions;
        this.labels = labels;
    }

    /**
     * A duty the rules raised, recorded as done. Each open duty has its own form on the page, so its
     * fields are named after it ({@code duty-return-home-interview-done-day} …), read here by name.
     */
    @PostMapping("/contacts/{contactId}/duties/{duty}")
    String recordDuty(Authentication who, @PathVariable String contactId, @PathVariable String duty,
                      @RequestParam Map<String, String> form, RedirectAttributes flash) {
        ClockType type = ContactCommands.duty(duty).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String prefix = "duty-" + ContactCommands.dutyPath(type) + "-";
        String note = form.get(prefix + "note");
        FormErrors errors = new FormErrors("duty").keep(prefix + "note", note);
        String name = labels.of("clock", type);
        // "return home interview", "referral to the LADO": the duty's name inside a sentence.
        String what = Character.toLowerCase(name.charAt(0)) + name.substring(1);
        LocalDate date = FormInput.date(errors, prefix + "done", "the date the " + what + " was done", true,
                form.get(prefix + "done-day"), form.get(prefix + "done-month"), form.get(prefix + "done-year"));
        LocalTime at = FormInput.time(errors, prefix + "time", "the time the " + what + " was done", true,
                form.get(prefix + "time"));
        Instant doneAt = FormInput.instant(date, at);
        actions.notInFuture(errors, doneAt, prefix + "done-day", "The date and time the " + what + " was done");
        return actions.act(who, contactId, errors, flash, name + " recorded as done",
                new DutyRecord(doneAt, FormInput.text(note)).of(type), refusal -> prefix + "done-day",
                (wait, contact, result, me) -> wait.contact(contact, view -> listOf(view.work().dutiesDone()).stream()
                        .anyMatch(done -> done.duty() == type && done.doneAt().equals(doneAt)))
                        // ... and its clock has stopped in the alerts read model, which the page also shows.
                        && wait.clocks(contact, clocks -> clocks.stream().noneMatch(running ->
                        running.type() == type && running.state() != AlertBoard.State.STOPPED)));
    }

    /**
     * Confirms or rules out one possible match of the contact's child with a child already known.
     * Confirming links the two records (each chronology then shows both).
     */
    @PostMapping("/contacts/{contactId}/identity/resolve")
    String resolveIdentity(Authentication who, @PathVariable String contactId, @ModelAttribute IdentityForm form,
                           RedirectAttributes flash) {
        ChildId candidateId = ContactIds.child(form.candidate());
        String prefix = "identity-" + candidateId.value() + "-";
        FormErrors errors = new FormErrors("identity");
        IdentityDecision decision = form.read(errors, prefix, candidateId);
        return actions.act(who, contactId, errors, flash, decision.sameChild()
                        ? "Match confirmed: the two records are linked" : "Match ruled out", decision,
                refusal -> refusal == Refusal.REASON_REQUIRED ? prefix + "reason" : prefix + "same",
                ContactActions.inView((result, me) -> view -> view.work().identity() != null
                        && listOf(view.work().identity().resolutions()).stream()
                        .anyMatch(resolution -> resolution.candidate().equals(candidateId))));
    }

    record IdentityForm(String candidate, String same, String reason) {
        IdentityDecision read(FormErrors errors, String prefix, ChildId candidateId) {
            errors.keep(prefix + "same", same).keep(prefix + "reason", reason);
            String answer = FormInput.text(same);
            if (answer == null || !IDENTITY_CHOICES.contains(answer)) {
                errors.add(prefix + "same", "Select whether this is the same child");
            }
            if (FormInput.text(reason) == null) {
                errors.add(prefix + "reason", "Enter how the match was confirmed or ruled out");
            }
            return new IdentityDecision(candidateId.value(), "SAME".equals(answer), FormInput.text(reason));
        }
    }
}
