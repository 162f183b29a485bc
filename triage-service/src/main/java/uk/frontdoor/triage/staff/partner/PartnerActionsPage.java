package uk.frontdoor.triage.staff.partner;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.frontdoor.triage.api.command.RecordStrategyActionDone;
import uk.frontdoor.triage.api.query.FindPartnerAction;
import uk.frontdoor.triage.api.query.FindPartnerActions;
import uk.frontdoor.triage.api.query.PartnerActions;
import uk.frontdoor.triage.api.staff.StaffPermission;
import uk.frontdoor.triage.api.staff.TriageRefusedException;
import uk.frontdoor.triage.api.staff.ViewLog;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.staff.StaffDesk;
import uk.frontdoor.triage.staff.pages.Dates;
import uk.frontdoor.triage.staff.pages.FormErrors;
import uk.frontdoor.triage.staff.pages.FormInput;
import uk.frontdoor.triage.staff.pages.Notices;
import uk.frontdoor.triage.staff.pages.RefusalMessages;
import uk.frontdoor.triage.staff.pages.StaffPage;
import uk.frontdoor.triage.staff.pages.TimeLeft;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seconded MASH partner staff and the strategy discussion actions the discussion gave their agency: what to do, by
 * when, for which child; recorded done with a note, which stops the action's clock in the child's record as the
 * staff member's. Another agency's action is not found; nothing else of the record is shown.
 */
@Controller
@StaffPage
class PartnerActionsPage {

    /** A discussion's id (letters, digits, dashes) and the action's number after the last dash. */
    private static final Pattern ACTION_ID = Pattern.compile("([A-Za-z0-9-]{1,64})-([0-9]{1,3})");

    private final StaffDesk desk;
    private final QueryGateway queries;
    private final Clock clock;
    private final ViewLog views;

    PartnerActionsPage(StaffDesk desk, QueryGateway queries, Clock clock, ViewLog views) {
        this.desk = desk;
        this.queries = queries;
        this.clock = clock;
        this.views = views;
    }

    record Row(PartnerActions.Action action, TimeLeft timeLeft) {
    }

    @GetMapping("/partner-actions")
    String actions(Authentication who, Model model) {
        Actor me = partnerStaff(who);
        Instant now = clock.instant();
        var open = list(me, false);
        var done = list(me, true);
        // Each child named on the page: a read of their details, recorded like any other.
        views.recordAll(java.util.stream.Stream.concat(open.stream(), done.stream())
                .map(action -> new ViewLog.Viewed(action.childId(), action.contactId())).toList(), me,
                "partner actions page");
        model.addAttribute("agency", me.agency());
        model.addAttribute("open", open.stream()
                .map(action -> new Row(action, action.dueAt() == null ? null : TimeLeft.until(action.dueAt(), now)))
                .toList());
        model.addAttribute("done", done);
        return "partner-actions";
    }

    @GetMapping("/partner-actions/{actionId}")
    String action(Authentication who, @PathVariable String actionId, Model model) {
        Actor me = partnerStaff(who);
        PartnerActions.Action action = find(me, actionId);
        views.record(action.childId(), action.contactId(), me, "partner action page");
        model.addAttribute("action", action);
        model.addAttribute("timeLeft", action.dueAt() == null ? null : TimeLeft.until(action.dueAt(), clock.instant()));
        model.addAttribute("today", LocalDate.ofInstant(clock.instant(), Dates.ENGLAND));
        return "partner-action";
    }

    @PostMapping("/partner-actions/{actionId}/done")
    String done(Authentication who, @PathVariable String actionId, @RequestParam(required = false) String note,
                @RequestParam(name = "done-day", required = false) String day,
                @RequestParam(name = "done-month", required = false) String month,
                @RequestParam(name = "done-year", required = false) String year,
                @RequestParam(name = "done-time", required = false) String time, RedirectAttributes flash) {
        Actor me = partnerStaff(who);
        PartnerActions.Action action = find(me, actionId);
        String page = "redirect:/partner-actions/" + action.actionId();
        if (!action.open()) {
            return page;
        }
        FormErrors errors = new FormErrors("done").keep("note", note);
        LocalDate date = FormInput.date(errors, "done", "the date the action was done", true, day, month, year);
        LocalTime at = FormInput.time(errors, "done-time", "the time the action was done", true, time);
        if (FormInput.text(note) == null) {
            errors.add("note", "Enter what was done");
        }
        Instant doneAt = FormInput.instant(date, at);
        if (doneAt != null && doneAt.isAfter(clock.instant())) {
            errors.add("done-day", "The date and time the action was done must be in the past");
        }
        if (errors.any()) {
            flash.addFlashAttribute("errors", errors);
            return page;
        }
        try {
            desk.send(new RecordStrategyActionDone(action.childId(), action.contactId(), action.action(), doneAt,
                    FormInput.text(note), me));
        } catch (TriageRefusedException refused) {
            flash.addFlashAttribute("errors", errors.add("done-day", RefusalMessages.of(refused)));
            return page;
        }
        flash.addFlashAttribute("success", Notices.done("Action recorded as done", true));
        return "redirect:/partner-actions";
    }

    private java.util.List<PartnerActions.Action> list(Actor me, boolean done) {
        return queries.query(new FindPartnerActions(me.agency(), done),
                ResponseTypes.instanceOf(PartnerActions.class)).join().actions();
    }

    private Actor partnerStaff(Authentication who) {
        Actor me = desk.actor(who);
        if (!me.role().may(StaffPermission.OWN_AGENCY_ACTIONS) || me.agency() == null) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return me;
    }

    private PartnerActions.Action find(Actor me, String actionId) {
        Matcher matcher = ACTION_ID.matcher(actionId);
        if (!matcher.matches()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Optional<PartnerActions.Action> found = queries.query(new FindPartnerAction(matcher.group(1),
                        Integer.parseInt(matcher.group(2)), me.agency()),
                ResponseTypes.optionalInstanceOf(PartnerActions.Action.class)).join();
        return found.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
