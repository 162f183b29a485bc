package uk.frontdoor.triage.staff.queue;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PagingTest {

    @Test
    void no_parameters_are_the_first_page_at_the_default_limit() {
        Paging.Parsed parsed = Paging.parse(null, null, 100);
        assertThat(parsed.valid()).isTrue();
        assertThat(parsed.paging()).isEqualTo(new Paging(1, 100));
        assertThat(parsed.paging().offset()).isZero();
        assertThat(parsed.paging().pages(0)).isEqualTo(1);
        assertThat(parsed.paging().pages(1_234)).isEqualTo(13);
    }

    @Test
    void a_page_and_a_limit_skip_the_pages_before() {
        Paging paging = Paging.parse("3", "50", 100).paging();
        assertThat(paging.offset()).isEqualTo(100);
        assertThat(paging.pages(101)).isEqualTo(3);
    }

    @Test
    void every_bad_value_is_named_without_repeating_it() {
        for (String limit : new String[]{"0", "501", "1000", "-1", "ten", "1.5", "", "99999999999"}) {
            Paging.Parsed parsed = Paging.parse(null, limit, 100);
            assertThat(parsed.valid()).as(limit).isFalse();
            assertThat(parsed.problems()).as(limit).singleElement()
                    .isEqualTo(new Paging.Problem("limit", "must be a whole number from 1 to 500"));
        }
        Paging.Parsed both = Paging.parse("0", "abc", 100);
        assertThat(both.problems()).extracting(Paging.Problem::field).containsExactly("page", "limit");
        assertThat(Paging.parse(String.valueOf(Paging.MAX_PAGE + 1), null, 100).valid()).isFalse();
    }
}
