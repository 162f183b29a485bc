package uk.frontdoor.triage.api.query;

import uk.frontdoor.triage.api.value.ReferralSourceGroup;

import java.time.YearMonth;
import java.util.Objects;

/**
 * The referral figures of every agency of one kind (census referral-source group), month by month: what seconded
 * partner staff (a police researcher, a health practitioner) see of their own agency's referrals. Answered with
 * {@link AgencyReferralQuality}, its {@code agency} the kind.
 */
public record FindReferralQualityOfKind(ReferralSourceGroup kind, YearMonth from, YearMonth to) {

    public FindReferralQualityOfKind {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to is before from");
        }
    }
}
