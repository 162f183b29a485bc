package uk.frontdoor.triage.api.query;

import uk.frontdoor.triage.api.query.PerformanceReport.Ratio;

import java.time.YearMonth;
import java.util.List;

/**
 * How one agency's contacts fared, month by month (by the month each contact was received), so that the agency
 * learns how to refer better: counts and shares, never a child.
 *
 * @param agency     the agency code, or for partner staff the kind of agency (census referral-source group)
 * @param commonGaps over the whole period, the elements of the referral standard its referrals most often lacked,
 *                   most frequent first, each as a share of the contacts scored
 */
public record AgencyReferralQuality(String agency, List<Month> months, List<GapCount> commonGaps) {

    public AgencyReferralQuality {
        months = List.copyOf(months);
        commonGaps = commonGaps == null ? List.of() : List.copyOf(commonGaps);
    }

    /**
     * @param contacts        contacts the agency sent that month
     * @param neededFollowUp  of those, how many the front door had to ask the same kind of agency about again (a
     *                        partner check back to police, a school, health, housing): what the contact did not say
     * @param becameReferrals of those decided, how many became referrals to children's social care (an assessment
     *                        or a strategy discussion)
     * @param reReferrals     of those referrals, how many were for a child referred in the 12 months before
     * @param completeness    how complete those contacts were against the referral standard
     * @param outcomes        of those decided, how many ended in no further action, information and advice, or early
     *                        help (the rest became referrals)
     */
    public record Month(YearMonth month, long contacts, Ratio neededFollowUp, Ratio becameReferrals,
                        Ratio reReferrals, Completeness completeness, Outcomes outcomes) {
    }

    /**
     * @param scored         contacts scored against the referral standard (not those received before it was in use)
     * @param averagePercent the mean share of expected elements given, to one decimal place; null when none scored
     * @param complete       of those scored, how many lacked nothing
     */
    public record Completeness(long scored, Double averagePercent, Ratio complete) {

        public static final Completeness NONE = new Completeness(0, null, Ratio.NONE);
    }

    /** Each of the contacts decided. */
    public record Outcomes(Ratio noFurtherAction, Ratio informationAndAdvice, Ratio earlyHelp) {

        public static final Outcomes NONE = new Outcomes(Ratio.NONE, Ratio.NONE, Ratio.NONE);
    }

    /** An element of the referral standard (its id, e.g. ACTIONS_TAKEN), and how many scored contacts lacked it. */
    public record GapCount(String element, Ratio lacking) {
    }
}
