package uk.frontdoor.triage.api;

/** How a submission reached the front door. */
public enum Channel {
    HTTP,
    KAFKA
}
