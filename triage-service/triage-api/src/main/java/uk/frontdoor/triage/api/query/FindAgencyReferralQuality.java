package uk.frontdoor.triage.api.query;

import java.time.YearMonth;
import java.util.Objects;

/**
 * One partner agency's referral figures, month by month (months of the calendar in England), from {@code from} to
 * {@code to} inclusive. Answered with {@link AgencyReferralQuality}.
 *
 * @param agency the agency code the contacts were sent under, e.g. {@code demo-school}
 */
public record FindAgencyReferralQuality(String agency, YearMonth from, YearMonth to) {

    public FindAgencyReferralQuality {
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to is before from");
        }
    }
}
