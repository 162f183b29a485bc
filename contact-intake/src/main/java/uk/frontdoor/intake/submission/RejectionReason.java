package uk.frontdoor.intake.submission;

/**
 * Why a submission was refused. Used as a metrics label and a dead-letter header, so the set is
 * deliberately small and the names are stable: add, never rename.
 */
public enum RejectionReason {
    /** The body is not well-formed JSON (syntax, bad encoding, duplicate field names, trailing content, empty). */
    MALFORMED_JSON,
    /** Well-formed JSON that breaks the version-1 contract; the violations say where. */
    INVALID_SUBMISSION,
    /** The body is larger than any legitimate submission can be; it was not parsed. */
    TOO_LARGE,
    /** The sending partner agency is missing or not recognised (set by the channel, not by {@link SubmissionReader}). */
    UNKNOWN_AGENCY,
    /** The partner sent more submissions over HTTP than its agency's rate limit allows; nothing was read. */
    RATE_LIMITED,
    /**
     * The agency had already used this submission id for a submission with different content (HTTP 409).
     * A correction is a new submission with a new id; the first contact stands.
     */
    SUBMISSION_ID_REUSED,
    /** An answer to a partner check that breaks its contract (no request id, no answer, a missing reason). */
    INVALID_ANSWER,
    /** An answer to a partner check that was not sent to the answering agency, or does not exist. */
    UNKNOWN_REQUEST,
    /** A second answer to a partner check: the first stands. */
    ALREADY_ANSWERED
}
