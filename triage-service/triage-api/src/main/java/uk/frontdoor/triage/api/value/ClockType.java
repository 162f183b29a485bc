package uk.frontdoor.triage.api.value;

/**
 * Every time-bound duty the front door keeps a clock for. Sources: Working Together 2023 (contact
 * decision, strategy discussion, initial conference), DfE missing-children guidance 2014 (return home
 * interview), the Children (Private Arrangements for Fostering) Regulations 2005 reg 4 (visit), Keeping
 * Children Safe in Education / Working Together (designated officer), local procedures (partner
 * checks, feedback, manager authorisation).
 */
public enum ClockType {
    /** 1 working day from receipt, or the RAG response time if sooner. */
    CONTACT_DECISION,
    /** A partner agency's reply to a request for information, by the contact's RAG rating. */
    PARTNER_CHECK,
    /** Red the same working day, otherwise 3 working days of the decision (configurable per RAG). */
    STRATEGY_DISCUSSION,
    /** 15 working days from the strategy discussion that started the section 47 enquiry. */
    INITIAL_CONFERENCE,
    /** 72 hours from the child's return from a missing episode. */
    RETURN_HOME_INTERVIEW,
    /** 7 working days from a private fostering notification. */
    PRIVATE_FOSTERING_VISIT,
    /** Referral to the designated officer (LADO) within 1 working day. */
    LADO_REFERRAL,
    /** Tell the referrer what was decided within 1 working day of the decision. */
    FEEDBACK,
    /** A manager authorises or returns a proposal (default 2 working hours). */
    MANAGER_AUTHORISATION,
    /** The child and family assessment: 45 working days from the point of referral (Working Together 2023). */
    ASSESSMENT,
    /**
     * An action agreed at a strategy discussion, due by the office's closing on its due date; on the board under its
     * owning agency (the clock's team). Working Together 2023: every action needs an owner and a timescale.
     */
    STRATEGY_ACTION,
    /**
     * A red or immediate-risk contact received outside office hours, on the emergency duty team's out-of-hours
     * queue: its response time in plain hours (default 2), stopped when it is handed back to the day team.
     */
    OUT_OF_HOURS;

    /** Duties a worker records as done with {@link RecordDutyCompleted}; the others stop with their own command. */
    public boolean recordedAsDuty() {
        return this == RETURN_HOME_INTERVIEW || this == PRIVATE_FOSTERING_VISIT || this == LADO_REFERRAL;
    }
}
