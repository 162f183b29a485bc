package uk.frontdoor.matching;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ChildMatcherTest {

    private static final LocalDate BORN = LocalDate.parse("2017-03-07");

    private final ChildMatcher matcher = new ChildMatcher(MatchParameters.defaults());

    /** Known from a police contact last year. */
    private static final Candidate AVA = new Candidate("child-ava", IdentityFacts.builder()
            .givenNames("Ava").familyName("Okafor").dateOfBirth(BORN).sex(IdentityFacts.Sex.FEMALE)
            .postcode("LS1 4AP").addressLine("12 Acacia Avenue")
            .householdMember("Grace", "Okafor", null).householdMember("Isla", "Okafor", BORN)
            .build());
    /** Ava's twin. */
    private static final Candidate ISLA = new Candidate("child-isla", IdentityFacts.builder()
            .givenNames("Isla").familyName("Okafor").dateOfBirth(BORN).sex(IdentityFacts.Sex.FEMALE)
            .postcode("LS1 4AP").addressLine("12 Acacia Avenue")
            .householdMember("Grace", "Okafor", null).householdMember("Ava", "Okafor", BORN)
            .build());
    private static final Candidate STRANGER = new Candidate("child-leo", IdentityFacts.builder()
            .givenNames("Leo").familyName("Smith").dateOfBirth(LocalDate.parse("2012-11-30"))
            .sex(IdentityFacts.Sex.MALE).postcode("M1 1AE").build());

    private static IdentityFacts.Builder avaAsThePoliceWriteHer() {
        return IdentityFacts.builder().givenNames("AVA").familyName("okafor").dateOfBirth(BORN).postcode("ls14ap");
    }

    @Test
    void theSameNameBirthDateAndPostcodeWithoutAnNhsNumberIsAConfidentMatch() {
        MatchDecision decision = matcher.match(avaAsThePoliceWriteHer().build(), List.of(STRANGER, AVA));

        assertThat(decision.outcome()).isEqualTo(Outcome.CONFIDENT);
        assertThat(decision.matchedChildId()).contains("child-ava");
        assertThat(decision.parametersVersion()).isEqualTo(MatchParameters.defaults().version());
        assertThat(decision.matched().orElseThrow().score())
                .isGreaterThanOrEqualTo(decision.confidentThreshold());
    }

    @Test
    void slipsInNameAndDateAfterAMoveLeaveAPossibleMatchForAPerson() {
        IdentityFacts movedAndMisspelt = IdentityFacts.builder().givenNames("Avah").familyName("Okafor")
                .dateOfBirth(LocalDate.parse("2017-07-03")).postcode("B33 8TH").build();

        MatchDecision decision = matcher.match(movedAndMisspelt, List.of(AVA, STRANGER));

        assertThat(decision.outcome()).isEqualTo(Outcome.POSSIBLE);
        assertThat(decision.matched()).isEmpty();
        assertThat(decision.possibleMatches()).extracting(MatchScore::childId).containsExactly("child-ava");
        MatchScore possible = decision.possibleMatches().get(0);
        assertThat(possible.field(Field.DATE_OF_BIRTH).level()).isEqualTo(Level.DATE_OF_BIRTH_DAY_MONTH_SWAPPED);
        assertThat(possible.field(Field.GIVEN_NAME).level()).isEqualTo(Level.GIVEN_NAME_SIMILAR);
        assertThat(possible.agreeing()).extracting(FieldResult::field)
                .contains(Field.FAMILY_NAME, Field.DATE_OF_BIRTH);
        assertThat(possible.disagreeing()).extracting(FieldResult::field).contains(Field.ADDRESS);
        assertThat(possible.score()).isBetween(decision.possibleThreshold(), decision.confidentThreshold());
    }

    @Test
    void nothingAlikeIsANewChild() {
        IdentityFacts someoneElse = IdentityFacts.builder().givenNames("Freya").familyName("Nowak")
                .dateOfBirth(LocalDate.parse("2020-01-15")).postcode("B33 8TH").build();

        MatchDecision decision = matcher.match(someoneElse, List.of(AVA, ISLA, STRANGER));

        assertThat(decision.outcome()).isEqualTo(Outcome.NONE);
        assertThat(decision.possibleMatches()).isEmpty();
        assertThat(decision.candidatesScored()).isEqualTo(3);
    }

    @Test
    void noCandidatesIsANewChild() {
        assertThat(matcher.match(avaAsThePoliceWriteHer().build(), List.of()).outcome()).isEqualTo(Outcome.NONE);
    }

    @Test
    void aTwinIsNeverConfidentlyMatchedToTheOtherTwin() {
        // Same birth date, address, family name and sex: only the given name tells them apart.
        IdentityFacts isla = IdentityFacts.builder().givenNames("Isla").familyName("Okafor").dateOfBirth(BORN)
                .sex(IdentityFacts.Sex.FEMALE).postcode("LS1 4AP").addressLine("12 Acacia Avenue").build();

        MatchDecision onlyAvaKnown = matcher.match(isla, List.of(AVA));
        MatchDecision bothKnown = matcher.match(isla, List.of(AVA, ISLA));

        assertThat(onlyAvaKnown.outcome()).isNotEqualTo(Outcome.CONFIDENT);
        assertThat(bothKnown.outcome()).isEqualTo(Outcome.CONFIDENT);
        assertThat(bothKnown.matchedChildId()).contains("child-isla");
    }

    @Test
    void aTwinListedInTheOthersHouseholdCountsAgainstTheMatch() {
        IdentityFacts islaWithHousehold = IdentityFacts.builder().givenNames("Isla").familyName("Okafor")
                .dateOfBirth(BORN).postcode("LS1 4AP").householdMember("Ava", "Okafor", BORN).build();
        IdentityFacts islaAlone = IdentityFacts.builder().givenNames("Isla").familyName("Okafor")
                .dateOfBirth(BORN).postcode("LS1 4AP").build();

        Candidate avaWithoutHousehold = new Candidate("child-ava", AVA.facts().toBuilder().household(List.of()).build());

        MatchScore with = matcher.score(islaWithHousehold, avaWithoutHousehold);
        MatchScore without = matcher.score(islaAlone, avaWithoutHousehold);

        assertThat(with.field(Field.HOUSEHOLD).level()).isEqualTo(Level.HOUSEHOLD_NAME_EACH_OTHER);
        assertThat(with.score()).isLessThan(without.score());
        assertThat(with.vetoedBy()).extracting(FieldResult::field).contains(Field.HOUSEHOLD);
        assertThat(matcher.score(islaAlone, AVA).field(Field.HOUSEHOLD).level())
                .as("Ava's own household names Isla").isEqualTo(Level.HOUSEHOLD_NAME_EACH_OTHER);
    }

    @Test
    void differentNhsNumbersOutweighEverythingElse() {
        Candidate avaWithNumber = new Candidate("child-ava", AVA.facts().toBuilder().nhsNumber("9434765919").build());
        IdentityFacts otherNumber = avaAsThePoliceWriteHer().nhsNumber("4010232137").build();

        assertThat(matcher.match(otherNumber, List.of(avaWithNumber)).outcome()).isNotEqualTo(Outcome.CONFIDENT);
        assertThat(matcher.match(avaAsThePoliceWriteHer().nhsNumber("9434765919").build(), List.of(avaWithNumber))
                .outcome()).isEqualTo(Outcome.CONFIDENT);
    }

    @Test
    void twoKnownChildrenThatBothLookCertainGoToAPerson() {
        Candidate duplicate = new Candidate("child-ava-again", AVA.facts());

        MatchDecision decision = matcher.match(avaAsThePoliceWriteHer().build(), List.of(AVA, duplicate));

        assertThat(decision.outcome()).isEqualTo(Outcome.POSSIBLE);
        assertThat(decision.possibleMatches()).extracting(MatchScore::childId)
                .containsExactlyInAnyOrder("child-ava", "child-ava-again");
    }

    @Test
    void twoRecordsAlreadyLinkedAsOneChildThatBothLookCertainAreJoined() {
        Candidate duplicate = new Candidate("child-ava-again", AVA.facts());
        ChildMatcher.OneChild linked = records -> records.equals(java.util.Set.of("child-ava", "child-ava-again"))
                ? java.util.Optional.of("child-ava-again") : java.util.Optional.empty();

        MatchDecision decision = matcher.match(avaAsThePoliceWriteHer().build(), List.of(AVA, duplicate, STRANGER),
                0, linked);

        assertThat(decision.outcome()).isEqualTo(Outcome.CONFIDENT);
        assertThat(decision.matchedChildId()).contains("child-ava-again");
        assertThat(decision.possibleMatches()).extracting(MatchScore::childId).containsExactly("child-ava");
    }

    @Test
    void aLinkedPairAndAThirdRecordThatLooksCertainStillGoToAPerson() {
        Candidate duplicate = new Candidate("child-ava-again", AVA.facts());
        Candidate third = new Candidate("child-ava-third", AVA.facts());
        ChildMatcher.OneChild linkedPairOnly = records -> records.size() == 2 && records.contains("child-ava")
                && records.contains("child-ava-again") ? java.util.Optional.of("child-ava")
                : java.util.Optional.empty();

        MatchDecision decision = matcher.match(avaAsThePoliceWriteHer().build(), List.of(AVA, duplicate, third),
                0, linkedPairOnly);

        assertThat(decision.outcome()).isEqualTo(Outcome.POSSIBLE);
        assertThat(decision.possibleMatches()).hasSize(3);
    }

    @Test
    void thePriorFollowsTheKnownChildrenAndIsRecorded() {
        MatchParameters parameters = MatchParameters.defaults().withPrior(1e-5).withKnownShare(0.75);
        ChildMatcher scaled = new ChildMatcher(parameters);
        IdentityFacts ava = avaAsThePoliceWriteHer().build();

        MatchDecision small = scaled.match(ava, List.of(AVA), 5_000, ChildMatcher.OneChild.NONE);
        MatchDecision large = scaled.match(ava, List.of(AVA), 3_000_000, ChildMatcher.OneChild.NONE);

        assertThat(small.prior()).isEqualTo(1e-5);
        assertThat(small.knownChildren()).isEqualTo(5_000);
        assertThat(large.prior()).isCloseTo(2.5e-7, within(1e-15));
        assertThat(large.knownChildren()).isEqualTo(3_000_000);
        assertThat(large.matched().orElseThrow().score() - small.matched().orElseThrow().score())
                .isCloseTo(MatchParameters.priorWeight(2.5e-7) - MatchParameters.priorWeight(1e-5), within(1e-9));
        // Without a count, the configured prior.
        assertThat(scaled.match(ava, List.of(AVA)).prior()).isEqualTo(1e-5);
    }

    @Test
    void aMissingValueAddsNothing() {
        MatchScore withoutSex = matcher.score(avaAsThePoliceWriteHer().build(), AVA);

        FieldResult sex = withoutSex.field(Field.SEX);
        assertThat(sex.missing()).isTrue();
        assertThat(sex.weight()).isZero();
        assertThat(sex.describe()).isEqualTo("sex: not known on both, 0");
        MatchScore withSex = matcher.score(avaAsThePoliceWriteHer().sex(IdentityFacts.Sex.FEMALE).build(), AVA);
        assertThat(withSex.score() - withoutSex.score())
                .isCloseTo(MatchParameters.defaults().weight(Level.SEX_AGREE), within(1e-9));
    }

    @Test
    void theScoreIsThePriorPlusEachFieldsWeightAndExplainsItself() {
        MatchParameters parameters = MatchParameters.defaults();
        MatchScore score = matcher.score(avaAsThePoliceWriteHer().dateOfBirth(LocalDate.parse("2017-07-03")).build(),
                AVA);

        double sum = parameters.priorWeight() + score.fields().stream().mapToDouble(FieldResult::weight).sum();
        assertThat(score.score()).isCloseTo(sum, within(1e-9));
        assertThat(score.probability()).isCloseTo(Math.pow(2, sum) / (1 + Math.pow(2, sum)), within(1e-12));
        double swapped = parameters.weight(Level.DATE_OF_BIRTH_DAY_MONTH_SWAPPED);
        assertThat(score.explanation()).contains(
                String.format(java.util.Locale.ROOT, "date of birth: day and month swapped, %+.1f", swapped),
                String.format(java.util.Locale.ROOT, "given name: the same, %+.1f",
                        parameters.weight(Level.GIVEN_NAME_EXACT)));
    }

    @Test
    void anUnbornBabyIsMatchedByExpectedDateAndMother() {
        Candidate babyOkafor = new Candidate("child-unborn", IdentityFacts.builder().familyName("Okafor")
                .expectedDateOfBirth(LocalDate.parse("2026-05-20")).postcode("LS1 4AP")
                .mother("Grace", "Okafor").build());
        IdentityFacts born = IdentityFacts.builder().givenNames("Chidi").familyName("Okafor")
                .dateOfBirth(LocalDate.parse("2026-05-09")).postcode("LS1 4AP").mother("Grace", "Okafor").build();
        IdentityFacts otherMother = born.toBuilder().mother("Kelly", "Okafor").build();

        MatchScore same = matcher.score(born, babyOkafor);
        assertThat(same.field(Field.EXPECTED_DATE).level()).isEqualTo(Level.EXPECTED_DATE_NEAR);
        assertThat(same.field(Field.MOTHER).level()).isEqualTo(Level.MOTHER_SAME);
        assertThat(matcher.match(born, List.of(babyOkafor)).outcome()).isEqualTo(Outcome.CONFIDENT);
        assertThat(matcher.match(otherMother, List.of(babyOkafor)).outcome()).isNotEqualTo(Outcome.CONFIDENT);
    }
}
