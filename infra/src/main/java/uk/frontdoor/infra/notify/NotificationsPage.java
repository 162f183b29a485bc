package uk.frontdoor.infra.notify;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.frontdoor.triage.staff.StaffDesk;
import uk.frontdoor.triage.staff.pages.FormErrors;
import uk.frontdoor.triage.staff.pages.StaffPage;

/**
 * The system managers' emails page: the outbox's backlog and the emails given up, each with a button that sends it
 * again (the same as {@code POST /api/v1/admin/notifications/{id}/retry}, who and when kept on the row) and a link to
 * dismiss it, with a reason, when it will not be sent (the same as {@code .../{id}/dismiss}). What an email
 * was to say is never shown: its template, where it was to go, and why it did not.
 */
@Controller
@StaffPage
class NotificationsPage {

    private static final int LISTED = 500;

    private final NotificationOutbox outbox;
    private final StaffDesk desk;

    NotificationsPage(NotificationOutbox outbox, StaffDesk desk) {
        this.outbox = outbox;
        this.desk = desk;
    }

    @GetMapping("/admin/notifications")
    String notifications(Model model) {
        model.addAttribute("backlog", outbox.backlog());
        model.addAttribute("givenUp", outbox.givenUp(LISTED));
        return "notifications";
    }

    @PostMapping("/admin/notifications/{id}/retry")
    String retry(@PathVariable long id, Authentication who, RedirectAttributes flash) {
        String operator = desk.actor(who).userId();
        NotificationOutbox.Action action = outbox.retry(id, operator);
        if (action == NotificationOutbox.Action.DONE) {
            flash.addFlashAttribute("success", "Email " + id + " will be sent again now.");
        } else {
            flash.addFlashAttribute("errors", new FormErrors("retry").add("given-up-table", action.refusal(id)));
        }
        return "redirect:/admin/notifications";
    }

    /** Asks why a given-up email will not be sent: the email as the list shows it, and a reason to give. */
    @GetMapping("/admin/notifications/{id}/dismiss")
    String dismissal(@PathVariable long id, Model model, RedirectAttributes flash) {
        return outbox.givenUp(id).map(email -> {
            model.addAttribute("email", email);
            model.addAttribute("reasonLength", NotificationOutbox.REASON_LENGTH);
            return "notification-dismiss";
        }).orElseGet(() -> {
            flash.addFlashAttribute("errors", new FormErrors("dismiss")
                    .add("given-up-table", NotificationOutbox.Action.NOT_GIVEN_UP.refusal(id)));
            return "redirect:/admin/notifications";
        });
    }

    @PostMapping("/admin/notifications/{id}/dismiss")
    String dismiss(@PathVariable long id, @RequestParam(required = false) String reason, Authentication who,
                   RedirectAttributes flash) {
        String wrong = NotificationOutbox.whatIsWrongWith(reason);
        if (wrong != null) {
            flash.addFlashAttribute("errors", new FormErrors("dismiss").add("reason", wrong).keep("reason", reason));
            return "redirect:/admin/notifications/" + id + "/dismiss";
        }
        NotificationOutbox.Action action = outbox.dismiss(id, desk.actor(who).userId(), reason);
        if (action == NotificationOutbox.Action.DONE) {
            flash.addFlashAttribute("success", "Email " + id + " is dismissed: it will not be sent.");
        } else {
            flash.addFlashAttribute("errors", new FormErrors("dismiss").add("given-up-table", action.refusal(id)));
        }
        return "redirect:/admin/notifications";
    }
}
