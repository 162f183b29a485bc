package uk.frontdoor.intake.submission;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A partner submission that cannot be accepted. The message names the reason and the offending
 * fields only, never a submitted value, so it is safe to log and to put in a dead-letter header.
 */
public class SubmissionRejectedException extends RuntimeException {

    /** Field names beyond this are summarised so a hostile body cannot produce an unbounded message. */
    private static final int FIELDS_IN_MESSAGE = 20;

    private final RejectionReason reason;
    private final transient List<Violation> violations;

    public SubmissionRejectedException(RejectionReason reason, List<Violation> violations) {
        super(message(reason, violations));
        this.reason = reason;
        this.violations = List.copyOf(violations);
    }

    /**
     * The agency already used the submission's id for a submission that said something else: the first
     * contact stands. A correction is a new submission naming the first in {@code corrects}.
     */
    public static SubmissionRejectedException submissionIdReused() {
        return new SubmissionRejectedException(RejectionReason.SUBMISSION_ID_REUSED, List.of(new Violation(
                "submissionId", "was already used by your agency for a different submission; the first submission "
                + "stands and nothing was stored. Send a correction as a new submission with a new submissionId "
                + "and corrects set to the submissionId it corrects")));
    }

    /** The submission's {@code corrects} names a submission id its agency never sent; nothing was stored. */
    public static SubmissionRejectedException unknownCorrectedSubmission() {
        return new SubmissionRejectedException(RejectionReason.INVALID_SUBMISSION, List.of(new Violation(
                "corrects", "names no submission your agency sent before; nothing was stored")));
    }

    public RejectionReason reason() {
        return reason;
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String message(RejectionReason reason, List<Violation> violations) {
        List<String> fields = violations.stream()
                .map(v -> v.field().isEmpty() ? "(body)" : v.field())
                .distinct()
                .toList();
        String named = fields.stream().limit(FIELDS_IN_MESSAGE).collect(Collectors.joining(", "));
        String more = fields.size() > FIELDS_IN_MESSAGE ? " and " + (fields.size() - FIELDS_IN_MESSAGE) + " more" : "";
        return reason + ": " + named + more;
    }
}
