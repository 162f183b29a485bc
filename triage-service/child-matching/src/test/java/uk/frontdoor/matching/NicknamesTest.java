package uk.frontdoor.matching;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class NicknamesTest {

    private final Nicknames nicknames = Nicknames.standard();

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource({
            "william, bill, true",
            "bill, liam, true",
            "will, william, true",
            "elizabeth, liz, true",
            "beth, elizabeth, true",
            "mohammed, muhammad, true",
            "margaret, peggy, true",
            "william, elizabeth, false",
            "bill, bill, false",
            "zebedee, zeb, false",
    })
    void shortAndFamiliarForms(String a, String b, boolean nicknames) {
        assertThat(this.nicknames.areNicknames(a, b)).isEqualTo(nicknames);
        assertThat(this.nicknames.areNicknames(b, a)).isEqualTo(nicknames);
    }

    @org.junit.jupiter.api.Test
    void alternativesOfAName() {
        assertThat(nicknames.alternatives("william")).contains("bill", "will", "liam").doesNotContain("william");
        assertThat(nicknames.alternatives("zebedee")).isEmpty();
    }
}
