package uk.frontdoor.infra.security;

/**
 * Who does what at the front door. Only qualified social workers and managers set priority or
 * threshold or decide (Ofsted praised the trust for stopping administrative staff filtering
 * contacts); only managers authorise.
 */
public enum StaffRole {
    ADMINISTRATOR,
    SOCIAL_WORKER,
    MANAGER;

    static final String[] SCREENERS = {SOCIAL_WORKER.name(), MANAGER.name()};
    static final String[] ALL = {ADMINISTRATOR.name(), SOCIAL_WORKER.name(), MANAGER.name()};
}
