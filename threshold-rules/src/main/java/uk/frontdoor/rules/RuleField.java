package uk.frontdoor.rules;

import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The fields rule conditions can read, as {@code contact.<name>} and {@code history.<name>}. One list is the source
 * of the CEL type declarations, the values handed to CEL and the fast path: they cannot drift apart.
 */
enum RuleField {
    // contact.*
    SOURCE(Scope.CONTACT, "source", Kind.STRING, v -> v.source, ReferralSource::isKnown),
    FACTORS(Scope.CONTACT, "factors", Kind.STRING_LIST, v -> v.factors, CinFactor::isKnown),
    INDICATORS(Scope.CONTACT, "indicators", Kind.STRING_LIST, v -> v.indicators, Indicator::isKnown),
    AGE_YEARS(Scope.CONTACT, "ageYears", Kind.INT, v -> v.ageYears, null),
    UNBORN(Scope.CONTACT, "unborn", Kind.BOOL, v -> v.unborn, null),
    SEX(Scope.CONTACT, "sex", Kind.STRING, v -> v.sex, s -> Set.of("MALE", "FEMALE", "UNKNOWN", "INDETERMINATE").contains(s)),
    IMMEDIATE_RISK(Scope.CONTACT, "immediateRisk", Kind.BOOL, v -> v.immediateRisk, null),
    EXPLOITATION_LOW(Scope.CONTACT, "exploitationLow", Kind.INT, v -> v.exploitationLow, null),
    EXPLOITATION_MEDIUM(Scope.CONTACT, "exploitationMedium", Kind.INT, v -> v.exploitationMedium, null),
    EXPLOITATION_HIGH(Scope.CONTACT, "exploitationHigh", Kind.INT, v -> v.exploitationHigh, null),
    // history.*
    CONTACTS_IN_WINDOW(Scope.HISTORY, "contactsInWindow", Kind.INT, v -> v.contactsInWindow, null),
    PRIOR_CONTACTS(Scope.HISTORY, "priorContacts", Kind.INT, v -> v.priorContacts, null),
    REFERRALS_IN_WINDOW(Scope.HISTORY, "referralsInWindow", Kind.INT, v -> v.referralsInWindow, null),
    MISSING_EPISODES_IN_WINDOW(Scope.HISTORY, "missingEpisodesInWindow", Kind.INT, v -> v.missingEpisodesInWindow, null),
    CHILD_PROTECTION_PLANS(Scope.HISTORY, "childProtectionPlans", Kind.INT, v -> v.childProtectionPlans, null),
    OPEN_TO_EARLY_HELP(Scope.HISTORY, "openToEarlyHelp", Kind.BOOL, v -> v.openToEarlyHelp, null),
    OPEN_TO_SOCIAL_CARE(Scope.HISTORY, "openToSocialCare", Kind.BOOL, v -> v.openToSocialCare, null),
    RECENT_FACTORS(Scope.HISTORY, "recentFactors", Kind.STRING_LIST, v -> v.recentFactors, CinFactor::isKnown),
    RECENT_INDICATORS(Scope.HISTORY, "recentIndicators", Kind.STRING_LIST, v -> v.recentIndicators, Indicator::isKnown);

    enum Scope {
        CONTACT("contact"), HISTORY("history");

        final String variable;

        Scope(String variable) {
            this.variable = variable;
        }
    }

    enum Kind { STRING, STRING_LIST, INT, BOOL }

    final Scope scope;
    final String fieldName;
    final Kind kind;
    /** The Java value: String, Set&lt;String&gt;, Long or Boolean. */
    final Function<RuleInputs, Object> value;
    /** For strings and string lists: which literal values a condition may compare with; null for any. */
    final Predicate<String> allowedLiteral;

    RuleField(Scope scope, String fieldName, Kind kind, Function<RuleInputs, Object> value, Predicate<String> allowedLiteral) {
        this.scope = scope;
        this.fieldName = fieldName;
        this.kind = kind;
        this.value = value;
        this.allowedLiteral = allowedLiteral;
    }

    static RuleField find(String variable, String fieldName) {
        for (RuleField f : values()) {
            if (f.scope.variable.equals(variable) && f.fieldName.equals(fieldName)) {
                return f;
            }
        }
        return null;
    }
}
