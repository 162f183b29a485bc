package uk.frontdoor.triage.staff.contact;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.frontdoor.triage.api.query.ContactStatusView;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.staff.TriageRefusedException;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.staff.StaffDesk;
import uk.frontdoor.triage.staff.contact.ContactCommands.ContactAction;
import uk.frontdoor.triage.staff.pages.ContactIds;
import uk.frontdoor.triage.staff.pages.FormErrors;
import uk.frontdoor.triage.staff.pages.Notices;
import uk.frontdoor.triage.staff.pages.RefusalMessages;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One way for every form on a contact's page to act: send the command unless the form already has
 * errors, then back to the page (POST-redirect-GET) with a success banner once the contact's read
 * model shows the change, or with the error summary.
 */
@Component
class ContactActions {

    /** Waits for the read models to show a change, given the command's result and who made it. */
    @FunctionalInterface
    interface Shown<R> {
        boolean await(StaffDesk.Wait wait, ContactId contact, R result, Actor me);
    }

    /** Shown when the contact's own read model satisfies what {@code visible} makes of the result. */
    static <R> Shown<R> inView(BiFunction<R, Actor, Predicate<ContactStatusView>> visible) {
        return (wait, contact, result, me) -> wait.contact(contact, visible.apply(result, me));
    }

    private final StaffDesk desk;
    private final Clock clock;

    ContactActions(StaffDesk desk, Clock clock) {
        this.desk = desk;
        this.clock = clock;
    }

    StaffDesk desk() {
        return desk;
    }

    /**
     * @param fieldFor the field a refusal is about, for the error summary's link
     * @param shown    waits for the read models to show the change
     */
    <R> String act(Authentication who, String contactId, FormErrors errors, RedirectAttributes flash,
                   String success, ContactAction action, Function<Refusal, String> fieldFor, Shown<R> shown) {
        Actor me = desk.actor(who);
        ContactId id = ContactIds.parse(contactId);
        String back = "redirect:/contacts/" + id.value();
        if (errors.any()) {
            flash.addFlashAttribute("errors", errors);
            return back;
        }
        R result;
        try {
            result = desk.send(action.command(childOrNotFound(id), id, me));
        } catch (TriageRefusedException refused) {
            if (refused.refusal() == Refusal.UNKNOWN_CONTACT) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            flash.addFlashAttribute("errors", errors.add(fieldFor.apply(refused.refusal()), RefusalMessages.of(refused)));
            return back;
        }
        flash.addFlashAttribute("success", Notices.done(success, shown.await(desk.awaiting(), id, result, me)));
        return back;
    }

    /** The contact's child; an unknown contact is a page that does not exist. */
    ChildId childOrNotFound(ContactId id) {
        try {
            return desk.childOf(id);
        } catch (TriageRefusedException unknown) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    /** A time recorded as past may not be later than now, by the service's clock (the domain checks it too). */
    void notInFuture(FormErrors errors, Instant at, String field, String what) {
        if (at != null && at.isAfter(clock.instant())) {
            errors.add(field, what + " must be in the past");
        }
    }

    static <T> List<T> listOf(List<T> list) {
        return list == null ? List.of() : list;
    }
}
