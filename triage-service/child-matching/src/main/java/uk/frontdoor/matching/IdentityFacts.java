package uk.frontdoor.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What is known about who a child is: from one contact, or merged from every variant a known child
 * has been recorded under. Values are as written (not normalised); any of them may be missing (null or
 * empty), and a missing value is neither for nor against a match.
 *
 * @param givenNames          the name the child is called first; then other given or middle names, and for a
 *                            known child every other given name it has been recorded under
 * @param previousFamilyNames family names the child had before (or, for a known child, has also been recorded under)
 * @param previousPostcodes   where the child lived before (or, for a known child, every older postcode)
 * @param addressLines        the first line(s) of the current address
 * @param household           the people living with the child, not the child itself
 * @param mother              the mother, the deciding fact for an unborn baby
 */
public record IdentityFacts(
        List<String> givenNames,
        String familyName,
        List<String> previousFamilyNames,
        LocalDate dateOfBirth,
        LocalDate expectedDateOfBirth,
        Sex sex,
        String nhsNumber,
        String postcode,
        List<String> previousPostcodes,
        List<String> addressLines,
        List<Person> household,
        Person mother) {

    public IdentityFacts {
        givenNames = copy(givenNames);
        previousFamilyNames = copy(previousFamilyNames);
        previousPostcodes = copy(previousPostcodes);
        addressLines = copy(addressLines);
        household = copy(household);
    }

    public enum Sex {
        FEMALE, MALE
    }

    /** A household member, or the mother. */
    public record Person(String givenName, String familyName, LocalDate dateOfBirth) {
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.givenNames.addAll(givenNames);
        b.familyName = familyName;
        b.previousFamilyNames.addAll(previousFamilyNames);
        b.dateOfBirth = dateOfBirth;
        b.expectedDateOfBirth = expectedDateOfBirth;
        b.sex = sex;
        b.nhsNumber = nhsNumber;
        b.postcode = postcode;
        b.previousPostcodes.addAll(previousPostcodes);
        b.addressLines.addAll(addressLines);
        b.household.addAll(household);
        b.mother = mother;
        return b;
    }

    private static <T> List<T> copy(List<T> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
    }

    public static final class Builder {
        private final List<String> givenNames = new ArrayList<>();
        private String familyName;
        private final List<String> previousFamilyNames = new ArrayList<>();
        private LocalDate dateOfBirth;
        private LocalDate expectedDateOfBirth;
        private Sex sex;
        private String nhsNumber;
        private String postcode;
        private final List<String> previousPostcodes = new ArrayList<>();
        private final List<String> addressLines = new ArrayList<>();
        private final List<Person> household = new ArrayList<>();
        private Person mother;

        private Builder() {
        }

        /** Replaces the given names. */
        public Builder givenNames(String... names) {
            givenNames.clear();
            givenNames.addAll(List.of(names));
            return this;
        }

        public Builder alsoGivenName(String name) {
            givenNames.add(name);
            return this;
        }

        public Builder familyName(String name) {
            familyName = name;
            return this;
        }

        public Builder previousFamilyName(String name) {
            previousFamilyNames.add(name);
            return this;
        }

        /** Replaces the previous family names. */
        public Builder previousFamilyNames(List<String> names) {
            previousFamilyNames.clear();
            previousFamilyNames.addAll(names);
            return this;
        }

        /** Replaces the previous postcodes. */
        public Builder previousPostcodes(List<String> values) {
            previousPostcodes.clear();
            previousPostcodes.addAll(values);
            return this;
        }

        public Builder dateOfBirth(LocalDate date) {
            dateOfBirth = date;
            return this;
        }

        public Builder expectedDateOfBirth(LocalDate date) {
            expectedDateOfBirth = date;
            return this;
        }

        public Builder sex(Sex value) {
            sex = value;
            return this;
        }

        public Builder nhsNumber(String value) {
            nhsNumber = value;
            return this;
        }

        public Builder postcode(String value) {
            postcode = value;
            return this;
        }

        public Builder previousPostcode(String value) {
            previousPostcodes.add(value);
            return this;
        }

        public Builder addressLine(String value) {
            addressLines.add(value);
            return this;
        }

        /** Replaces the address lines. */
        public Builder addressLines(List<String> values) {
            addressLines.clear();
            addressLines.addAll(values);
            return this;
        }

        public Builder householdMember(String givenName, String familyName, LocalDate dateOfBirth) {
            household.add(new Person(givenName, familyName, dateOfBirth));
            return this;
        }

        /** Replaces the household. */
        public Builder household(List<Person> members) {
            household.clear();
            household.addAll(members);
            return this;
        }

        public Builder mother(String givenName, String familyName) {
            mother = new Person(givenName, familyName, null);
            return this;
        }

        public Builder mother(Person person) {
            mother = person;
            return this;
        }

        public IdentityFacts build() {
            return new IdentityFacts(givenNames, familyName, previousFamilyNames, dateOfBirth, expectedDateOfBirth,
                    sex, nhsNumber, postcode, previousPostcodes, addressLines, household, mother);
        }
    }
}
