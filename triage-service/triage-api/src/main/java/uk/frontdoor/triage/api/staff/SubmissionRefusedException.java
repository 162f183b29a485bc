package uk.frontdoor.triage.api.staff;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A logged submission the intake refused, with each problem as the API's {@code 400} names it: the
 * field's path in the submission ({@code child.nhsNumber}, {@code household[1].dateOfBirth}, {@code ""}
 * for the whole) and the rule broken, in plain English. Neither quotes what was submitted, so the
 * message is safe to log.
 */
public class SubmissionRefusedException extends RuntimeException {

    /** One problem: the field's path in the submission and the rule it breaks. */
    public record FieldProblem(String field, String problem) {
    }

    private final transient List<FieldProblem> problems;

    public SubmissionRefusedException(List<FieldProblem> problems) {
        super("submission refused: " + problems.stream().map(FieldProblem::field).distinct().limit(20)
                .collect(Collectors.joining(", ")));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
