package uk.frontdoor.triage.api.staff;

/**
 * Who does what at the front door. Only qualified social workers and managers set priority or
 * threshold or decide (Ofsted praised the trust for stopping administrative staff filtering
 * contacts); only managers authorise. System managers run the service itself (they see and
 * rebuild projections) and see nothing about any child.
 */
public enum StaffRole {
    ADMINISTRATOR,
    SOCIAL_WORKER,
    MANAGER,
    /** Runs the service: projections and their rebuilds. No queue, no contact, no chronology. */
    SYSTEM_MANAGER,
    /**
     * A partner agency's practitioner seconded to the MASH (a police researcher, a health practitioner, an
     * education officer): answers the partner checks sent to their own agency, and sees nothing else of any
     * record. Their {@code agency} is the partner-check agency they answer for ({@code POLICE}, {@code HEALTH}, ...).
     */
    PARTNER_PRACTITIONER;

    /** The role rules live in {@link StaffPermission}; this asks them. */
    public boolean may(StaffPermission permission) {
        return permission.allows(this);
    }

    /** May screen: claim, set priority, consent, ask partners, propose a decision. */
    public boolean screens() {
        return may(StaffPermission.SCREEN);
    }

    /** May open a child's records at all (a contact, partner replies, feedback). */
    public boolean worksWithChildren() {
        return may(StaffPermission.CASEWORK);
    }

    /** Oversees: authorises, runs the duty board, is escalated to. */
    public boolean isManagerRole() {
        return may(StaffPermission.OVERSEE);
    }

    /** May answer the partner checks sent to their own agency. */
    public boolean answersPartnerRequests() {
        return may(StaffPermission.ANSWER_PARTNER_REQUESTS);
    }

    /** May see and rebuild the service's projections. */
    public boolean managesSystem() {
        return may(StaffPermission.RUN_SERVICE);
    }
}
