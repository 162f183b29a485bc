package uk.frontdoor.triage.staff.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.LongFunction;

/**
 * The GOV.UK pagination component's model for a long list: previous and next links, the page numbers
 * around the current one with the first and last always there (gaps shown as ellipses, as the Design
 * System asks for lists of many pages), and "Showing 101 to 200 of 1,234 contacts". Each link is made
 * by the page, so it keeps the page's own filters.
 *
 * @param showing  "Showing 101 to 200 of 1,234 contacts"; null when this page shows none
 * @param previous the previous page's address; null on the first page
 * @param next     the next page's address; null on the last page
 * @param items    the page numbers and gaps, in order
 * @param page     this page, from 1
 * @param pages    how many pages there are (at least 1)
 */
public record Pagination(String showing, String previous, String next, List<Item> items, long page, long pages) {

    /** A page number (with its address, and whether it is this page) or, with no number, a gap. */
    public record Item(Long number, String href, boolean current) {

        public boolean ellipsis() {
            return number == null;
        }
    }

    public Pagination {
        items = List.copyOf(items);
    }

    /**
     * @param page     the page shown, from 1 (it may be past the last, if the list has shrunk)
     * @param pageSize how many a full page shows
     * @param total    how many there are in all
     * @param shown    how many this page shows
     * @param noun     what they are, plural ("contacts", "matching contacts")
     * @param href     the address of a page, by number
     */
    public static Pagination of(long page, int pageSize, long total, int shown, String noun, LongFunction<String> href) {
        long pages = Math.max(1, (total + pageSize - 1) / pageSize);
        long first = (page - 1) * pageSize + 1;
        String showing = shown == 0 ? null : String.format(Locale.UK, "Showing %,d to %,d of %,d %s", first,
                first + shown - 1, total, noun);
        // First, last, this page and its neighbours (the last page's, past the end); a gap of one page is
        // shown as that page, a longer one as an ellipsis.
        long anchor = Math.min(page, pages);
        TreeSet<Long> numbers = new TreeSet<>();
        for (long number : new long[]{1, anchor - 1, anchor, anchor + 1, pages}) {
            if (number >= 1 && number <= pages) {
                numbers.add(number);
            }
        }
        List<Item> items = new ArrayList<>();
        long last = 0;
        for (long number : numbers) {
            if (number == last + 2) {
                items.add(new Item(last + 1, href.apply(last + 1), false));
            } else if (number > last + 2) {
                items.add(new Item(null, null, false));
            }
            items.add(new Item(number, href.apply(number), number == page));
            last = number;
        }
        String previous = page > 1 ? href.apply(Math.min(page - 1, pages)) : null;
        String next = page < pages ? href.apply(page + 1) : null;
        return new Pagination(showing, previous, next, items, page, pages);
    }

    /**
     * The same, with the previous and next links given (a page found by a cursor, not by its number); a null keeps
     * the link by number.
     */
    public Pagination withNeighbours(String previous, String next) {
        return new Pagination(showing, previous == null ? this.previous : previous, next == null ? this.next : next,
                items, page, pages);
    }

    /** Whether there is more than one page, so the component is worth showing. */
    public boolean needed() {
        return pages > 1 || page > 1;
    }
}
