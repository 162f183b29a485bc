package uk.frontdoor.triage.staff.pages;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PaginationTest {

    private static Pagination of(long page, long total, int shown) {
        return Pagination.of(page, 100, total, shown, "contacts", number -> "/queue?page=" + number);
    }

    /** The items as the component shows them: numbers, [current] and … for a gap. */
    private static List<String> shown(Pagination pagination) {
        return pagination.items().stream()
                .map(item -> item.ellipsis() ? "…" : item.current() ? "[" + item.number() + "]" : item.number().toString())
                .toList();
    }

    @Test
    void page_two_of_thirteen_says_what_it_shows_and_links_to_its_neighbours_the_first_and_the_last() {
        Pagination pagination = of(2, 1_234, 100);
        assertThat(pagination.showing()).isEqualTo("Showing 101 to 200 of 1,234 contacts");
        assertThat(shown(pagination)).containsExactly("1", "[2]", "3", "…", "13");
        assertThat(pagination.previous()).isEqualTo("/queue?page=1");
        assertThat(pagination.next()).isEqualTo("/queue?page=3");
        assertThat(pagination.items().get(4).href()).isEqualTo("/queue?page=13");
        assertThat(pagination.needed()).isTrue();
    }

    @Test
    void neighbours_found_by_a_cursor_replace_the_previous_and_next_links_and_nothing_else() {
        Pagination byNumber = of(12, 1_534, 100);
        Pagination byCursor = byNumber.withNeighbours("/queue?page=11&before=x", "/queue?page=13&after=y");
        assertThat(byCursor.previous()).isEqualTo("/queue?page=11&before=x");
        assertThat(byCursor.next()).isEqualTo("/queue?page=13&after=y");
        assertThat(byCursor.items()).isEqualTo(byNumber.items());
        assertThat(byCursor.showing()).isEqualTo(byNumber.showing());
        assertThat(byNumber.withNeighbours(null, null)).isEqualTo(byNumber);
    }

    @Test
    void a_middle_page_has_a_gap_on_each_side_and_the_last_page_no_next() {
        assertThat(shown(of(7, 1_234, 100))).containsExactly("1", "…", "6", "[7]", "8", "…", "13");
        Pagination last = of(13, 1_234, 34);
        assertThat(last.showing()).isEqualTo("Showing 1,201 to 1,234 of 1,234 contacts");
        assertThat(shown(last)).containsExactly("1", "…", "12", "[13]");
        assertThat(last.next()).isNull();
        // A gap of one page is shown as that page, not as an ellipsis.
        assertThat(shown(of(3, 1_234, 100))).containsExactly("1", "2", "[3]", "4", "…", "13");
        assertThat(shown(of(4, 1_234, 100))).containsExactly("1", "2", "3", "[4]", "5", "…", "13");
    }

    @Test
    void one_page_needs_no_component_and_a_page_past_the_end_leads_back() {
        Pagination one = of(1, 40, 40);
        assertThat(one.needed()).isFalse();
        assertThat(one.showing()).isEqualTo("Showing 1 to 40 of 40 contacts");
        assertThat(one.previous()).isNull();
        assertThat(one.next()).isNull();

        Pagination beyond = of(10, 250, 0);
        assertThat(beyond.showing()).isNull();
        assertThat(beyond.needed()).isTrue();
        assertThat(shown(beyond)).containsExactly("1", "2", "3");
        assertThat(beyond.previous()).isEqualTo("/queue?page=3");
    }
}
