package uk.frontdoor.infra;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * A clock to the microsecond, the precision PostgreSQL keeps: a time the domain records in an event is then the
 * same time when a read model or a table gives it back. The wall clock's own precision differs between machines
 * (nanoseconds on some, whose digits below the microsecond PostgreSQL rounds away). Not {@code Clock.tick}: on
 * Java 17 a tick under a millisecond divides by zero in its {@code millis()}.
 */
final class MicrosecondClock extends Clock {

    private final Clock wall;

    MicrosecondClock(Clock wall) {
        this.wall = wall;
    }

    @Override
    public Instant instant() {
        return wall.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public long millis() {
        return wall.millis();
    }

    @Override
    public ZoneId getZone() {
        return wall.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(wall.getZone()) ? this : new MicrosecondClock(wall.withZone(zone));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MicrosecondClock clock && clock.wall.equals(wall);
    }

    @Override
    public int hashCode() {
        return wall.hashCode() + 1;
    }

    @Override
    public String toString() {
        return "MicrosecondClock[" + wall + "]";
    }
}
