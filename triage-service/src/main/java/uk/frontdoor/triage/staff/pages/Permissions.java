package uk.frontdoor.triage.staff.pages;

import uk.frontdoor.triage.api.staff.StaffPermission;
import uk.frontdoor.triage.api.value.Actor;

/**
 * What the member of staff signed in may do, as the pages' templates ask it ({@code ${may.screen}}):
 * read from {@link StaffPermission}, so a page shows a form exactly when the domain and the security
 * rules would accept it. Nobody signed in may do nothing.
 */
public record Permissions(boolean casework, boolean screen, boolean oversee, boolean runService, boolean findChild,
                          boolean restrict, boolean answerPartnerRequests, boolean seeOwnAgencyReferrals,
                          boolean ownAgencyActions, boolean protectData) {

    public static Permissions of(Actor actor) {
        return new Permissions(may(actor, StaffPermission.CASEWORK), may(actor, StaffPermission.SCREEN),
                may(actor, StaffPermission.OVERSEE), may(actor, StaffPermission.RUN_SERVICE),
                may(actor, StaffPermission.FIND_CHILD), may(actor, StaffPermission.RESTRICT),
                may(actor, StaffPermission.ANSWER_PARTNER_REQUESTS),
                may(actor, StaffPermission.SEE_OWN_AGENCY_REFERRALS),
                may(actor, StaffPermission.OWN_AGENCY_ACTIONS), may(actor, StaffPermission.PROTECT_DATA));
    }

    public static boolean may(Actor actor, StaffPermission permission) {
        return actor != null && actor.role().may(permission);
    }
}
