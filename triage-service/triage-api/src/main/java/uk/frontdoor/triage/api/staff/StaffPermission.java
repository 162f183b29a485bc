package uk.frontdoor.triage.api.staff;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import static uk.frontdoor.triage.api.staff.StaffRole.ADMINISTRATOR;
import static uk.frontdoor.triage.api.staff.StaffRole.MANAGER;
import static uk.frontdoor.triage.api.staff.StaffRole.PARTNER_PRACTITIONER;
import static uk.frontdoor.triage.api.staff.StaffRole.SOCIAL_WORKER;
import static uk.frontdoor.triage.api.staff.StaffRole.SYSTEM_MANAGER;

/**
 * The front door's role rules, written once: the domain refuses by them, the API's and the pages'
 * security configurations admit by them, and the pages show or hide forms by them.
 *
 * <p>Only qualified social workers and managers screen (Ofsted praised the trust for stopping
 * administrative staff filtering and prioritising contacts); only managers authorise and oversee;
 * administrators log contacts and attach information; system managers run the service and see
 * nothing about any child.
 */
public enum StaffPermission {
    /** Open a child's records at all: a contact's status, partner replies, feedback, logging a contact. */
    CASEWORK(ADMINISTRATOR, SOCIAL_WORKER, MANAGER),
    /**
     * Find a child by name, date of birth, NHS number or postcode. Administrators too: they log contacts
     * phoned or e-mailed in and attach information, and must know whether the child is known and which
     * record is theirs. Partners are never staff, so never search.
     */
    FIND_CHILD(ADMINISTRATOR, SOCIAL_WORKER, MANAGER),
    /** Screen: the queue, claim, consent, priority, partner checks, proposals, strategy discussions, identity, chronology. */
    SCREEN(SOCIAL_WORKER, MANAGER),
    /** Authorise or return proposals, override a refusal of consent, release anyone's claim, the duty board, performance. */
    OVERSEE(MANAGER),
    /**
     * Restrict a child's record (or one contact) to named staff and teams, and lift a restriction. Managers
     * only: they oversee every decision, always read restricted records, and so can judge who else must.
     */
    RESTRICT(MANAGER),
    /**
     * Data protection: record or authorise an erasure (four eyes: two managers), place and lift legal holds, confirm
     * what the retention schedule found due, and produce a subject access bundle. Managers only.
     */
    PROTECT_DATA(MANAGER),
    /** See and rebuild the service's projections; nothing about children. */
    RUN_SERVICE(SYSTEM_MANAGER),
    /**
     * Answer the partner checks sent to one's own agency, and see those requests (with the child's details the
     * agency needs to search its own systems), nothing else: seconded MASH partner staff.
     */
    ANSWER_PARTNER_REQUESTS(PARTNER_PRACTITIONER),
    /**
     * See how one's own kind of agency's referrals fared (completeness against the referral standard, the commonest
     * gaps, what they led to), counts and shares only: seconded MASH partner staff, so their agency learns to refer
     * better. Managers see every agency's side by side ({@link #OVERSEE}).
     */
    SEE_OWN_AGENCY_REFERRALS(PARTNER_PRACTITIONER),
    /**
     * See the strategy discussion actions given to one's own agency, with the child each concerns and its due date,
     * and record one done: seconded MASH partner staff, whose agency the discussion made responsible. Qualified staff
     * record any action done ({@link #SCREEN}).
     */
    OWN_AGENCY_ACTIONS(PARTNER_PRACTITIONER),
    /** Sign in to the staff pages at all. */
    SIGN_IN(ADMINISTRATOR, SOCIAL_WORKER, MANAGER, SYSTEM_MANAGER, PARTNER_PRACTITIONER);

    private final Set<StaffRole> roles;

    StaffPermission(StaffRole... roles) {
        this.roles = EnumSet.copyOf(Arrays.asList(roles));
    }

    public boolean allows(StaffRole role) {
        return role != null && roles.contains(role);
    }

    /** The role names, as Spring Security's {@code hasAnyRole(...)} takes them. */
    public String[] roleNames() {
        return roles.stream().map(StaffRole::name).toArray(String[]::new);
    }
}
