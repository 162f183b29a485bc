package uk.frontdoor.triage.api.query;

import uk.frontdoor.triage.api.query.AgencyReferralQuality.Completeness;
import uk.frontdoor.triage.api.query.AgencyReferralQuality.GapCount;
import uk.frontdoor.triage.api.query.AgencyReferralQuality.Outcomes;
import uk.frontdoor.triage.api.query.PerformanceReport.Ratio;

import java.time.YearMonth;
import java.util.List;

/**
 * Every agency's referrals side by side over a period (the multi-agency scorecard the safeguarding board asked for):
 * the same figures each agency reads of itself, one row per sending agency, most contacts first.
 */
public record ReferralScorecard(YearMonth from, YearMonth to, List<Agency> agencies) {

    public ReferralScorecard {
        agencies = List.copyOf(agencies);
    }

    /**
     * @param agency     the agency code contacts were sent under (a member of staff's logging: the council's own)
     * @param kind       the census referral-source group its contacts came under (the commonest, if several)
     * @param commonGaps the three elements of the referral standard its referrals most often lacked
     */
    public record Agency(String agency, String kind, long contacts, Completeness completeness, Ratio neededFollowUp,
                         Ratio becameReferrals, Ratio reReferrals, Outcomes outcomes, List<GapCount> commonGaps) {

        public Agency {
            commonGaps = List.copyOf(commonGaps);
        }
    }
}
