package uk.frontdoor.rules;

import com.google.common.collect.ImmutableMap;
import java.util.Map;
import java.util.Set;

/**
 * A rule set's {@code parameters}: whole numbers, visible to conditions as {@code params.<name>}. The engine itself
 * uses the three window lengths to count history; the thresholds are used by the rules.
 */
record RuleSetParameters(Map<String, Long> values) {

    static final String ACCUMULATING_CONTACTS = "accumulatingConcernContacts";
    static final String ACCUMULATING_WINDOW_MONTHS = "accumulatingConcernWindowMonths";
    static final String RE_REFERRAL_WINDOW_MONTHS = "reReferralWindowMonths";
    static final String REPEAT_MISSING_EPISODES = "repeatMissingEpisodes";
    static final String REPEAT_MISSING_WINDOW_DAYS = "repeatMissingWindowDays";

    static final Set<String> REQUIRED = Set.of(ACCUMULATING_CONTACTS, ACCUMULATING_WINDOW_MONTHS,
            RE_REFERRAL_WINDOW_MONTHS, REPEAT_MISSING_EPISODES, REPEAT_MISSING_WINDOW_DAYS);

    RuleSetParameters {
        values = ImmutableMap.copyOf(values);
    }

    long accumulatingConcernWindowMonths() {
        return values.get(ACCUMULATING_WINDOW_MONTHS);
    }

    long reReferralWindowMonths() {
        return values.get(RE_REFERRAL_WINDOW_MONTHS);
    }

    long repeatMissingWindowDays() {
        return values.get(REPEAT_MISSING_WINDOW_DAYS);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> celView() {
        return (Map<String, Object>) (Map<String, ?>) values;
    }
}
