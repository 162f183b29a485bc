package uk.frontdoor.triage.api;

/**
 * Every rule a staff command can break, with the stable code a client can switch on (it becomes
 * the problem type {@code /problems/<code>}) and the HTTP status that fits it: 400 for a request
 * missing what the rule demands, 403 for a role or person who may not do it, 404 for something
 * that is not there, 409 for a contact whose state does not allow it now.
 */
public enum Refusal {
    UNKNOWN_CONTACT("unknown-contact", 404, "No such contact"),
    FIELD_REQUIRED("field-required", 400, "A required field is missing"),
    ROLE_NOT_ALLOWED("role-not-allowed", 403, "Your role may not do this"),
    CLAIMED_BY_ANOTHER("claimed-by-another", 409, "Another worker holds this contact"),
    CLAIM_REQUIRED("claim-required", 409, "Claim the contact first"),
    CONTACT_DECIDED("contact-decided", 409, "The contact has already been decided"),
    NOT_DECIDED("not-decided", 409, "The contact has not been decided yet"),
    REASON_REQUIRED("reason-required", 400, "A reason is required"),
    CONSENT_NOT_REFUSED("consent-not-refused", 409, "Only a recorded refusal can be overridden"),
    MANAGER_AUTHORISATION_REQUIRED("manager-authorisation-required", 403, "A manager must authorise this"),
    UNKNOWN_AGENCY("unknown-agency", 400, "Unknown agency"),
    AGENCY_REQUIRED("agency-required", 400, "Name at least one agency"),
    UNKNOWN_CHECK("unknown-check", 404, "No such partner check on this contact"),
    CHECK_ALREADY_ANSWERED("check-already-answered", 409, "This partner check already has a reply"),
    PRIORITY_UNCHANGED("priority-unchanged", 409, "The contact already has this priority"),
    NOT_ASSESSED("not-assessed", 409, "The contact has not been assessed yet"),
    CONSENT_NOT_RECORDED("consent-not-recorded", 409,
            "Record consent, or why it was not sought, before proposing a decision"),
    PROPOSAL_PENDING("proposal-pending", 409, "A proposal is already awaiting authorisation"),
    NO_PROPOSAL("no-proposal", 409, "No proposal is awaiting authorisation"),
    OWN_PROPOSAL("own-proposal", 403, "Nobody authorises their own proposal"),
    BELOW_THRESHOLD_REASON_REQUIRED("below-threshold-reason-required", 400,
            "An outcome below the threshold level needs the manager's written reason"),
    STRATEGY_DISCUSSION_NOT_REQUIRED("strategy-discussion-not-required", 409,
            "No strategy discussion is required for this contact"),
    STRATEGY_DISCUSSION_ALREADY_RECORDED("strategy-discussion-recorded", 409,
            "The strategy discussion has already been recorded"),
    ATTENDEES_REQUIRED("attendees-required", 400, "Record who attended"),
    ACTION_DUE_DATE_REQUIRED("action-due-date-required", 400, "Every action needs an owner, an agency and a due date"),
    NO_POSSIBLE_MATCH("no-possible-match", 409, "This contact has no possible match waiting for a decision"),
    NOT_A_CANDIDATE("not-a-candidate", 400, "That child is not a candidate match for this contact"),
    ALREADY_LINKED("already-linked", 409, "These records are already linked"),
    SAME_CHILD("same-child", 400, "A record cannot be linked to itself"),
    NOT_OPEN_TO_EARLY_HELP("not-open-to-early-help", 409, "The child is not open to early help"),
    UNKNOWN_ALERT("unknown-alert", 404, "No such alert"),
    ALERT_NOT_OPEN("alert-not-open", 409, "The alert is not open: its duty is done or not yet near due"),
    ASSIGNEE_REQUIRED("assignee-required", 400, "Name the worker to assign the alert to"),
    DUTY_NOT_DUE("duty-not-due", 409, "No such duty is outstanding on this contact"),
    NO_CONFERENCE_DUE("no-conference-due", 409, "No initial child protection conference is outstanding for this contact"),
    TIME_IN_FUTURE("time-in-future", 400, "A time given as past is in the future");

    private final String code;
    private final int httpStatus;
    private final String title;

    Refusal(String code, int httpStatus, String title) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.title = title;
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String title() {
        return title;
    }
}
