package uk.frontdoor.triage.api.query;

import java.time.YearMonth;
import java.util.Objects;

/** Every agency's referral figures side by side over months {@code from} to {@code to}: the managers' scorecard. */
public record FindReferralScorecard(YearMonth from, YearMonth to) {

    public FindReferralScorecard {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to is before from");
        }
    }
}
