package uk.frontdoor.infra.axon;

import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A rebuild's reading of the stored timestamps: what Axon's parser makes of them, whatever the text. */
class StoredEventsTimestampTest {

    @Test
    void what_the_storage_engine_writes_reads_back_as_axons_parser_reads_it() {
        Random random = new Random(14);
        for (int i = 0; i < 200_000; i++) {
            // From 1970 to about 2100, to the millisecond, as the engine formats them.
            Instant at = Instant.ofEpochMilli(random.nextLong(4_102_444_800_000L));
            String stored = DateTimeUtils.formatInstant(at);
            assertThat(StoredEvents.parseTimestamp(stored)).as(stored).isEqualTo(DateTimeUtils.parseInstant(stored))
                    .isEqualTo(at);
        }
        for (String stored : List.of("2024-02-29T23:59:59.999Z", "2026-12-31T23:59:59.999Z", "2027-01-01T00:00:00.000Z",
                "0001-01-01T00:00:00.000Z", "1969-12-31T23:59:59.999Z", "9999-12-31T23:59:59.999Z")) {
            assertThat(StoredEvents.parseTimestamp(stored)).as(stored).isEqualTo(DateTimeUtils.parseInstant(stored));
        }
    }

    @Test
    void any_other_text_is_left_to_axons_parser() {
        // Other precisions, offsets, a year past 9999: what Axon's parser says of them.
        for (String stored : List.of("2026-12-07T12:00:00Z", "2026-12-07T12:00:00.123456Z", "2026-12-07T12:00:00.1Z",
                "2026-12-07T13:00:00.000+01:00", "+10000-01-01T00:00:00.000Z")) {
            assertThat(StoredEvents.parseTimestamp(stored)).as(stored).isEqualTo(DateTimeUtils.parseInstant(stored));
        }
        // Not a moment at all: refused as Axon's parser refuses it, not read as a nearby one.
        for (String stored : List.of("2023-02-29T00:00:00.000Z", "2026-13-01T00:00:00.000Z", "2026-12-32T00:00:00.000Z",
                "2026-12-07T24:00:00.000Z", "2026-12-07T12:60:00.000Z", "2026-12-07T12:00:61.000Z",
                "2026-12-07T1a:00:00.000Z", "2026-12-07 12:00:00.000Z")) {
            assertThatThrownBy(() -> DateTimeUtils.parseInstant(stored)).as("Axon's parser, " + stored)
                    .isInstanceOf(RuntimeException.class);
            assertThatThrownBy(() -> StoredEvents.parseTimestamp(stored)).as(stored)
                    .isInstanceOf(RuntimeException.class);
        }
    }
}
