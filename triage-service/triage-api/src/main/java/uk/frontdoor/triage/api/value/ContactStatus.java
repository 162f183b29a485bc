package uk.frontdoor.triage.api.value;

/** Where a contact stands, as partners and staff see it. */
public enum ContactStatus {
    RECEIVED,
    ASSESSED,
    /** A decision is proposed and waits for a manager. */
    PROPOSED,
    DECIDED
}
