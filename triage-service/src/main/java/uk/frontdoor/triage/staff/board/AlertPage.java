package uk.frontdoor.triage.staff.board;

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
import uk.frontdoor.triage.api.query.AlertBoard.Alert;
import uk.frontdoor.triage.api.staff.TriageRefusedException;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.staff.StaffDesk;
import uk.frontdoor.triage.staff.board.AlertCommands.Acknowledgement;
import uk.frontdoor.triage.staff.board.AlertCommands.AlertAction;
import uk.frontdoor.triage.staff.board.AlertCommands.Assignment;
import uk.frontdoor.triage.staff.board.AlertCommands.Escalation;
import uk.frontdoor.triage.staff.pages.FormErrors;
import uk.frontdoor.triage.staff.pages.FormInput;
import uk.frontdoor.triage.staff.pages.Notices;
import uk.frontdoor.triage.staff.pages.RefusalMessages;
import uk.frontdoor.triage.staff.pages.StaffPage;
import uk.frontdoor.triage.staff.pages.TimeLeft;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One alert of the duty manager's board, with its forms: acknowledge it, assign it, escalate it. Each
 * sends the command the alerts API sends ({@link AlertCommands}).
 */
@Controller
@StaffPage
class AlertPage {

    /** Alert ids are clock ids: letters, digits and dashes. Anything else is not an alert. */
    private static final Pattern ALERT_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final StaffDesk desk;
    private final Clock clock;

    AlertPage(StaffDesk desk, Clock clock) {
        this.desk = desk;
        this.clock = clock;
    }

    @GetMapping("/board/alerts/{alertId}")
    String alert(Authentication who, @PathVariable String alertId, Model model) {
        desk.actor(who);
        Alert alert = find(alertId);
        model.addAttribute("alert", alert);
        model.addAttribute("timeLeft", TimeLeft.until(alert.dueAt(), clock.instant()));
        return "alert";
    }

    @PostMapping("/board/alerts/{alertId}/acknowledge")
    String acknowledge(Authentication who, @PathVariable String alertId, @RequestParam(required = false) String note,
                       RedirectAttributes flash) {
        FormErrors errors = new FormErrors("acknowledge").keep("acknowledge-note", note);
        if (FormInput.text(note) == null) {
            errors.add("acknowledge-note", "Enter what is being done about this alert");
        }
        return handle(who, alertId, errors, flash, "acknowledge-note", new Acknowledgement(FormInput.text(note)),
                "Alert acknowledged",
                alert -> alert.acknowledgedAt() != null && Objects.equals(alert.acknowledgement(), FormInput.text(note)));
    }

    @PostMapping("/board/alerts/{alertId}/assign")
    String assign(Authentication who, @PathVariable String alertId, @RequestParam(required = false) String assignee,
                  RedirectAttributes flash) {
        FormErrors errors = new FormErrors("assign").keep("assignee", assignee);
        if (FormInput.text(assignee) == null) {
            errors.add("assignee", "Enter the user name of the worker to act on this alert");
        }
        return handle(who, alertId, errors, flash, "assignee", new Assignment(FormInput.text(assignee)),
                "Alert assigned", alert -> Objects.equals(alert.assignedTo(), FormInput.text(assignee)));
    }

    @PostMapping("/board/alerts/{alertId}/escalate")
    String escalate(Authentication who, @PathVariable String alertId, @RequestParam(name = "to", required = false) String to,
                    @RequestParam(required = false) String reason, RedirectAttributes flash) {
        FormErrors errors = new FormErrors("escalate").keep("escalate-to", to).keep("escalate-reason", reason);
        if (FormInput.text(to) == null) {
            errors.add("escalate-to", "Enter the user name of the senior manager to escalate to");
        }
        if (FormInput.text(reason) == null) {
            errors.add("escalate-reason", "Enter why this alert is escalated");
        }
        return handle(who, alertId, errors, flash, "escalate-reason",
                new Escalation(FormInput.text(to), FormInput.text(reason)), "Alert escalated",
                alert -> Objects.equals(alert.escalatedTo(), FormInput.text(to)));
    }

    private String handle(Authentication who, String alertId, FormErrors errors, RedirectAttributes flash,
                          String refusalField, AlertAction action, String done, Predicate<Alert> visible) {
        Actor me = desk.actor(who);
        Alert alert = find(alertId);
        String page = "redirect:/board/alerts/" + alert.alertId();
        if (errors.any()) {
            flash.addFlashAttribute("errors", errors);
            return page;
        }
        try {
            desk.send(action.command(alert, me));
        } catch (TriageRefusedException refused) {
            flash.addFlashAttribute("errors", errors.add(refusalField, RefusalMessages.of(refused)));
            return page;
        }
        boolean shown = desk.awaiting().alert(alert.alertId(), visible);
        flash.addFlashAttribute("success", Notices.done(done, shown));
        return page;
    }

    private Alert find(String alertId) {
        Optional<Alert> alert = ALERT_ID.matcher(alertId).matches() ? desk.alert(alertId) : Optional.empty();
        return alert.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
