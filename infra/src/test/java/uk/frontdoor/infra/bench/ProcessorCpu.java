package uk.frontdoor.infra.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CPU time the event processors' own threads (Axon's pooled {@code Coordinator[group]-n} and {@code WorkPackage[group]-n})
 * spent between two moments, by processing group, beside every other thread of the JVM and, among those, the write
 * path's: a measure of the JVM's work that does not depend on how loaded the machine is (the database's CPU is not
 * in it: {@link DatabaseCpu}). Threads ended in the run are not counted.
 */
final class ProcessorCpu {

    private static final Pattern PROCESSOR = Pattern.compile("(?:Coordinator|WorkPackage)\\[(.+)]-\\d+");
    /** The write path's threads, by name: Kafka's listener, HTTP's group committers, Tomcat's request threads. */
    private static final Map<String, Pattern> WRITE_PATH = new LinkedHashMap<>();

    static {
        WRITE_PATH.put("Kafka listener", Pattern.compile("contact-submissions-\\d+-C-\\d+"));
        WRITE_PATH.put("group committers", Pattern.compile("contact-group-commit-\\d+"));
        WRITE_PATH.put("HTTP request threads", Pattern.compile("http-nio-.*-exec-\\d+"));
    }

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> start = times(false);
    private final Map<Long, Long> startUser = times(true);

    private Map<Long, Long> times(boolean user) {
        Map<Long, Long> times = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            long time = user ? threads.getThreadUserTime(id) : threads.getThreadCpuTime(id);
            if (time >= 0) {
                times.put(id, time);
            }
        }
        return times;
    }

    /** What the threads spent since this was made, in nanoseconds. */
    private record Spent(Map<String, Long> byGroup, long processors, long processorsUser, long others,
                         Map<String, Long> writePath) {
    }

    private Spent spent() {
        Map<String, Long> byGroup = new TreeMap<>();
        Map<String, Long> writePath = new LinkedHashMap<>();
        long processors = 0;
        long processorsUser = 0;
        long others = 0;
        for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread == null) {
                continue;
            }
            long time = threads.getThreadCpuTime(thread.getThreadId());
            if (time < 0) {
                continue;
            }
            long spent = time - start.getOrDefault(thread.getThreadId(), 0L);
            Matcher processor = PROCESSOR.matcher(thread.getThreadName());
            if (processor.matches()) {
                byGroup.merge(processor.group(1), spent, Long::sum);
                processors += spent;
                processorsUser += Math.max(0, threads.getThreadUserTime(thread.getThreadId()))
                        - startUser.getOrDefault(thread.getThreadId(), 0L);
            } else {
                others += spent;
                WRITE_PATH.forEach((family, name) -> {
                    if (name.matcher(thread.getThreadName()).matches()) {
                        writePath.merge(family, spent, Long::sum);
                    }
                });
            }
        }
        return new Spent(byGroup, processors, processorsUser, others, writePath);
    }

    /** The event processors' threads' CPU since this was made, in nanoseconds. */
    long processors() {
        return spent().processors();
    }

    /** The CPU of one family of the write path's threads ("Kafka listener", "group committers", "HTTP request threads"). */
    long spent(String writePathThreads) {
        if (!WRITE_PATH.containsKey(writePathThreads)) {
            throw new IllegalArgumentException("no such threads: " + writePathThreads);
        }
        return spent().writePath().getOrDefault(writePathThreads, 0L);
    }

    /** Processor threads' CPU ms per contact since this was made, by group, and the other threads' beside them. */
    String report(int contacts) {
        Spent spent = spent();
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "CPU per contact: event processors' "
                + "threads %.3f ms (%.3f ms of it in user mode, the rest in the kernel: I/O, locks), every other thread "
                + "of the JVM %.3f ms (threads ended in the run not counted); by group:",
                spent.processors() / 1e6 / contacts, spent.processorsUser() / 1e6 / contacts,
                spent.others() / 1e6 / contacts));
        spent.byGroup().forEach((group, nanos) -> report.append(String.format(Locale.ROOT, " %s %.3f", group,
                nanos / 1e6 / contacts)));
        report.append("; the write path's threads, among the others:");
        spent.writePath().forEach((family, nanos) -> report.append(String.format(Locale.ROOT, " %s %.3f", family,
                nanos / 1e6 / contacts)));
        return report.append('\n').toString();
    }
}
