package uk.frontdoor.matching;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Identity facts normalised once, so that a contact is not re-normalised for every candidate; with its names' sound
 * codes, worked out once when first needed ({@link SoundCodes}).
 */
record Prepared(
        Set<String> givenNames,
        String familyName,
        Set<String> previousFamilyNames,
        LocalDate dateOfBirth,
        LocalDate expectedDateOfBirth,
        IdentityFacts.Sex sex,
        String nhsNumber,
        String postcode,
        Set<String> previousPostcodes,
        String addressLine,
        List<Member> household,
        Member mother,
        SoundCodes sounds) {

    record Member(Set<String> givenNames, String familyName, LocalDate dateOfBirth) {
    }

    static Prepared of(IdentityFacts facts) {
        Set<String> givenNames = givenNames(facts.givenNames());
        String familyName = Normalise.name(facts.familyName());
        return new Prepared(
                givenNames,
                familyName,
                names(facts.previousFamilyNames()),
                facts.dateOfBirth(),
                facts.expectedDateOfBirth(),
                facts.sex(),
                Normalise.nhsNumber(facts.nhsNumber()),
                Normalise.postcode(facts.postcode()),
                postcodes(facts.previousPostcodes()),
                facts.addressLines().isEmpty() ? null : Normalise.addressLine(facts.addressLines().get(0)),
                facts.household().stream().map(Prepared::member).filter(Objects::nonNull).toList(),
                member(facts.mother()),
                new SoundCodes(givenNames, familyName));
    }

    /** Each given name whole ("maryann") and by its first word ("mary"), as people use either. */
    private static Set<String> givenNames(List<String> names) {
        Set<String> result = new LinkedHashSet<>();
        for (String name : names) {
            String whole = Normalise.name(name);
            if (whole != null) {
                result.add(whole);
                result.add(Normalise.firstWord(name));
            }
        }
        return result;
    }

    private static Set<String> names(List<String> names) {
        Set<String> result = new LinkedHashSet<>();
        for (String name : names) {
            String n = Normalise.name(name);
            if (n != null) {
                result.add(n);
            }
        }
        return result;
    }

    private static Set<String> postcodes(List<String> postcodes) {
        Set<String> result = new LinkedHashSet<>();
        for (String postcode : postcodes) {
            String p = Normalise.postcode(postcode);
            if (p != null) {
                result.add(p);
            }
        }
        return result;
    }

    private static Member member(IdentityFacts.Person person) {
        if (person == null) {
            return null;
        }
        Set<String> given = person.givenName() == null ? Set.of() : givenNames(List.of(person.givenName()));
        if (given.isEmpty()) {
            return null;
        }
        return new Member(given, Normalise.name(person.familyName()), person.dateOfBirth());
    }
}
