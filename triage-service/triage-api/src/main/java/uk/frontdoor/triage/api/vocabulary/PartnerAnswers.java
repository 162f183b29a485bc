package uk.frontdoor.triage.api.vocabulary;

import uk.frontdoor.triage.api.PartnerCheckAnswered;
import uk.frontdoor.triage.api.value.Channel;

/** An agency's answer to a partner check in the words staff read, wherever they read it. */
public final class PartnerAnswers {

    private static final Vocabulary WORDS = Vocabulary.plainEnglish();

    private PartnerAnswers() {
    }

    /** The answer itself: the information, "No information held", or why it cannot be shared. */
    public static String inWords(PartnerCheckAnswered event) {
        return switch (event.answer()) {
            case INFORMATION_FOUND -> event.information();
            case NONE_HELD -> event.information() == null ? WORDS.line("PartnerCheckAnswered.noneHeld")
                    : WORDS.line("PartnerCheckAnswered.noneHeld") + ". " + event.information();
            case CANNOT_SHARE -> WORDS.line("PartnerCheckAnswered.cannotShare", event.reason());
        };
    }

    /** The chronology's line: who answered, what kind of answer, how, and whether late. */
    public static String line(PartnerCheckAnswered event) {
        var by = event.answeredBy();
        String how = by.channel() == Channel.STAFF && by.userId() != null
                ? WORDS.line("PartnerCheckAnswered.onPages", by.userId())
                : WORDS.word("answerChannel", by.channel());
        return WORDS.line(event.late() ? "PartnerCheckAnswered.late" : "PartnerCheckAnswered",
                WORDS.wordOrAsGiven("agency", by.agency()), WORDS.word("partnerAnswer", event.answer()), how);
    }
}
