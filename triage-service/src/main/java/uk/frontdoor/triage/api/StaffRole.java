package uk.frontdoor.triage.api;

/**
 * Who does what at the front door. Only qualified social workers and managers set priority or
 * threshold or decide (Ofsted praised the trust for stopping administrative staff filtering
 * contacts); only managers authorise.
 */
public enum StaffRole {
    ADMINISTRATOR,
    SOCIAL_WORKER,
    MANAGER;

    public static final String[] SCREENERS = {SOCIAL_WORKER.name(), MANAGER.name()};
    public static final String[] ALL = {ADMINISTRATOR.name(), SOCIAL_WORKER.name(), MANAGER.name()};

    /** May screen: claim, set priority, consent, ask partners, propose a decision. */
    public boolean screens() {
        return this != ADMINISTRATOR;
    }
}
