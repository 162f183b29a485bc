package uk.frontdoor.triage.api.query;

import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactSubmission;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The answer to {@link FindChildren}: the known children the details could be, best first, with enough
 * to tell two of them apart and the reasons each is listed. Staff-only: it names children.
 *
 * @param children          at most {@link #MAX_CHILDREN}, highest score first
 * @param more              true when more children fitted than are listed (the search should say more)
 * @param parametersVersion the match parameters the scores were worked out with
 */
public record ChildSearchResults(List<Child> children, boolean more, String parametersVersion) {

    /** A search lists at most this many children: past that, a member of staff needs to say more. */
    public static final int MAX_CHILDREN = 20;

    public ChildSearchResults {
        children = List.copyOf(children);
        Objects.requireNonNull(parametersVersion, "parametersVersion");
    }

    /**
     * One known child record, as every contact about it has recorded the child.
     *
     * @param givenNames          every given name recorded, the latest first
     * @param familyNames         every family name recorded, the latest first
     * @param dateOfBirth         null when never given (an unborn child, or not known)
     * @param expectedDateOfBirth for a child recorded before birth; null otherwise
     * @param sex                 null when never given as male or female
     * @param nhsNumber           null when no contact gave one
     * @param postcodes           every postcode recorded, the latest first
     * @param score               the match weight against the details searched for, as matching on receipt
     *                            works it out (the fewer details searched for, the lower the best score)
     * @param probability         the match probability the score stands for
     * @param agreed              the fields that agreed with the search and what each added
     * @param disagreed           the fields that disagreed and what each took away
     */
    public record Child(ChildId childId, List<String> givenNames, List<String> familyNames, LocalDate dateOfBirth,
                        LocalDate expectedDateOfBirth, ContactSubmission.Sex sex, String nhsNumber,
                        List<String> postcodes, double score, double probability, List<Field> agreed,
                        List<Field> disagreed) {

        public Child {
            Objects.requireNonNull(childId, "childId");
            givenNames = List.copyOf(givenNames);
            familyNames = List.copyOf(familyNames);
            postcodes = List.copyOf(postcodes);
            agreed = List.copyOf(agreed);
            disagreed = List.copyOf(disagreed);
        }
    }

    /**
     * How one field compared.
     *
     * @param field       the field's key in the match parameters, e.g. {@code date_of_birth}
     * @param description as a social worker reads it: "date of birth: day and month swapped, +7.6"
     * @param weight      what it added to the score
     */
    public record Field(String field, String description, double weight) {
    }
}
