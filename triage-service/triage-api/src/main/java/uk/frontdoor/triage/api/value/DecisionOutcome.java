package uk.frontdoor.triage.api.value;

/**
 * What the front door decides to do with a contact, and the level of need each outcome answers.
 * An outcome below the level the threshold rules gave is a step-down and needs a manager's reason.
 */
public enum DecisionOutcome {
    NO_FURTHER_ACTION(1),
    INFORMATION_AND_ADVICE(1),
    EARLY_HELP(2),
    /** Child and family assessment: a referral to children's social care under section 17. */
    ASSESSMENT(3),
    /** Strategy discussion: reasonable cause to suspect significant harm, section 47. */
    STRATEGY_DISCUSSION(4);

    private final int level;

    DecisionOutcome(int level) {
        this.level = level;
    }

    public int level() {
        return level;
    }

    /** Outcomes that make the contact a referral to children's social care. */
    public boolean isReferral() {
        return level >= 3;
    }
}
