package uk.frontdoor.intake.submission;

import java.util.Objects;

/**
 * One way in which a partner's submission breaks the contract.
 *
 * @param field   JSON path of the offending field, such as {@code child.nhsNumber},
 *                {@code household[1].dateOfBirth} or {@code concerns.factors[0]}; {@code ""} is the whole body
 * @param problem plain English naming the rule broken. It never quotes the submitted value: submissions
 *                carry children's personal data, and violations travel to logs, metrics and dead-letter headers.
 */
public record Violation(String field, String problem) {

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(problem, "problem");
    }

    @Override
    public String toString() {
        return (field.isEmpty() ? "(body)" : field) + ": " + problem;
    }
}
