package uk.frontdoor.triage.api.query;

import uk.frontdoor.triage.api.value.DecisionOutcome;
import uk.frontdoor.triage.api.value.ReferralSourceGroup;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The managers' performance figures for a period, answering {@link FindPerformance}. Counts only:
 * nothing here names a child. Workers appear by their sign-in name. Each figure's definition is in
 * the README ("Performance") and on the page.
 *
 * @param weeks                  every week the period touches, oldest first, including weeks with nothing
 * @param contactsBySource       contacts received in the period by referral-source group (groups with none left out)
 * @param conversion             contacts decided in the period whose authorised outcome is a referral, of those decided
 * @param decidedInOneWorkingDay contact-decision clocks stopped (done) in the period that were not late, of those stopped
 * @param reReferrals            referrals decided in the period whose child had another referral received in the 12
 *                               months before this one was received, of the referrals decided in the period
 * @param strategyDiscussions    strategy discussions held in the period
 * @param referralQuality        contacts received in the period by source group, and how many of them needed
 *                               follow-up (a partner check sent back to the same kind of agency)
 * @param outcomesByLevel        decisions authorised in the period by the rules' level and outcome
 * @param outcomesByWorker       decisions authorised in the period by the worker who proposed them and outcome
 * @param assessmentsInTime      child and family assessments completed in the period within their 45 working days
 *                               of the referral, of those completed
 */
public record PerformanceReport(
        LocalDate from,
        LocalDate to,
        List<Week> weeks,
        Map<ReferralSourceGroup, Long> contactsBySource,
        Ratio conversion,
        Ratio decidedInOneWorkingDay,
        Ratio reReferrals,
        StrategyDiscussions strategyDiscussions,
        List<AgencyQuality> referralQuality,
        List<LevelOutcome> outcomesByLevel,
        List<WorkerOutcome> outcomesByWorker,
        Ratio assessmentsInTime) {

    public PerformanceReport {
        weeks = List.copyOf(weeks);
        contactsBySource = Map.copyOf(contactsBySource);
        referralQuality = List.copyOf(referralQuality);
        outcomesByLevel = List.copyOf(outcomesByLevel);
        outcomesByWorker = List.copyOf(outcomesByWorker);
    }

    /**
     * One ISO week (Monday to Sunday in England), named by its Monday.
     *
     * @param contacts contacts received that week, all sources
     */
    public record Week(
            LocalDate weekStart,
            long contacts,
            Map<ReferralSourceGroup, Long> contactsBySource,
            Ratio conversion,
            Ratio decidedInOneWorkingDay,
            StrategyDiscussions strategyDiscussions) {

        public Week {
            contactsBySource = Map.copyOf(contactsBySource);
        }
    }

    /** {@code count} of {@code of}; the percentage is null when there is nothing to divide by. */
    public record Ratio(long count, long of) {

        public static final Ratio NONE = new Ratio(0, 0);

        public Ratio {
            if (count < 0 || of < 0 || count > of) {
                throw new IllegalArgumentException("a ratio is a part of a whole");
            }
        }

        /** Rounded to one decimal place; null for 0 of 0 (no figure, rather than a misleading 0%). */
        @JsonProperty("percent")
        public Double percent() {
            return of == 0 ? null : Math.round(count * 1000.0 / of) / 10.0;
        }
    }

    /**
     * @param held             discussions recorded as held (their clock stopped, done)
     * @param inTime           of those, held by their due time
     * @param allThreeAgencies of those, with police, health and children's social care all attending
     */
    public record StrategyDiscussions(long held, long inTime, long allThreeAgencies) {

        public static final StrategyDiscussions NONE = new StrategyDiscussions(0, 0, 0);

        public Ratio inTimeRatio() {
            return new Ratio(inTime, held);
        }

        public Ratio allThreeAgenciesRatio() {
            return new Ratio(allThreeAgencies, held);
        }
    }

    /**
     * @param followUp   submissions that needed follow-up, of the group's submissions
     * @param measurable false for groups a partner check cannot go back to (individuals, anonymous ...)
     */
    public record AgencyQuality(ReferralSourceGroup source, Ratio followUp, boolean measurable) {
    }

    public record LevelOutcome(int level, DecisionOutcome outcome, long count) {
    }

    public record WorkerOutcome(String worker, DecisionOutcome outcome, long count) {
    }
}
