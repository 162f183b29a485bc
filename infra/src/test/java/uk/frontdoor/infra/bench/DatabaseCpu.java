package uk.frontdoor.infra.bench;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time PostgreSQL's server processes spent between two moments, read from Linux's {@code /proc}: the
 * postmaster's own time, the time of every process it has started and not yet reaped (backends, the WAL writer,
 * the checkpointer, autovacuum) and the time of those it has reaped ({@code cutime}, {@code cstime}), so a connection
 * closed in the run is counted too. Beside {@link ProcessorCpu} it makes a cost per contact that does not depend on
 * how loaded the machine is: what the database did for the contacts, not how long it took.
 *
 * <p>Works only where the server is on this machine (the embedded one of the benchmarks); elsewhere
 * {@link #available()} is false and nothing is reported.
 */
final class DatabaseCpu {

    /** Linux's clock ticks a second for {@code /proc/<pid>/stat} ({@code USER_HZ}): 100 on every common build. */
    private static final long NANOS_PER_TICK = 1_000_000_000L / 100;

    private final long postmaster;
    private final long start;

    DatabaseCpu(JdbcClient jdbc) {
        long backend = jdbc.sql("SELECT pg_backend_pid()").query(Long.class).single();
        long[] stat = stat(Path.of("/proc", Long.toString(backend), "stat"));
        this.postmaster = stat == null ? -1 : stat[0];
        this.start = available() ? nanos() : 0;
    }

    boolean available() {
        return postmaster > 0 && Files.exists(Path.of("/proc", Long.toString(postmaster), "stat"));
    }

    /** The database's CPU since this was made, in nanoseconds. */
    long spent() {
        return nanos() - start;
    }

    private long nanos() {
        long ticks = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                String name = process.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long[] stat = stat(process.resolve("stat"));
                if (stat == null) {
                    continue;
                }
                if (Long.parseLong(name) == postmaster) {
                    ticks += stat[1] + stat[2] + stat[3] + stat[4];
                } else if (stat[0] == postmaster) {
                    ticks += stat[1] + stat[2];
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ticks * NANOS_PER_TICK;
    }

    /** A process's parent, user and system ticks, and its reaped children's user and system ticks; null if gone. */
    private static long[] stat(Path stat) {
        String line;
        try {
            line = Files.readString(stat);
        } catch (NoSuchFileException gone) {
            return null;
        } catch (IOException e) {
            // A process that ends while it is read.
            return null;
        }
        // The command name, in brackets, may hold spaces: the fields are counted from the last ')'.
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        // fields[0] is field 3 of proc(5): state; ppid is 4, utime 14, stime 15, cutime 16, cstime 17.
        return new long[]{Long.parseLong(fields[1]), Long.parseLong(fields[11]), Long.parseLong(fields[12]),
                Long.parseLong(fields[13]), Long.parseLong(fields[14])};
    }
}
