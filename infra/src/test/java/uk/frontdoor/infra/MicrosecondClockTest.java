package uk.frontdoor.infra;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class MicrosecondClockTest {

    @Test
    void gives_the_wall_clocks_instant_to_the_microsecond_and_its_millis_as_they_are() {
        Clock wall = Clock.fixed(Instant.parse("2026-12-07T10:50:55.616654987Z"), ZoneOffset.UTC);
        Clock clock = new MicrosecondClock(wall);

        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-12-07T10:50:55.616654Z"));
        assertThat(clock.millis()).isEqualTo(wall.millis());
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(clock.withZone(ZoneId.of("Europe/London")).instant()).isEqualTo(clock.instant());
        assertThat(clock.withZone(ZoneId.of("Europe/London")).getZone()).isEqualTo(ZoneId.of("Europe/London"));
    }
}
