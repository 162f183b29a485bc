package uk.frontdoor.projections.family;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Found by the staff API fuzz test: a family whose records have no open level was a 500. */
class FamilyLevelsTest {

    @Test
    void the_higher_of_two_levels_either_or_both_absent() {
        assertThat(FamilyQueries.max(null, null)).isNull();
        assertThat(FamilyQueries.max(null, 2)).isEqualTo(2);
        assertThat(FamilyQueries.max(3, null)).isEqualTo(3);
        assertThat(FamilyQueries.max(3, 4)).isEqualTo(4);
    }

    @Test
    void the_lower_of_two_urgencies_either_or_both_absent() {
        assertThat(FamilyQueries.min(null, null)).isNull();
        assertThat(FamilyQueries.min(null, 2)).isEqualTo(2);
        assertThat(FamilyQueries.min(3, null)).isEqualTo(3);
        assertThat(FamilyQueries.min(3, 4)).isEqualTo(3);
    }
}
