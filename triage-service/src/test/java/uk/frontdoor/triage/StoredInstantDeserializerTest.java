package uk.frontdoor.triage;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The event store's instants read exactly as jsr310 reads them, whatever their form. */
class StoredInstantDeserializerTest {

    private final ObjectMapper events = EventJson.mapper();
    private final ObjectMapper jsr310 = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    record Stamped(Instant at) {
    }

    @Test
    void every_instant_as_stored_reads_as_jsr310_reads_it() throws Exception {
        Random random = new Random(17);
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("2024-02-29T12:00:00Z"),
                Instant.parse("1969-12-31T23:59:59.5Z")));
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            long seconds = min + (long) (random.nextDouble() * (max - min));
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            instants.add(Instant.ofEpochSecond(seconds, nanos));
        }
        for (Instant instant : instants) {
            String stored = events.writeValueAsString(new Stamped(instant));
            assertThat(events.readValue(stored, Stamped.class).at()).as(stored).isEqualTo(instant)
                    .isEqualTo(jsr310.readValue(stored, Stamped.class).at());
            assertThat(StoredInstantDeserializer.parse(DateTimeFormatter.ISO_INSTANT.format(instant)))
                    .isEqualTo(instant);
        }
    }

    @Test
    void other_forms_read_as_jsr310_reads_them_or_fail_as_it_fails() throws Exception {
        for (String text : List.of("2026-12-06T19:00:00.1Z", "2026-12-06T19:00:00.12Z", "2026-12-06T19:00:00.1234Z",
                "2026-12-06T23:59:60Z", "2026-02-30T10:00:00Z", "2026-13-01T10:00:00Z", "2026-12-06T24:00:00Z",
                "2026-12-06T19:00:00+01:00", "2026-12-06T19:00Z", "+12026-12-06T19:00:00Z", "2026-12-06 19:00:00Z",
                "2026-12-06T19:00:00.Z", "2026-12-06T19:00:00.1234567890Z", "2026-1a-06T19:00:00Z", "1733511600",
                "2026-12-06T19:00:00z", "")) {
            String stored = "{\"at\":\"" + text + "\"}";
            Object expected = read(jsr310, stored);
            assertThat(read(events, stored)).as(text).isEqualTo(expected);
            if (StoredInstantDeserializer.parse(text) != null) {
                assertThat(StoredInstantDeserializer.parse(text)).as(text).isEqualTo(expected);
            }
        }
        String number = "{\"at\":1733511600.5}";
        assertThat(read(events, number)).isEqualTo(read(jsr310, number));
    }

    /** The instant read, or the class of the failure. */
    private static Object read(ObjectMapper mapper, String json) {
        try {
            return mapper.readValue(json, Stamped.class).at();
        } catch (Exception failed) {
            return failed.getClass();
        }
    }
}
