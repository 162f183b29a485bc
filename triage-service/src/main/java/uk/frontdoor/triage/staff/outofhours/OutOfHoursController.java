package uk.frontdoor.triage.staff.outofhours;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.frontdoor.triage.api.query.AlertBoard;
import uk.frontdoor.triage.staff.StaffDesk;

import java.util.List;

/** The out-of-hours queue through the staff API (see {@link OutOfHoursQueue} for the page). */
@RestController
@Tag(name = "Out of hours", description = "The emergency duty team's queue")
class OutOfHoursController {

    private final StaffDesk desk;

    OutOfHoursController(StaffDesk desk) {
        this.desk = desk;
    }

    @Operation(summary = "The out-of-hours queue: contacts with the emergency duty team, not yet handed back to the day "
            + "team, soonest due first (clocks of type OUT_OF_HOURS; no child is named)")
    @GetMapping(path = "/api/v1/out-of-hours", produces = MediaType.APPLICATION_JSON_VALUE)
    List<AlertBoard.Alert> queue(Authentication who) {
        desk.actor(who);
        return desk.outOfHoursQueue();
    }
}
