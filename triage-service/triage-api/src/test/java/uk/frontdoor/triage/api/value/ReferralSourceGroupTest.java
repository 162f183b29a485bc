package uk.frontdoor.triage.api.value;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReferralSourceGroupTest {

    @Test
    void a_code_is_in_the_group_of_its_number_without_its_letter() {
        assertThat(ReferralSourceGroup.of("1A")).isEqualTo(ReferralSourceGroup.INDIVIDUAL);
        assertThat(ReferralSourceGroup.of("3E")).isEqualTo(ReferralSourceGroup.HEALTH);
        assertThat(ReferralSourceGroup.of("6")).isEqualTo(ReferralSourceGroup.POLICE);
        assertThat(ReferralSourceGroup.of("10")).isEqualTo(ReferralSourceGroup.UNKNOWN);
        assertThat(ReferralSourceGroup.of("9")).isEqualTo(ReferralSourceGroup.ANONYMOUS);
    }

    @Test
    void no_code_or_one_the_census_does_not_have_is_unknown() {
        assertThat(ReferralSourceGroup.of(null)).isEqualTo(ReferralSourceGroup.UNKNOWN);
        assertThat(ReferralSourceGroup.of("")).isEqualTo(ReferralSourceGroup.UNKNOWN);
        assertThat(ReferralSourceGroup.of("ABC")).isEqualTo(ReferralSourceGroup.UNKNOWN);
        assertThat(ReferralSourceGroup.of("11A")).isEqualTo(ReferralSourceGroup.UNKNOWN);
        assertThat(ReferralSourceGroup.of("3A1")).isEqualTo(ReferralSourceGroup.UNKNOWN);
    }
}
