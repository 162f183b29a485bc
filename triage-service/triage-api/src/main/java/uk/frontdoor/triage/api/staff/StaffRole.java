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

    public static final String[] SCREENERS = {SOCIAL_WORKER.name(), MANAGER.name()};
    /** Everyone who works with children's records: every role but the system managers. */
    public static final String[] CASEWORK = {ADMINISTRATOR.name(), SOCIAL_WORKER.name(), MANAGER.name()};
    /** Everyone who may sign in to the staff pages at all. */
    public static final String[] ANY = {ADMINISTRATOR.name(), SOCIAL_WORKER.name(), MANAGER.name(),
            SYSTEM_MANAGER.name()};

    /** May screen: claim, set priority, consent, ask partners, propose a decision. */
    public boolean screens() {
        return switch (this) {
            case SOCIAL_WORKER, MANAGER -> true;
            case ADMINISTRATOR, SYSTEM_MANAGER -> false;
        };
    }

    /** May open a child's records at all (a contact, partner replies, feedback). */
    public boolean worksWithChildren() {
        return this != SYSTEM_MANAGER;
    }

    /** May see and rebuild the service's projections. */
    public boolean managesSystem() {
        return this == SYSTEM_MANAGER;
    }
}
