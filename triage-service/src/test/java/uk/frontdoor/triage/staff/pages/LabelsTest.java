package uk.frontdoor.triage.staff.pages;

import org.junit.jupiter.api.Test;
import uk.frontdoor.rules.CinFactor;
import uk.frontdoor.rules.ReferralSource;
import uk.frontdoor.triage.api.ConsentRecorded;
import uk.frontdoor.triage.api.value.DecisionOutcome;
import uk.frontdoor.triage.api.FeedbackSent;
import uk.frontdoor.triage.api.staff.StaffRole;
import uk.frontdoor.triage.api.ThresholdAssessed;

import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class LabelsTest {

    private final Labels labels = TestLabels.labels();

    @Test
    void every_census_code_the_rules_know_has_its_census_words() {
        assertThat(CinFactor.CODES).allSatisfy(code -> assertThat(labels.factor(code)).doesNotContain("unknown"));
        assertThat(ReferralSource.CODES).allSatisfy(code -> assertThat(labels.source(code)).doesNotContain("unknown"));
        assertThat(labels.factor("3A")).isEqualTo("3A: Domestic abuse: concerns about the child");
        assertThat(labels.source("6")).isEqualTo("6: Police");
    }

    @Test
    void every_choice_a_form_offers_has_words_of_its_own() {
        Stream.of(
                        Arrays.stream(DecisionOutcome.values()).map(v -> labels.of("outcome", v)),
                        Arrays.stream(ConsentRecorded.Decision.values()).map(v -> labels.of("consent", v)),
                        Arrays.stream(ThresholdAssessed.Priority.values()).map(v -> labels.of("priority", v)),
                        Arrays.stream(FeedbackSent.Method.values()).map(v -> labels.of("method", v)),
                        Arrays.stream(StaffRole.values()).map(v -> labels.of("role", v)))
                .flatMap(s -> s)
                .forEach(words -> assertThat(words).isNotBlank());
        assertThat(labels.of("outcome", DecisionOutcome.STRATEGY_DISCUSSION)).isEqualTo("Strategy discussion (section 47)");
        assertThat(labels.of("consent", ConsentRecorded.Decision.NOT_SOUGHT)).isEqualTo("Not sought");
        assertThat(labels.of("agency", "SOCIAL_CARE")).isEqualTo("Children's social care");
    }

    @Test
    void a_code_without_words_is_shown_readably_rather_than_failing_the_page() {
        assertThat(labels.of("agency", "YOUTH_OFFENDING_TEAM")).isEqualTo("Youth offending team");
        assertThat(labels.of("type", "TimelinessBreached")).isEqualTo("Timeliness breached");
        assertThat(labels.of("type", null)).isEmpty();
    }

    @Test
    void rag_tags_have_govuk_colours_and_unassessed_is_grey() {
        assertThat(labels.ragTag(ThresholdAssessed.Priority.RED)).isEqualTo("govuk-tag--red");
        assertThat(labels.ragTag(ThresholdAssessed.Priority.AMBER)).isEqualTo("govuk-tag--orange");
        assertThat(labels.ragTag(ThresholdAssessed.Priority.GREEN)).isEqualTo("govuk-tag--green");
        assertThat(labels.ragTag(ThresholdAssessed.Priority.BLUE)).isEqualTo("govuk-tag--blue");
        assertThat(labels.ragTag(null)).isEqualTo("govuk-tag--grey");
    }
}
