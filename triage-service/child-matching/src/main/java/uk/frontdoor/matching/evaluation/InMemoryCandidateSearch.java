package uk.frontdoor.matching.evaluation;

import org.apache.commons.codec.language.DoubleMetaphone;
import uk.frontdoor.matching.Candidate;
import uk.frontdoor.matching.IdentityFacts;
import uk.frontdoor.matching.Normalise;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Candidate search in memory, for tuning the score quickly: the same blocking ideas as the PostgreSQL
 * search the service uses (NHS number; date of birth or its day-month swap; sound of the family name with
 * the birth year; postcode sector; expected date), but broader, so it shows what the score does rather than
 * what the search misses. The service's own search is measured separately, in PostgreSQL.
 */
public final class InMemoryCandidateSearch implements Function<IdentityFacts, List<Candidate>> {

    private final DoubleMetaphone metaphone = new DoubleMetaphone();
    private final Map<String, List<Candidate>> byKey = new HashMap<>();

    public InMemoryCandidateSearch(List<Candidate> known) {
        for (Candidate candidate : known) {
            for (String key : keys(candidate.facts())) {
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(candidate);
            }
        }
    }

    @Override
    public List<Candidate> apply(IdentityFacts facts) {
        Map<String, Candidate> found = new LinkedHashMap<>();
        for (String key : keys(facts)) {
            for (Candidate c : byKey.getOrDefault(key, List.of())) {
                found.putIfAbsent(c.childId(), c);
            }
        }
        return List.copyOf(found.values());
    }

    private List<String> keys(IdentityFacts facts) {
        List<String> keys = new ArrayList<>();
        String nhs = Normalise.nhsNumber(facts.nhsNumber());
        if (nhs != null) {
            keys.add("nhs:" + nhs);
        }
        String family = Normalise.name(facts.familyName());
        String familyKey = family == null ? null : metaphone.doubleMetaphone(family);
        String given = facts.givenNames().isEmpty() ? null : Normalise.firstWord(facts.givenNames().get(0));
        String givenKey = given == null ? null : metaphone.doubleMetaphone(given);
        String postcode = Normalise.postcode(facts.postcode());
        LocalDate dob = facts.dateOfBirth();
        if (dob != null) {
            for (LocalDate d : dob.getDayOfMonth() <= 12
                    ? List.of(dob, LocalDate.of(dob.getYear(), dob.getDayOfMonth(), dob.getMonthValue()))
                    : List.of(dob)) {
                keys.add("dob:" + d);
            }
            if (familyKey != null) {
                keys.add("family-year:" + familyKey + ":" + dob.getYear());
            }
            if (givenKey != null) {
                keys.add("family-year:" + givenKey + ":" + dob.getYear());
            }
        }
        if (postcode != null && familyKey != null) {
            keys.add("sector-family:" + Normalise.sector(postcode) + ":" + familyKey);
        }
        if (postcode != null && givenKey != null) {
            keys.add("sector-given:" + Normalise.sector(postcode) + ":" + givenKey);
        }
        LocalDate around = dob != null ? dob : facts.expectedDateOfBirth();
        if (around != null && familyKey != null) {
            // Births come up to weeks either side of the expected date: the neighbouring months too.
            for (int m = -1; m <= 1; m++) {
                keys.add("month-family:" + around.withDayOfMonth(1).plusMonths(m) + ":" + familyKey);
            }
        }
        return keys;
    }
}
