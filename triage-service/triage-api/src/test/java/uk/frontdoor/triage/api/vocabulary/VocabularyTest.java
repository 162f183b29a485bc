package uk.frontdoor.triage.api.vocabulary;

import org.junit.jupiter.api.Test;
import uk.frontdoor.rules.Flag;
import uk.frontdoor.triage.api.ChildEvent;
import uk.frontdoor.triage.api.ConsentRecorded;
import uk.frontdoor.triage.api.FeedbackSent;
import uk.frontdoor.triage.api.InitialConferenceHeld;
import uk.frontdoor.triage.api.StrategyDiscussionHeld;
import uk.frontdoor.triage.api.StrategyDiscussionRequired;
import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.api.ThresholdReassessed;
import uk.frontdoor.triage.api.staff.StaffRole;
import uk.frontdoor.triage.api.value.Channel;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.api.value.DecisionOutcome;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VocabularyTest {

    private final Vocabulary words = Vocabulary.plainEnglish();

    @Test
    void every_code_an_event_carries_has_words_of_its_own() {
        Map<String, Object[]> codes = Map.ofEntries(
                Map.entry("consent", ConsentRecorded.Decision.values()),
                Map.entry("priority", ThresholdAssessed.Priority.values()),
                Map.entry("outcome", DecisionOutcome.values()),
                Map.entry("method", FeedbackSent.Method.values()),
                Map.entry("channel", Channel.values()),
                Map.entry("clock", ClockType.values()),
                Map.entry("mode", StrategyDiscussionHeld.Mode.values()),
                Map.entry("discussion-outcome", StrategyDiscussionHeld.Outcome.values()),
                Map.entry("conference-outcome", InitialConferenceHeld.Outcome.values()),
                Map.entry("assessment-outcome", uk.frontdoor.triage.api.AssessmentCompleted.Outcome.values()),
                Map.entry("role", StaffRole.values()),
                Map.entry("restriction", uk.frontdoor.triage.api.RecordRestricted.Category.values()),
                Map.entry("erasure-reason", uk.frontdoor.triage.api.ErasureRequested.Reason.values()),
                Map.entry("legal-basis", uk.frontdoor.triage.api.ErasureRequested.LegalBasis.values()),
                Map.entry("hold", uk.frontdoor.triage.api.LegalHoldPlaced.Kind.values()),
                Map.entry("allocated-work", uk.frontdoor.triage.api.WorkAllocated.Work.values()),
                Map.entry("reassessed", ThresholdReassessed.Cause.values()),
                Map.entry("flag", Flag.values()),
                Map.entry("discussion-flag", new Object[]{StrategyDiscussionHeld.HEALTH_ABSENT,
                        StrategyDiscussionHeld.POLICE_AND_SOCIAL_CARE_ONLY}),
                Map.entry("strategy-reason", new Object[]{StrategyDiscussionRequired.SECTION_47_DECISION,
                        StrategyDiscussionRequired.RULES_FLAGGED}),
                Map.entry("type", Arrays.stream(ChildEvent.class.getPermittedSubclasses())
                        .map(Class::getSimpleName).toArray()));
        codes.forEach((prefix, values) -> assertThat(values).allSatisfy(code ->
                assertThat(words.find(prefix, code)).as(prefix + "." + code).isPresent()));
    }

    @Test
    void a_code_reads_in_words_and_a_code_without_words_reads_readably() {
        assertThat(words.word("consent", ConsentRecorded.Decision.REFUSAL_OVERRIDDEN))
                .isEqualTo("Refusal overridden (manager)");
        assertThat(words.word("priority", ThresholdAssessed.Priority.AMBER)).isEqualTo("Amber");
        assertThat(words.word("clock", ClockType.MANAGER_AUTHORISATION)).isEqualTo("Manager's authorisation");
        assertThat(words.word("agency", "YOUTH_OFFENDING_TEAM")).isEqualTo("Youth offending team");
        assertThat(words.word("type", "TimelinessBreached")).isEqualTo("Timeliness breached");
        assertThat(words.word("type", null)).isEmpty();
        assertThat(words.wordOrAsGiven("agency", "POLICE")).isEqualTo("Police");
        assertThat(words.wordOrAsGiven("agency", "demo-council")).isEqualTo("demo-council");
    }

    @Test
    void lines_fill_their_patterns_and_a_missing_pattern_is_a_programming_error() {
        assertThat(words.line("ConsentRecorded", "Refused")).isEqualTo("Consent: Refused");
        assertThat(words.line("ProposalReturned")).isEqualTo("Proposal returned");
        assertThatThrownBy(() -> words.line("NoSuchEvent")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line.NoSuchEvent");
    }

    @Test
    void every_line_pattern_parses_and_no_word_has_an_unescaped_pattern_in_it() {
        ResourceBundle bundle = ResourceBundle.getBundle(Vocabulary.BUNDLE, Locale.ROOT);
        assertThat(bundle.keySet()).filteredOn(key -> key.startsWith("line."))
                .allSatisfy(key -> new MessageFormat(bundle.getString(key), Locale.UK))
                .isNotEmpty();
        // Words are read as written: braces there would be printed, never filled.
        assertThat(bundle.keySet()).filteredOn(key -> !key.startsWith("line."))
                .allSatisfy(key -> assertThat(bundle.getString(key)).as(key).doesNotContain("{", "}"));
    }

    @Test
    void words_inside_a_sentence_lose_their_capital_but_abbreviations_keep_theirs() {
        assertThat(Vocabulary.inSentence("Secure email")).isEqualTo("secure email");
        assertThat(Vocabulary.inSentence("LADO")).isEqualTo("LADO");
        assertThat(Vocabulary.inSentence("A&E")).isEqualTo("A&E");
    }
}
