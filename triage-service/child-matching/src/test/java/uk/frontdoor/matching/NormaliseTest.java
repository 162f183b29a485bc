package uk.frontdoor.matching;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class NormaliseTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "NULL", delimiter = '|', value = {
            "Smith            | smith",
            "SMITH            | smith",
            "'  Smith  '      | smith",
            "O'Brien          | obrien",
            "O’Brien          | obrien",
            "Smith-Jones      | smithjones",
            "Smith Jones      | smithjones",
            "Zoë              | zoe",
            "Chloé            | chloe",
            "Anaïs            | anais",
            "Wiśniewski       | wisniewski",
            "Müller           | muller",
            "Søren            | soren",
            "Łukasz           | lukasz",
            "'  '             | NULL",
            "'-'              | NULL",
    })
    void names(String written, String normalised) {
        assertThat(Normalise.name(written)).isEqualTo(normalised);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "NULL", delimiter = '|', value = {
            "Mary Ann     | mary",
            "Mary-Ann     | mary",
            "'  Leo  '    | leo",
    })
    void firstWordOfAName(String written, String first) {
        assertThat(Normalise.firstWord(written)).isEqualTo(first);
    }

    @ParameterizedTest(name = "{0} -> {1}, sector {2}, district {3}")
    @CsvSource(nullValues = "NULL", delimiter = '|', value = {
            "SW1A 1AA   | SW1A1AA | SW1A1 | SW1A",
            "sw1a1aa    | SW1A1AA | SW1A1 | SW1A",
            "' ls1 4ap '| LS14AP  | LS14  | LS1",
            "M1 1AE     | M11AE   | M11   | M1",
            "B33 8TH    | B338TH  | B338  | B33",
            "not a code | NULL    | NULL  | NULL",
            "12345      | NULL    | NULL  | NULL",
    })
    void postcodes(String written, String normalised, String sector, String district) {
        String postcode = Normalise.postcode(written);
        assertThat(postcode).isEqualTo(normalised);
        assertThat(Normalise.sector(postcode)).isEqualTo(sector);
        assertThat(Normalise.district(postcode)).isEqualTo(district);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "NULL", delimiter = '|', value = {
            "9434765919     | 9434765919",
            "943 476 5919   | 9434765919",
            "943-476-5919   | 9434765919",
            // One digit mistyped: the check digit no longer fits, so it says nothing.
            "9434765918     | NULL",
            "943476591      | NULL",
            "NULL           | NULL",
    })
    void nhsNumbers(String written, String normalised) {
        assertThat(Normalise.nhsNumber(written)).isEqualTo(normalised);
    }

    /** Plain ASCII takes a way without regular expressions: it must give what the general way gives, for any ASCII. */
    @Test
    void plain_ascii_words_are_what_the_general_way_makes_of_them() {
        Random random = new Random(14);
        String alphabet = "aZz09 -'`.,_/\t\n\u0001~()&AbCdEfGhIjKlMnOpQrStUvWxY";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int length = random.nextInt(12); length > 0; length--) {
                text.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x80) : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String written = text.toString();
            assertThat(Normalise.nameWords(written)).as("%s", written.chars().boxed().toList())
                    .isEqualTo(Normalise.wordsInGeneral(written));
        }
        assertThat(Normalise.nameWords(" O'Brien--SMITH  jones. ")).isEqualTo("obrien smith jones");
    }
}
