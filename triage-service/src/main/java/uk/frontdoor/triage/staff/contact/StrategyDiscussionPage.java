package uk.frontdoor.triage.staff.contact;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.bind.annotation.RequestParam;
import uk.frontdoor.triage.api.StrategyDiscussionHeld;
import uk.frontdoor.triage.api.query.AlertBoard;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.staff.contact.ContactCommands.ActionDoneRecord;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.staff.contact.ContactCommands.ConferenceRecord;
import uk.frontdoor.triage.staff.contact.ContactCommands.ConveneRequest;
import uk.frontdoor.triage.staff.contact.ContactCommands.StrategyDiscussionRecord;
import uk.frontdoor.triage.staff.contact.DiscussionForms.ActionRows;
import uk.frontdoor.triage.staff.contact.DiscussionForms.AttendeeRows;
import uk.frontdoor.triage.staff.contact.DiscussionForms.ConferenceForm;
import uk.frontdoor.triage.staff.contact.DiscussionForms.ConveneForm;
import uk.frontdoor.triage.staff.contact.DiscussionForms.HeldForm;
import uk.frontdoor.triage.staff.pages.FormErrors;
import uk.frontdoor.triage.staff.pages.FormInput;
import uk.frontdoor.triage.staff.pages.StaffPage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static uk.frontdoor.triage.staff.contact.ContactActions.inView;
import static uk.frontdoor.triage.staff.contact.ContactActions.listOf;

/** The contact page's strategy discussion forms: convene it, record it as held, and the initial conference. */
@Controller
@StaffPage
class StrategyDiscussionPage {

    private final ContactActions actions;

    StrategyDiscussionPage(ContactActions actions) {
        this.actions = actions;
    }

    @PostMapping("/contacts/{contactId}/strategy-discussion")
    String convene(Authentication who, @PathVariable String contactId, @ModelAttribute ConveneForm form,
                   RedirectAttributes flash) {
        FormErrors errors = new FormErrors("convene");
        ConveneRequest convene = form.read(errors);
        return actions.act(who, contactId, errors, flash, "Strategy discussion convened", convene,
                refusal -> refusal == Refusal.AGENCY_REQUIRED || refusal == Refusal.UNKNOWN_AGENCY
                        ? "invited" : "planned-day",
                inView((result, me) -> view -> view.work().strategyDiscussion() != null
                        && Objects.equals(view.work().strategyDiscussion().plannedAt(), convene.plannedAt())));
    }

    /** One form, bound as three parts: when and how it was held, who attended, and the actions agreed. */
    @PostMapping("/contacts/{contactId}/strategy-discussion/record")
    String recordDiscussion(Authentication who, @PathVariable String contactId, @ModelAttribute HeldForm held,
                            @ModelAttribute AttendeeRows attendeeRows, @ModelAttribute ActionRows actionRows,
                            RedirectAttributes flash) {
        FormErrors errors = new FormErrors("held");
        held.keep(errors);
        Instant heldAt = held.heldAt(errors);
        StrategyDiscussionHeld.Mode mode = held.chosenMode(errors);
        List<StrategyDiscussionHeld.Attendee> attendees = attendeeRows.read(errors);
        StrategyDiscussionHeld.Outcome outcome = held.chosenOutcome(errors);
        List<StrategyDiscussionHeld.Action> agreed = actionRows.read(errors);
        var record = new StrategyDiscussionRecord(heldAt, mode, attendees, outcome,
                FormInput.text(held.summary()), agreed);
        return actions.act(who, contactId, errors, flash, "Strategy discussion recorded", record,
                refusal -> switch (refusal) {
                    case ATTENDEES_REQUIRED, UNKNOWN_AGENCY -> "attendee-0-name";
                    case ACTION_DUE_DATE_REQUIRED -> "action-0-description";
                    default -> "held-day";
                },
                inView((result, me) -> view -> view.work().strategyDiscussion() != null
                        && view.work().strategyDiscussion().held() != null));
    }

    /**
     * An action agreed at the discussion, done. Each open action has its own form on the page, so its fields are
     * named after its number ({@code done-action-2-day} …), read here by name.
     */
    @PostMapping("/contacts/{contactId}/strategy-discussion/actions/{action}/done")
    String recordActionDone(Authentication who, @PathVariable String contactId, @PathVariable int action,
                            @RequestParam Map<String, String> form, RedirectAttributes flash) {
        String prefix = "done-action-" + action;
        String note = form.get(prefix + "-note");
        FormErrors errors = new FormErrors("action").keep(prefix + "-note", note);
        LocalDate date = FormInput.date(errors, prefix, "the date action " + action + " was done", true,
                form.get(prefix + "-day"), form.get(prefix + "-month"), form.get(prefix + "-year"));
        LocalTime at = FormInput.time(errors, prefix + "-time", "the time action " + action + " was done", true,
                form.get(prefix + "-time"));
        if (FormInput.text(note) == null) {
            errors.add(prefix + "-note", "Enter what was done for action " + action);
        }
        Instant doneAt = FormInput.instant(date, at);
        actions.notInFuture(errors, doneAt, prefix + "-day", "The date and time action " + action + " was done");
        return actions.act(who, contactId, errors, flash, "Action " + action + " recorded as done",
                new ActionDoneRecord(doneAt, FormInput.text(note)).of(action),
                refusal -> refusal == Refusal.FIELD_REQUIRED ? prefix + "-note" : prefix + "-day",
                (wait, contact, result, me) -> wait.contact(contact, view -> listOf(view.work().strategyActionsDone())
                        .stream().anyMatch(done -> done.action() == action))
                        // ... and its clock has stopped in the alerts read model, which the page also shows.
                        && wait.clocks(contact, clocks -> clocks.stream().noneMatch(clock ->
                        clock.type() == ClockType.STRATEGY_ACTION && clock.reference() != null
                                && clock.reference().endsWith("#" + action)
                                && clock.state() != AlertBoard.State.STOPPED)));
    }

    @PostMapping("/contacts/{contactId}/conference")
    String recordConference(Authentication who, @PathVariable String contactId, @ModelAttribute ConferenceForm form,
                            RedirectAttributes flash) {
        FormErrors errors = new FormErrors("conference");
        ConferenceRecord conference = form.read(errors);
        actions.notInFuture(errors, conference.heldAt(), "conference-held-day",
                "The date and time the conference was held");
        return actions.act(who, contactId, errors, flash, "Initial child protection conference recorded", conference,
                refusal -> refusal == Refusal.FIELD_REQUIRED || refusal == Refusal.NO_CONFERENCE_DUE
                        ? "conference-outcome" : "conference-held-day",
                inView((result, me) -> view -> view.work().conference() != null));
    }
}
