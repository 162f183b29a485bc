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
    SYSTEM_MANAGER;

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

    /** May see and rebuild the service's projections. */
    public boolean managesSystem() {
        return may(StaffPermission.RUN_SERVICE);
    }
}
