package uk.frontdoor.triage.api.staff;

/**
 * Every rule a staff command can break, with the stable code a client can switch on (at the HTTP edge
 * it becomes the problem type {@code /problems/<code>}) and the {@link Kind} of refusal it is. Each
 * edge decides how a kind is told (the HTTP edge: 400, 403, 404, 409); the published language knows
 * no transport.
 */
public enum Refusal {
    UNKNOWN_CONTACT(Kind.NOT_FOUND, "unknown-contact", "No such contact"),
    FIELD_REQUIRED(Kind.INVALID, "field-required", "A required field is missing"),
    ROLE_NOT_ALLOWED(Kind.FORBIDDEN, "role-not-allowed", "Your role may not do this"),
    CLAIMED_BY_ANOTHER(Kind.CONFLICT, "claimed-by-another", "Another worker holds this contact"),
    CLAIM_REQUIRED(Kind.CONFLICT, "claim-required", "Claim the contact first"),
    CONTACT_DECIDED(Kind.CONFLICT, "contact-decided", "The contact has already been decided"),
    NOT_DECIDED(Kind.CONFLICT, "not-decided", "The contact has not been decided yet"),
    REASON_REQUIRED(Kind.INVALID, "reason-required", "A reason is required"),
    CONSENT_NOT_REFUSED(Kind.CONFLICT, "consent-not-refused", "Only a recorded refusal can be overridden"),
    MANAGER_AUTHORISATION_REQUIRED(Kind.FORBIDDEN, "manager-authorisation-required", "A manager must authorise this"),
    UNKNOWN_AGENCY(Kind.INVALID, "unknown-agency", "Unknown agency"),
    AGENCY_REQUIRED(Kind.INVALID, "agency-required", "Name at least one agency"),
    UNKNOWN_CHECK(Kind.NOT_FOUND, "unknown-check", "No such partner check on this contact"),
    CHECK_ALREADY_ANSWERED(Kind.CONFLICT, "check-already-answered", "This partner check already has a reply"),
    PRIORITY_UNCHANGED(Kind.CONFLICT, "priority-unchanged", "The contact already has this priority"),
    NOT_ASSESSED(Kind.CONFLICT, "not-assessed", "The contact has not been assessed yet"),
    CONSENT_NOT_RECORDED(Kind.CONFLICT, "consent-not-recorded",
            "Record consent, or why it was not sought, before proposing a decision"),
    PROPOSAL_PENDING(Kind.CONFLICT, "proposal-pending", "A proposal is already awaiting authorisation"),
    NO_PROPOSAL(Kind.CONFLICT, "no-proposal", "No proposal is awaiting authorisation"),
    OWN_PROPOSAL(Kind.FORBIDDEN, "own-proposal", "Nobody authorises their own proposal"),
    BELOW_THRESHOLD_REASON_REQUIRED(Kind.INVALID, "below-threshold-reason-required",
            "An outcome below the threshold level needs the manager's written reason"),
    STRATEGY_DISCUSSION_NOT_REQUIRED(Kind.CONFLICT, "strategy-discussion-not-required",
            "No strategy discussion is required for this contact"),
    STRATEGY_DISCUSSION_ALREADY_RECORDED(Kind.CONFLICT, "strategy-discussion-recorded",
            "The strategy discussion has already been recorded"),
    ATTENDEES_REQUIRED(Kind.INVALID, "attendees-required", "Record who attended"),
    ACTION_DUE_DATE_REQUIRED(Kind.INVALID, "action-due-date-required", "Every action needs an owner, an agency and a due date"),
    NO_POSSIBLE_MATCH(Kind.CONFLICT, "no-possible-match", "This contact has no possible match waiting for a decision"),
    NOT_A_CANDIDATE(Kind.INVALID, "not-a-candidate", "That child is not a candidate match for this contact"),
    ALREADY_LINKED(Kind.CONFLICT, "already-linked", "These records are already linked"),
    NOT_LINKED(Kind.CONFLICT, "not-linked", "These records are not linked"),
    SAME_CHILD(Kind.INVALID, "same-child", "A record cannot be linked to itself"),
    NOT_OPEN_TO_EARLY_HELP(Kind.CONFLICT, "not-open-to-early-help", "The child is not open to early help"),
    UNKNOWN_ALERT(Kind.NOT_FOUND, "unknown-alert", "No such alert"),
    ALERT_NOT_OPEN(Kind.CONFLICT, "alert-not-open", "The alert is not open: its duty is done or not yet near due"),
    ASSIGNEE_REQUIRED(Kind.INVALID, "assignee-required", "Name the worker to assign the alert to"),
    DUTY_NOT_DUE(Kind.CONFLICT, "duty-not-due", "No such duty is outstanding on this contact"),
    NO_CONFERENCE_DUE(Kind.CONFLICT, "no-conference-due", "No initial child protection conference is outstanding for this contact"),
    NO_ASSESSMENT_DUE(Kind.CONFLICT, "no-assessment-due", "No child and family assessment is outstanding for this contact"),
    NOT_OUT_OF_HOURS(Kind.CONFLICT, "not-out-of-hours", "This contact is not with the emergency duty team"),
    UNKNOWN_ACTION(Kind.NOT_FOUND, "unknown-action", "No such strategy discussion action for your agency"),
    ACTION_NOT_OPEN(Kind.CONFLICT, "action-not-open", "No such strategy discussion action is outstanding on this contact"),
    TIME_IN_FUTURE(Kind.INVALID, "time-in-future", "A time given as past is in the future"),
    TIME_TOO_EARLY(Kind.INVALID, "time-too-early", "A time given is before the contact or duty it records"),
    NOT_RESTRICTED(Kind.CONFLICT, "not-restricted", "The record is not restricted"),
    UNKNOWN_STAFF(Kind.INVALID, "unknown-staff", "No such member of staff"),
    UNKNOWN_TEAM(Kind.INVALID, "unknown-team", "No such team"),
    INVALID_REFERENCE(Kind.INVALID, "invalid-reference", "The reference is not a case number"),
    ERASURE_PENDING(Kind.CONFLICT, "erasure-pending", "An erasure is already waiting for a second manager's authorisation"),
    NO_ERASURE_REQUESTED(Kind.CONFLICT, "no-erasure-requested", "No erasure of this record is waiting for authorisation"),
    OWN_ERASURE_REQUEST(Kind.FORBIDDEN, "own-erasure-request",
            "A second manager must authorise an erasure: nobody authorises their own request"),
    UNDER_LEGAL_HOLD(Kind.CONFLICT, "under-legal-hold", "The record is under legal hold"),
    UNKNOWN_HOLD(Kind.NOT_FOUND, "unknown-hold", "No such legal hold on this record"),
    UNKNOWN_CHILD(Kind.NOT_FOUND, "unknown-child", "No such child record"),
    ERASED(Kind.CONFLICT, "erased", "This child's record has been erased"),
    RESTRICTED_RECORD(Kind.FORBIDDEN, "restricted-record",
            "This record is restricted: only the staff a manager named, and managers, work on it");

    /** What kind of refusal a rule is, whatever the transport. */
    public enum Kind {
        /** The request lacks what the rule demands. */
        INVALID,
        /** This role or person may not do it. */
        FORBIDDEN,
        /** The thing acted on is not there. */
        NOT_FOUND,
        /** The record's state does not allow it now. */
        CONFLICT
    }

    private final Kind kind;
    private final String code;
    private final String title;

    Refusal(Kind kind, String code, String title) {
        this.kind = kind;
        this.code = code;
        this.title = title;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }
}
