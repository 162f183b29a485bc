package uk.frontdoor.infra.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How busy the whole machine was between two moments (Linux's {@code /proc/stat}: every process, this benchmark's
 * JVM, PostgreSQL, the broker and anything else running), beside this JVM's own CPU: whether a run was bound by the
 * machine's cores or waited for something else.
 */
final class MachineCpu {

    private final long[] start = ticks();
    private final long jvmStart = jvmNanos();
    private final long wallStart = System.nanoTime();

    /** {busy, total} clock ticks of all CPUs since boot. */
    private static long[] ticks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            long idle = 0;
            for (int i = 1; i < Math.min(fields.length, 9); i++) {
                long value = Long.parseLong(fields[i]);
                total += value;
                if (i == 4 || i == 5) {
                    idle += value;
                }
            }
            return new long[]{total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[]{0, 0};
        }
    }

    private static long jvmNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** The figures since this was made, in words. */
    String report() {
        long[] now = ticks();
        double wall = (System.nanoTime() - wallStart) / 1e9;
        int cores = Runtime.getRuntime().availableProcessors();
        double busy = now[1] == start[1] ? 0 : (double) (now[0] - start[0]) / (now[1] - start[1]);
        return String.format("machine: %d cores %.0f%% busy in the run (all processes); this JVM %.2f cores of it",
                cores, 100 * busy, (jvmNanos() - jvmStart) / 1e9 / wall);
    }
}
