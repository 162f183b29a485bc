package uk.frontdoor.rules;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The values of {@code contact.*} and {@code history.*} for one decision, computed once per decision (history
 * windows counted here, never inside a rule). The CEL views are built only if a rule needs the interpreter.
 */
final class RuleInputs {

    // contact
    final String source;
    final Set<String> factors;
    final Set<String> indicators;
    final Long ageYears;
    final Boolean unborn;
    final String sex;
    final Boolean immediateRisk;
    final Long exploitationLow;
    final Long exploitationMedium;
    final Long exploitationHigh;
    // history
    final Long contactsInWindow;
    final Long priorContacts;
    final Long referralsInWindow;
    final Long missingEpisodesInWindow;
    final Long childProtectionPlans;
    final Boolean openToEarlyHelp;
    final Boolean openToSocialCare;
    final Set<String> recentFactors;
    final Set<String> recentIndicators;

    private Map<String, Object> celContact;
    private Map<String, Object> celHistory;

    RuleInputs(ContactFacts contact, ChildHistory history, RuleSetParameters params, ZoneId zone) {
        source = contact.referralSource() == null ? "10" : contact.referralSource();
        factors = contact.factors();
        indicators = contact.indicators();
        // Unborn (or age not given): -1, so "contact.ageYears < 1" does not catch unborn babies by accident.
        ageYears = contact.childAgeYears() == null ? -1L : contact.childAgeYears().longValue();
        unborn = contact.unborn();
        sex = contact.sex() == null ? "UNKNOWN" : contact.sex();
        immediateRisk = contact.immediateRisk();
        long low = 0;
        long medium = 0;
        long high = 0;
        for (String indicator : indicators) {
            if (indicator.startsWith("EXPL_LOW_") || indicator.equals("CSE_VULNERABILITY")) {
                low++;
            } else if (indicator.startsWith("EXPL_MED_")) {
                medium++;
            } else if (indicator.startsWith("EXPL_HIGH_")) {
                high++;
            }
        }
        exploitationLow = low;
        exploitationMedium = medium;
        exploitationHigh = high;

        Instant received = contact.receivedAt();
        LocalDateTime receivedLocal = LocalDateTime.ofInstant(received, zone);
        Instant accumulatingFrom = receivedLocal.minusMonths(params.accumulatingConcernWindowMonths()).atZone(zone).toInstant();
        Instant reReferralFrom = receivedLocal.minusMonths(params.reReferralWindowMonths()).atZone(zone).toInstant();
        Instant missingFrom = receivedLocal.minusDays(params.repeatMissingWindowDays()).atZone(zone).toInstant();

        long inWindow = 0;
        long prior = 0;
        long referrals = 0;
        Set<String> recentF = null;
        Set<String> recentI = null;
        for (PriorContact p : history.contacts()) {
            Instant at = p.receivedAt();
            if (!at.isBefore(received)) {
                continue; // only earlier contacts count
            }
            prior++;
            if (!at.isBefore(accumulatingFrom)) {
                inWindow++;
                if (!p.factors().isEmpty()) {
                    recentF = recentF == null ? new HashSet<>() : recentF;
                    recentF.addAll(p.factors());
                }
                if (!p.indicators().isEmpty()) {
                    recentI = recentI == null ? new HashSet<>() : recentI;
                    recentI.addAll(p.indicators());
                }
            }
            if (p.becameReferral() && !at.isBefore(reReferralFrom)) {
                referrals++;
            }
        }
        long missing = 0;
        for (Instant episode : history.missingEpisodes()) {
            if (episode.isBefore(received) && !episode.isBefore(missingFrom)) {
                missing++;
            }
        }
        contactsInWindow = inWindow + 1; // this contact counts
        priorContacts = prior;
        referralsInWindow = referrals;
        missingEpisodesInWindow = missing;
        childProtectionPlans = (long) history.childProtectionPlans();
        openToEarlyHelp = history.openToEarlyHelp();
        openToSocialCare = history.openToSocialCare();
        recentFactors = recentF == null ? Set.of() : recentF;
        recentIndicators = recentI == null ? Set.of() : recentI;
    }

    Map<String, Object> celContact() {
        if (celContact == null) {
            celContact = celView(RuleField.Scope.CONTACT);
        }
        return celContact;
    }

    Map<String, Object> celHistory() {
        if (celHistory == null) {
            celHistory = celView(RuleField.Scope.HISTORY);
        }
        return celHistory;
    }

    private Map<String, Object> celView(RuleField.Scope scope) {
        ImmutableMap.Builder<String, Object> view = ImmutableMap.builder();
        for (RuleField field : RuleField.values()) {
            if (field.scope == scope) {
                Object value = field.value.apply(this);
                // CEL lists are Java lists; CEL ints are Longs (already).
                view.put(field.fieldName, value instanceof Set<?> set ? ImmutableList.copyOf(set) : value);
            }
        }
        return view.buildOrThrow();
    }
}
