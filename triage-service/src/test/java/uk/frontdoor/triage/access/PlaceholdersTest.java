package uk.frontdoor.triage.access;

import org.junit.jupiter.api.Test;
import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.api.query.ChildSearchResults;
import uk.frontdoor.triage.api.query.Family;
import uk.frontdoor.triage.api.staff.RestrictedRecords.Withheld;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactSubmission;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What is shown in place of a restricted record, in the shapes the unit can build without a service. */
class PlaceholdersTest {

    private static final ChildId CHILD = ChildId.of("5b0f3a57-6a2f-4f47-9e0c-2a51a6f6f001");
    private static final ChildId SISTER = ChildId.of("5b0f3a57-6a2f-4f47-9e0c-2a51a6f6f002");
    private static final ChildId BROTHER = ChildId.of("5b0f3a57-6a2f-4f47-9e0c-2a51a6f6f003");
    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    private static final Family FAMILY = new Family(CHILD, List.of(), List.of(
            member(SISTER, "Ava Example"), member(BROTHER, "Leo Example")), AT, 3, false);

    @Test
    void a_restricted_relative_is_listed_as_related_with_nothing_of_their_record() {
        Family shown = Placeholders.family(FAMILY, new Withheld(Set.of(SISTER), Set.of()));

        assertThat(shown.members()).hasSize(2);
        Family.Member sister = shown.members().get(0);
        assertThat(sister.childId()).isEqualTo(SISTER);
        assertThat(sister.relationship()).isEqualTo(Family.Relationship.SIBLING);
        assertThat(sister.displayName()).isEqualTo(Placeholders.RESTRICTED);
        assertThat(sister.dateOfBirth()).isNull();
        assertThat(sister.grounds()).isEmpty();
        assertThat(sister.openContacts()).isZero();
        assertThat(sister.highestOpenLevel()).isNull();
        assertThat(sister.latestContactAt()).isNull();
        assertThat(shown.members().get(1)).isEqualTo(FAMILY.members().get(1));
    }

    @Test
    void of_a_withheld_child_nothing_of_the_household_is_shown() {
        Family shown = Placeholders.family(FAMILY, new Withheld(Set.of(CHILD), Set.of()));

        assertThat(shown.members()).isEmpty();
        assertThat(shown.householdContactsInWindow()).isZero();
        assertThat(Placeholders.family(FAMILY, Withheld.NOTHING)).isSameAs(FAMILY);
    }

    @Test
    void a_restricted_child_found_by_a_search_is_listed_without_details() {
        var found = new ChildSearchResults.Child(SISTER, List.of("Ava"), List.of("Example"), LocalDate.of(2015, 3, 1),
                null, ContactSubmission.Sex.FEMALE, "9434765919", List.of("SL1 2EL"), 14.5, 0.99,
                List.of(new ChildSearchResults.Field("family_name", "family name: the same, +6.4", 6.4)), List.of());
        var results = new ChildSearchResults(List.of(found), false, "v1");

        ChildSearchResults.Child shown = Placeholders.search(results, new Withheld(Set.of(SISTER), Set.of()))
                .children().get(0);

        assertThat(shown.childId()).isEqualTo(SISTER);
        assertThat(shown.givenNames()).isEmpty();
        assertThat(shown.familyNames()).isEmpty();
        assertThat(shown.dateOfBirth()).isNull();
        assertThat(shown.sex()).isNull();
        assertThat(shown.nhsNumber()).isNull();
        assertThat(shown.postcodes()).isEmpty();
        assertThat(shown.agreed()).isEmpty();
    }

    private static Family.Member member(ChildId child, String name) {
        return new Family.Member(child, List.of(), name, LocalDate.of(2015, 3, 1), Family.Relationship.SIBLING,
                List.of(Family.Ground.NAMED_SIBLING), 1, 3, ThresholdAssessed.Priority.AMBER, AT);
    }
}
