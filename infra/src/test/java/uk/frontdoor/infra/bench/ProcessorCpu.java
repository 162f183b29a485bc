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
    private static final String LISTENER = "Kafka listener";

    static {
        WRITE_PATH.put(LISTENER, Pattern.compile("contact-submissions-\\d+-C-\\d+"));
        WRITE_PATH.put("group committers", Pattern.compile("contact-group-commit-\\d+"));
        WRITE_PATH.put("HTTP request threads", Pattern.compile("http-nio-.*-exec-\\d+"));
    }

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> start = times(false);
    private final Map<Long, Long> startUser = times(true);
    private final Map<Long, Long> startAllocated = allocated();

    /** Bytes each thread has allocated so far (HotSpot's exact per-thread counter), where the JVM counts them. */
    private Map<Long, Long> allocated() {
        Map<Long, Long> bytes = new HashMap<>();
        if (threads instanceof com.sun.management.ThreadMXBean counting && counting.isThreadAllocatedMemorySupported()) {
            for (long id : threads.getAllThreadIds()) {
                long allocated = counting.getThreadAllocatedBytes(id);
                if (allocated >= 0) {
                    bytes.put(id, allocated);
                }
            }
        }
        return bytes;
    }

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
                         Map<String, Long> writePath, long listenerAllocated) {
    }

    private Spent spent() {
        Map<String, Long> byGroup = new TreeMap<>();
        Map<String, Long> writePath = new LinkedHashMap<>();
        long processors = 0;
        long processorsUser = 0;
        long others = 0;
        long listenerAllocated = 0;
        Map<Long, Long> allocatedNow = allocated();
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
                if (WRITE_PATH.get(LISTENER).matcher(thread.getThreadName()).matches()) {
                    listenerAllocated += allocatedNow.getOrDefault(thread.getThreadId(), 0L)
                            - startAllocated.getOrDefault(thread.getThreadId(), 0L);
                }
            }
        }
        return new Spent(byGroup, processors, processorsUser, others, writePath, listenerAllocated);
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
        report.append(String.format(Locale.ROOT, "%nKafka listener threads (contact-submissions, in the other threads'"
                + " figure): CPU %.3f ms a contact, allocated %.1f KB a contact",
                spent.writePath().getOrDefault(LISTENER, 0L) / 1e6 / contacts,
                spent.listenerAllocated() / 1024.0 / contacts));
        return report.append('\n').toString();
    }
}
