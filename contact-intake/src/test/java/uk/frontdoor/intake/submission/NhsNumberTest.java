package uk.frontdoor.intake.submission;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NhsNumberTest {

    /** Check digits worked by hand: sum of the first nine digits weighted 10..2, then 11 - (sum mod 11). */
    @ParameterizedTest
    @ValueSource(strings = {
            "9434765919", // 299 mod 11 = 2, check 9 (the example)
            "4010232137", // 92 mod 11 = 4, check 7
            "5277562877", // check 7
            "6545055550"  // remainder 0: 11 becomes check digit 0
    })
    void aNumberWithTheRightCheckDigitIsValid(String number) {
        assertThat(NhsNumber.isValid(number)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "9434765918", // check digit off by one
            "9434765910",
            "4010232138",
            "6545055551",
            "4700202050", // first nine give check 10: never issued, whatever the last digit
            "4700202059",
            "0000000000", // repeated digits pass modulus 11 but are placeholders
            "1111111111",
            "9999999999",
            "943476591",  // nine digits
            "94347659190", // eleven digits
            "943 476 5919", // spaces are the reader's job to remove
            "943476591a",
            "９４３４７６５９１９" // full-width digits are not ASCII digits
    })
    void anythingElseIsNot(String number) {
        assertThat(NhsNumber.isValid(number)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void nothingIsNotAnNhsNumber(String number) {
        assertThat(NhsNumber.isValid(number)).isFalse();
    }
}
