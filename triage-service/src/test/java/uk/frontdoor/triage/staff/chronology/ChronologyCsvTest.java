package uk.frontdoor.triage.staff.chronology;

import uk.frontdoor.triage.staff.pages.Labels;
import uk.frontdoor.triage.staff.pages.TestLabels;

import org.junit.jupiter.api.Test;
import uk.frontdoor.triage.api.query.ChildChronology;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChronologyCsvTest {

    private static final ChildId CHILD = ChildId.of("0f8fad5b-d9cb-469f-a165-70867728950e");
    private static final ContactId CONTACT = ContactId.of("7c9e6679-7425-40de-944b-e07fc1f90ae7");

    @Test
    void one_row_per_entry_with_times_in_england_and_words_for_codes() {
        String csv = ChronologyCsv.of(List.of(
                new ChildChronology.Entry(3, Instant.parse("2026-07-01T09:30:00Z"), CHILD, CONTACT, "ContactClaimed",
                        "Claimed by sw1", "sw1", "SOCIAL_WORKER", "demo-council"),
                new ChildChronology.Entry(0, Instant.parse("2026-01-05T09:30:00Z"), CHILD, null, "ChildRecordLinked",
                        "Record linked", null, null, null)), labels());

        assertThat(csv.split("\r\n")).containsExactly(
                ChronologyCsv.HEADER,
                // British Summer Time in July, GMT in January.
                "2026-07-01 10:30," + CHILD + "," + CONTACT + ",Claimed,Claimed by sw1,sw1,social worker,demo-council",
                "2026-01-05 09:30," + CHILD + ",,Record linked,Record linked,,,");
    }

    @Test
    void cells_are_quoted_when_needed_and_never_start_a_formula() {
        assertThat(ChronologyCsv.cell("Threshold: level 3, AMBER")).isEqualTo("\"Threshold: level 3, AMBER\"");
        assertThat(ChronologyCsv.cell("said \"no\"")).isEqualTo("\"said \"\"no\"\"\"");
        assertThat(ChronologyCsv.cell("=HYPERLINK(\"http://example\")")).isEqualTo("\"'=HYPERLINK(\"\"http://example\"\")\"");
        assertThat(ChronologyCsv.cell("+1")).isEqualTo("'+1");
        assertThat(ChronologyCsv.cell("-1")).isEqualTo("'-1");
        assertThat(ChronologyCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(ChronologyCsv.cell(null)).isEmpty();
    }

    static Labels labels() {
        return TestLabels.labels();
    }
}
