package uk.frontdoor.triage.api.query;

import uk.frontdoor.triage.api.ThresholdAssessed;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A contact's place in the queue's order (most urgent first, then soonest due, then longest waiting, then contact
 * id): a page can start just after one, or end just before one, instead of skipping a number of contacts, so a deep
 * page costs what the first does. Sent to clients as an opaque text ({@link #encode()}), which holds nothing the
 * queue row does not show: how urgent, when due, when received, and the contact's id.
 *
 * @param urgencyRank   0 for not yet assessed, then 1 (red) to 4 (blue): {@link #rank(ThresholdAssessed.Priority)}
 * @param responseDueAt when a response is due; null sorts after every time
 * @param receivedAt    when the contact was received
 * @param contactId     the contact's id, which settles ties
 */
public record QueueCursor(int urgencyRank, Instant responseDueAt, Instant receivedAt, String contactId) {

    /** Version, rank, due (micros since the epoch, or "-"), received (micros), contact id. */
    private static final Pattern FORMAT = Pattern.compile("1\\.([0-9])\\.(-|-?[0-9]{1,19})\\.(-?[0-9]{1,19})\\.([!-~]{1,36})");

    public QueueCursor {
        if (urgencyRank < 0 || urgencyRank > 9 || receivedAt == null || contactId == null) {
            throw new IllegalArgumentException("not a place in the queue");
        }
    }

    /** The queue's rank of a rating: not yet assessed first (nobody has looked, so it may be the most urgent). */
    public static int rank(ThresholdAssessed.Priority priority) {
        return priority == null ? 0 : priority.urgency() + 1;
    }

    /** Where a listed contact stands. */
    public static QueueCursor of(TriageQueue.Item item) {
        return new QueueCursor(rank(item.priority()), item.responseDueAt(), item.receivedAt(), item.contactId().value());
    }

    /** The text a client sends back; URL-safe. */
    public String encode() {
        String text = "1." + urgencyRank + "." + (responseDueAt == null ? "-" : micros(responseDueAt)) + "."
                + micros(receivedAt) + "." + contactId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** A cursor this service encoded; empty for anything else (a problem for the caller to name). */
    public static Optional<QueueCursor> decode(String encoded) {
        if (encoded == null || encoded.length() > 200) {
            return Optional.empty();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.US_ASCII);
            Matcher matcher = FORMAT.matcher(text);
            if (!matcher.matches()) {
                return Optional.empty();
            }
            Instant due = "-".equals(matcher.group(2)) ? null : instant(Long.parseLong(matcher.group(2)));
            return Optional.of(new QueueCursor(Integer.parseInt(matcher.group(1)), due,
                    instant(Long.parseLong(matcher.group(3))), matcher.group(4)));
        } catch (IllegalArgumentException | java.time.DateTimeException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    private static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
