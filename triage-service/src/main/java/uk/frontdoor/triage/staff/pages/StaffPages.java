package uk.frontdoor.triage.staff.pages;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import uk.frontdoor.triage.api.staff.StaffPermission;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.staff.StaffDesk;

/**
 * What every staff page's layout needs: who is signed in (for the header and the sign-out button), and
 * what their role may do (for the navigation and the forms each page shows or hides), by the one set of
 * role rules, {@link StaffPermission}.
 */
@ControllerAdvice(annotations = StaffPage.class)
class StaffPages {

    private final StaffDesk desk;

    StaffPages(StaffDesk desk) {
        this.desk = desk;
    }

    @ModelAttribute("me")
    Actor me(Authentication who) {
        return desk.signedIn(who).orElse(null);
    }

    @ModelAttribute("may")
    Permissions may(Authentication who) {
        return Permissions.of(desk.signedIn(who).orElse(null));
    }
}
