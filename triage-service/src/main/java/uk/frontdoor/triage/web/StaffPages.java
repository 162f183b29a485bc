package uk.frontdoor.triage.web;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import uk.frontdoor.triage.api.value.Actor;

/** What every staff page's layout needs: who is signed in (for the header and the sign-out button). */
@ControllerAdvice(assignableTypes = {QueuePage.class, ContactPage.class, ChronologyPage.class, SignInPage.class,
        BoardPage.class, ProjectionsPage.class, PerformancePage.class})
class StaffPages {

    private final StaffDesk desk;

    StaffPages(StaffDesk desk) {
        this.desk = desk;
    }

    @ModelAttribute("me")
    Actor me(Authentication who) {
        return desk.signedIn(who).orElse(null);
    }
}
