package uk.frontdoor.triage.staff.contact;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.frontdoor.triage.api.StrategyDiscussionHeld;
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
import java.util.List;
import java.util.Objects;

import static uk.frontdoor.triage.staff.contact.ContactActions.inView;

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
