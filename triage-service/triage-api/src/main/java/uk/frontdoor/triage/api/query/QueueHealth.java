package uk.frontdoor.triage.api.query;

import uk.frontdoor.triage.api.ThresholdAssessed;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Contacts waiting, one line per RAG rating (most urgent first, then those not yet assessed), with
 * how long they have waited in plain hours since receipt and how many are past their response time
 * (a working-time deadline). Counts only: it names no child.
 */
public record QueueHealth(Instant asOf, List<Line> lines) {

    /** The age bands, as upper bounds: under 4 hours, 4 to 24 hours, 1 to 3 days, then older. */
    public static final List<Duration> AGE_BANDS = List.of(Duration.ofHours(4), Duration.ofHours(24),
            Duration.ofDays(3));

    public QueueHealth {
        lines = List.copyOf(lines);
    }

    public long waiting() {
        return lines.stream().mapToLong(Line::waiting).sum();
    }

    public long overdue() {
        return lines.stream().mapToLong(Line::overdue).sum();
    }

    /**
     * @param priority         the RAG rating; null for contacts the rules have not assessed yet
     * @param waiting          contacts waiting with this rating
     * @param overdue          of those, how many are past their response time
     * @param byAge            how many have waited under 4 hours, 4 to 24 hours, 1 to 3 days, and longer
     * @param oldestReceivedAt when the longest-waiting of them arrived; null for none
     */
    public record Line(ThresholdAssessed.Priority priority, long waiting, long overdue, List<Long> byAge,
                       Instant oldestReceivedAt) {

        public Line {
            byAge = List.copyOf(byAge);
            if (byAge.size() != AGE_BANDS.size() + 1) {
                throw new IllegalArgumentException("one count per age band and one for older");
            }
        }
    }
}
