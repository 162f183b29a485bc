package uk.frontdoor.triage.staff.queue;

import uk.frontdoor.triage.api.query.FindTriageQueue;
import uk.frontdoor.triage.api.query.QueueCursor;

import java.util.ArrayList;
import java.util.List;

/**
 * A page of the queue as asked for over HTTP: {@code page} (from 1) and {@code limit} (contacts on a
 * page), and where the page starts or ends ({@code after} or {@code before}, a cursor). All are read here
 * rather than bound as numbers, so that a bad value is a problem naming the parameter, never a failed
 * conversion or a refused query (a 500), and the answer never repeats what was sent.
 *
 * @param page   the page, from 1
 * @param limit  contacts on a page, 1 to {@link FindTriageQueue#MAX_LIMIT}
 */
record Paging(int page, int limit) {

    /** Far past any real queue (50 million contacts at the largest page), and the offset stays a plain number. */
    static final int MAX_PAGE = 100_000;

    /** One thing wrong with a parameter. */
    record Problem(String field, String problem) {
    }

    /**
     * The paging, or every problem with it.
     *
     * @param after  the page starts just after this place in the queue; null for none
     * @param before the page ends just before this place; null for none
     */
    record Parsed(Paging paging, QueueCursor after, QueueCursor before, List<Problem> problems) {
        boolean valid() {
            return problems.isEmpty();
        }
    }

    Paging {
        if (page < 1 || page > MAX_PAGE || limit < 1 || limit > FindTriageQueue.MAX_LIMIT) {
            throw new IllegalArgumentException("page or limit out of range");
        }
    }

    /** @param defaultLimit the limit when none is given */
    static Parsed parse(String page, String limit, int defaultLimit) {
        return parse(page, limit, null, null, defaultLimit);
    }

    /**
     * @param after        a cursor ({@link QueueCursor#encode()}) the page starts just after, or null
     * @param before       a cursor the page ends just before, or null; not with {@code after}
     * @param defaultLimit the limit when none is given
     */
    static Parsed parse(String page, String limit, String after, String before, int defaultLimit) {
        List<Problem> problems = new ArrayList<>();
        Integer pageNumber = number(page, 1, 1, MAX_PAGE, "page", problems);
        Integer size = number(limit, defaultLimit, 1, FindTriageQueue.MAX_LIMIT, "limit", problems);
        QueueCursor afterCursor = cursor(after, "after", problems);
        QueueCursor beforeCursor = cursor(before, "before", problems);
        if (after != null && before != null) {
            problems.add(new Problem("before", "cannot be given with after"));
        }
        return problems.isEmpty() ? new Parsed(new Paging(pageNumber, size), afterCursor, beforeCursor, List.of())
                : new Parsed(null, null, null, problems);
    }

    private static QueueCursor cursor(String raw, String field, List<Problem> problems) {
        if (raw == null) {
            return null;
        }
        return QueueCursor.decode(raw.strip()).orElseGet(() -> {
            problems.add(new Problem(field, "must be a cursor from this queue's next or previous link"));
            return null;
        });
    }

    long offset() {
        return (long) (page - 1) * limit;
    }

    /** Pages needed for {@code total} contacts; at least one, so an empty queue is page 1 of 1. */
    long pages(long total) {
        return Math.max(1, (total + limit - 1) / limit);
    }

    private static Integer number(String raw, int fallback, int min, int max, String field, List<Problem> problems) {
        if (raw == null) {
            return fallback;
        }
        String text = raw.strip();
        // Digits only, and few enough of them to parse: no sign, no spaces, no exponent.
        if (!text.matches("[0-9]{1,9}") || Integer.parseInt(text) < min || Integer.parseInt(text) > max) {
            problems.add(new Problem(field, "must be a whole number from " + min + " to " + max));
            return null;
        }
        return Integer.parseInt(text);
    }
}
