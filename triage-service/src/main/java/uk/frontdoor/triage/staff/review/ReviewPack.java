package uk.frontdoor.triage.staff.review;

import java.util.List;

/**
 * A practice review pack, ready to print: every value already in words and England's clock time, so the one
 * template renders it as a page and as a PDF without the web layer's helpers.
 *
 * @param asAt          the moment the record is read as at: the end of the period, or now if that is earlier
 * @param viewsTruncated more views were recorded in the period than the pack lists
 */
public record ReviewPack(String childId, List<String> linkedRecords, String from, String to, String asAt,
                         String producedBy, String producedAt, List<Entry> chronology, List<Decision> decisions,
                         List<ClockLine> clocks, List<Viewed> views, boolean viewsTruncated) {

    public record Entry(String when, String record, String type, String summary, String by, String contact) {
    }

    /**
     * @param proposedBy   who proposed it, and when
     * @param rationale    why, as proposed
     * @param reason       the authorising manager's reason, where one was needed or given
     * @param level        the rules' level, and whether the outcome was below it
     * @param ruleSet      the rule set and version that assessed the contact
     */
    public record Decision(String contact, String when, String outcome, String proposedBy, String rationale,
                           String authorisedBy, String reason, String level, String ruleSet) {
    }

    public record ClockLine(String contact, String duty, String started, String due, String stopped,
                            String timeliness) {
    }

    public record Viewed(String when, String who, String what) {
    }
}
