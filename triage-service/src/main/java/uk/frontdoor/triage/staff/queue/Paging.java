package uk.frontdoor.triage.staff.queue;

import uk.frontdoor.triage.api.query.FindTriageQueue;

import java.util.ArrayList;
import java.util.List;

/**
 * A page of the queue as asked for over HTTP: {@code page} (from 1) and {@code limit} (contacts on a
 * page). Both are read here rather than bound as numbers, so that a bad value is a problem naming the
 * parameter, never a failed conversion or a refused query (a 500), and the answer never repeats what
 * was sent.
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

    /** The paging, or every problem with it. */
    record Parsed(Paging paging, List<Problem> problems) {
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
        List<Problem> problems = new ArrayList<>();
        Integer pageNumber = number(page, 1, 1, MAX_PAGE, "page", problems);
        Integer size = number(limit, defaultLimit, 1, FindTriageQueue.MAX_LIMIT, "limit", problems);
        return problems.isEmpty() ? new Parsed(new Paging(pageNumber, size), List.of()) : new Parsed(null, problems);
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
