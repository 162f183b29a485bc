package uk.frontdoor.matching;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A field's description, as a social worker reads it, is the same whether written afresh or remembered. */
class FieldResultTest {

    @Test
    void aDescriptionRememberedIsTheOneWrittenAfresh() {
        List<Level> levels = new ArrayList<>(Arrays.asList(Level.values()));
        levels.add(null);
        for (Field field : Field.values()) {
            for (Level level : levels) {
                for (double weight : new double[]{0.0, -0.0, 4.05, -3.95, 12.345, -0.04, 0.04, 7}) {
                    FieldResult result = new FieldResult(field, level, weight);
                    String afresh = result.written();
                    assertThat(result.describe()).isEqualTo(afresh);
                    // Again, now from what was remembered, and from an equal result made anew.
                    assertThat(result.describe()).isEqualTo(afresh);
                    assertThat(new FieldResult(field, level, weight).describe()).isEqualTo(afresh);
                }
            }
        }
        assertThat(new FieldResult(Field.DATE_OF_BIRTH, Level.DATE_OF_BIRTH_DAY_MONTH_SWAPPED, 4.1).describe())
                .isEqualTo(Field.DATE_OF_BIRTH.label() + ": " + Level.DATE_OF_BIRTH_DAY_MONTH_SWAPPED.description()
                        + ", +4.1");
        assertThat(new FieldResult(Field.SEX, null, 0).describe()).isEqualTo(Field.SEX.label() + ": not known on both, 0");
        assertThat(new FieldResult(Field.SEX, Level.SEX_DISAGREE, -0.0).describe()).endsWith(", -0.0");
        assertThat(new FieldResult(Field.SEX, Level.SEX_DISAGREE, 0.0).describe()).endsWith(", +0.0");
    }
}
