package uk.frontdoor.triage.api.value;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A partner's contact about a child, as the referrer wrote it (submission format version 1).
 * It is stored whole in the child's stream so the record shows exactly what was said.
 * <p>
 * Its referrer, child, household and free text are {@link Personal}: stored encrypted with the child's key.
 *
 * @param corrects the submission id of the agency's earlier submission this one corrects; null for none
 */
public record ContactSubmission(
        String submissionId,
        String referralSource,
        @Personal Referrer referrer,
        @Personal Child child,
        @Personal List<HouseholdMember> household,
        Concerns concerns,
        Instant awareSince,
        Consent consent,
        boolean immediateRisk,
        @Personal String actionsTaken,
        String corrects) {

    public ContactSubmission {
        household = household == null ? List.of() : List.copyOf(household);
    }

    /** A submission that corrects no earlier one. */
    public ContactSubmission(String submissionId, String referralSource, Referrer referrer, Child child,
                             List<HouseholdMember> household, Concerns concerns, Instant awareSince, Consent consent,
                             boolean immediateRisk, String actionsTaken) {
        this(submissionId, referralSource, referrer, child, household, concerns, awareSince, consent, immediateRisk,
                actionsTaken, null);
    }

    public record Referrer(String name, String role, String agency, String phone, String email) {
    }

    public record Child(
            String givenName,
            String familyName,
            LocalDate dateOfBirth,
            LocalDate expectedDateOfBirth,
            Sex sex,
            String nhsNumber,
            Address address,
            String ethnicity,
            String firstLanguage,
            Boolean interpreterNeeded) {

        public boolean unborn() {
            return dateOfBirth == null && expectedDateOfBirth != null;
        }
    }

    public record Address(String line1, String line2, String town, String postcode) {
    }

    public record HouseholdMember(String givenName, String familyName, String relationship, LocalDate dateOfBirth) {
    }

    /**
     * @param factors    DfE Children in Need census assessment-factor codes
     * @param indicators the front door's structured indicators (see threshold-rules' vocabulary)
     */
    public record Concerns(List<String> factors, List<String> indicators, @Personal String narrative) {
        public Concerns {
            factors = factors == null ? List.of() : List.copyOf(factors);
            indicators = indicators == null ? List.of() : List.copyOf(indicators);
        }

        /** Withholds the child's personal data: a message printed in a log or a test's output shows none of it. */
        @Override
        public String toString() {
            return PersonalData.withheld(this);
        }
    }

    public record Consent(ConsentStatus status, @Personal String reason) {
        /** Withholds the child's personal data: a message printed in a log or a test's output shows none of it. */
        @Override
        public String toString() {
            return PersonalData.withheld(this);
        }
    }

    public enum Sex {
        MALE, FEMALE, UNKNOWN, INDETERMINATE
    }

    public enum ConsentStatus {
        GIVEN, REFUSED, NOT_SOUGHT
    }

    /** Withholds the child's personal data: a message printed in a log or a test's output shows none of it. */
    @Override
    public String toString() {
        return PersonalData.withheld(this);
    }
}
