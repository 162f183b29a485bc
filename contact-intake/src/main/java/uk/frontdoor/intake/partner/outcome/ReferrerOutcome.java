package uk.frontdoor.intake.partner.outcome;

import uk.frontdoor.triage.api.FeedbackSent;
import uk.frontdoor.triage.api.value.DecisionOutcome;
import uk.frontdoor.triage.api.vocabulary.Vocabulary;

import java.time.Instant;

/**
 * What the referring agency hears of its own contact: the decision in plain words, what happens next and whom to
 * contact, and the feedback the front door recorded. Nothing else of the child's record: not the threshold, the
 * other agencies' answers, the worker or the rationale.
 */
public final class ReferrerOutcome {

    private static final Vocabulary WORDS = Vocabulary.plainEnglish();

    private ReferrerOutcome() {
    }

    /**
     * @param decision        the outcome's code, for systems
     * @param inWords         the outcome as the referrer reads it
     * @param whatHappensNext what the front door and the family's services do now, and what the referrer should do
     * @param contact         whom to contact about it
     */
    public record Outcome(DecisionOutcome decision, String inWords, Instant decidedAt, String whatHappensNext,
                          String contact) {

        public static Outcome of(DecisionOutcome decision, Instant decidedAt, ReferrerFeedbackProperties words) {
            return new Outcome(decision, WORDS.word("outcome", decision), decidedAt, words.nextStepsFor(decision),
                    words.contact());
        }
    }

    /** The feedback as it was sent to the referrer: how, when and what it said. */
    public record Feedback(FeedbackSent.Method method, Instant sentAt, String summary) {
    }
}
