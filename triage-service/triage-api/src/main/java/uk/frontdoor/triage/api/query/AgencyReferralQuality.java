package uk.frontdoor.triage.api.query;

import uk.frontdoor.triage.api.query.PerformanceReport.Ratio;

import java.time.YearMonth;
import java.util.List;

/**
 * How one agency's contacts fared, month by month (by the month each contact was received), so that the agency
 * learns how to refer better: counts and shares, never a child.
 */
public record AgencyReferralQuality(String agency, List<Month> months) {

    public AgencyReferralQuality {
        months = List.copyOf(months);
    }

    /**
     * @param contacts        contacts the agency sent that month
     * @param neededFollowUp  of those, how many the front door had to ask the same kind of agency about again (a
     *                        partner check back to police, a school, health, housing): what the contact did not say
     * @param becameReferrals of those decided, how many became referrals to children's social care (an assessment
     *                        or a strategy discussion)
     * @param reReferrals     of those referrals, how many were for a child referred in the 12 months before
     */
    public record Month(YearMonth month, long contacts, Ratio neededFollowUp, Ratio becameReferrals,
                        Ratio reReferrals) {
    }
}
