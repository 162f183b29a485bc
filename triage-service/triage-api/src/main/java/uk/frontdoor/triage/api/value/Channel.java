package uk.frontdoor.triage.api.value;

/** How a submission reached the front door. */
public enum Channel {
    HTTP,
    KAFKA,
    /** Logged by a member of staff, e.g. a contact phoned in to the front door. */
    STAFF,
    /** Created by stepping a child up from early help. */
    STEP_UP
}
