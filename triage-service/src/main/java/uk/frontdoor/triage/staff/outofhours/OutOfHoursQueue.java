package uk.frontdoor.triage.staff.outofhours;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import uk.frontdoor.triage.api.query.AlertBoard;
import uk.frontdoor.triage.staff.StaffDesk;
import uk.frontdoor.triage.staff.pages.StaffPage;
import uk.frontdoor.triage.staff.pages.TimeLeft;

import java.time.Clock;
import java.time.Instant;

/**
 * The emergency duty team's out-of-hours queue: red and immediate-risk contacts received outside office hours, not
 * yet handed back to the day team, soonest due first. Like the duty board it names no child (a shared screen at
 * night): a contact is its short reference, a link to the contact, where the team hands it back.
 */
@Controller
@StaffPage
class OutOfHoursQueue {

    private final StaffDesk desk;
    private final Clock clock;

    OutOfHoursQueue(StaffDesk desk, Clock clock) {
        this.desk = desk;
        this.clock = clock;
    }

    /** One contact on the queue, with its time left (or how long overdue) by the service's clock. */
    record Row(AlertBoard.Alert clock, TimeLeft timeLeft) {
    }

    @GetMapping("/out-of-hours")
    String page(Authentication who, Model model) {
        desk.actor(who);
        Instant now = clock.instant();
        model.addAttribute("rows", desk.outOfHoursQueue().stream()
                .map(waiting -> new Row(waiting, TimeLeft.until(waiting.dueAt(), now))).toList());
        return "out-of-hours";
    }
}
