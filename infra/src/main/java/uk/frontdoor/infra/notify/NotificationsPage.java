package uk.frontdoor.infra.notify;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.frontdoor.triage.staff.StaffDesk;
import uk.frontdoor.triage.staff.pages.FormErrors;
import uk.frontdoor.triage.staff.pages.StaffPage;

/**
 * The system managers' emails page: the outbox's backlog and the emails given up, each with a button that sends it
 * again (the same as {@code POST /api/v1/admin/notifications/{id}/retry}, who and when kept on the row). What an email
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
        switch (outbox.retry(id, operator)) {
            case QUEUED -> flash.addFlashAttribute("success", "Email " + id + " will be sent again now.");
            case UNKNOWN -> flash.addFlashAttribute("errors", new FormErrors("retry")
                    .add("given-up-table", "There is no email " + id + " in the outbox."));
            case NOT_GIVEN_UP -> flash.addFlashAttribute("errors", new FormErrors("retry")
                    .add("given-up-table", "Email " + id + " is sent, or still being tried: only a given-up email is sent again."));
        }
        return "redirect:/admin/notifications";
    }
}
