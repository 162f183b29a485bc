package uk.frontdoor.infra.fuzz;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.fail;

/**
 * A fuzz run's failures (thread-safe), one example of each kind: a run of thousands of inputs reports every different
 * thing it found, not the first one thousands of times over.
 */
final class DistinctFailures {

    private final Map<String, String> examples = new LinkedHashMap<>();
    private int count;

    /** Runs the checks; a failure is kept under {@code kind} (the first example only). */
    synchronized void record(String kind, AssertionError failed) {
        count++;
        examples.putIfAbsent(kind, failed.getMessage().lines().limit(6).collect(Collectors.joining(" ")));
    }

    void check(String kind, Runnable checks) {
        try {
            checks.run();
        } catch (AssertionError failed) {
            record(kind, failed);
        }
    }

    synchronized void assertNone() {
        if (!examples.isEmpty()) {
            fail(count + " failures of " + examples.size() + " kinds:\n" + examples.entrySet().stream()
                    .map(e -> "- " + e.getKey() + ": " + truncated(e.getValue()))
                    .collect(Collectors.joining("\n")));
        }
    }

    private static String truncated(String text) {
        return text.length() > 700 ? text.substring(0, 700) + "..." : text;
    }
}
