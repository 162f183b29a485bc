package uk.frontdoor.triage.staff.queue;

import org.junit.jupiter.api.Test;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.query.FindWaitingContacts;
import uk.frontdoor.triage.api.query.QueueCursor;
import uk.frontdoor.triage.api.staff.StaffRole;
import uk.frontdoor.triage.api.ThresholdAssessed.Priority;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class QueueFiltersTest {

    private static final Actor SW1 = new Actor("sw1", StaffRole.SOCIAL_WORKER, "demo-council");

    @Test
    void the_filters_become_the_query_and_come_back_as_the_same_address() {
        QueuePage.Filters filters = QueuePage.Filters.of("RED", "demo-police", "DOMESTIC_ABUSE", "MINE");
        FindWaitingContacts query = filters.query(SW1);
        assertThat(query.priority()).isEqualTo(Priority.RED);
        assertThat(query.agency().value()).isEqualTo("demo-police");
        assertThat(query.factors()).containsExactlyInAnyOrder("3A", "3B", "3C");
        assertThat(query.claimedBy()).isEqualTo("sw1");
        assertThat(query.unclaimed()).isFalse();
        assertThat(filters.url()).isEqualTo("/queue?rag=RED&agency=demo-police&category=DOMESTIC_ABUSE&show=MINE");
    }

    @Test
    void values_that_are_not_offered_mean_any() {
        QueuePage.Filters filters = QueuePage.Filters.of("PURPLE", " ", "NOT_A_CATEGORY", "EVERYTHING");
        assertThat(filters.any()).isFalse();
        assertThat(filters.url()).isEqualTo("/queue");
        FindWaitingContacts query = filters.query(SW1);
        assertThat(query.priority()).isNull();
        assertThat(query.agency()).isNull();
        assertThat(query.factors()).isEmpty();
        assertThat(query.claimedBy()).isNull();
    }

    @Test
    void unclaimed_asks_for_contacts_nobody_holds() {
        FindWaitingContacts query = QueuePage.Filters.of(null, null, null, "UNCLAIMED").query(SW1);
        assertThat(query.unclaimed()).isTrue();
        assertThat(query.claimedBy()).isNull();
    }

    @Test
    void a_page_keeps_the_filters_in_its_address_and_asks_for_the_contacts_before_it_to_be_skipped() {
        QueuePage.Filters filters = QueuePage.Filters.of("RED", "demo-police", null, "UNCLAIMED");
        assertThat(filters.url(3)).isEqualTo("/queue?rag=RED&agency=demo-police&show=UNCLAIMED&page=3");
        assertThat(filters.url(1)).isEqualTo(filters.url());
        FindWaitingContacts third = filters.query(SW1, 3);
        assertThat(third.offset()).isEqualTo(200);
        assertThat(third.limit()).isEqualTo(QueuePage.PAGE_SIZE);
        assertThat(third.unclaimed()).isTrue();
    }

    @Test
    void deep_in_the_queue_a_page_is_found_by_a_cursor_and_its_address_keeps_the_filters() {
        QueuePage.Filters filters = QueuePage.Filters.of("RED", "demo-police", null, "UNCLAIMED");
        QueueCursor last = new QueueCursor(1, Instant.parse("2026-06-01T10:00:00.123456Z"),
                Instant.parse("2026-06-01T09:00:00Z"), "0b6f3a52-44a5-4b3c-9d2e-1f8e5c7a9b10");
        String address = filters.url(12, "after", last);
        assertThat(address).isEqualTo("/queue?rag=RED&agency=demo-police&show=UNCLAIMED&page=12&after=" + last.encode());
        assertThat(QueueCursor.decode(address.substring(address.indexOf("after=") + 6))).contains(last);
        FindWaitingContacts twelfth = filters.query(SW1, 12, last, null);
        assertThat(twelfth.after()).isEqualTo(last);
        assertThat(twelfth.before()).isNull();
        assertThat(twelfth.offset()).as("where the page stands, for its count").isEqualTo(1_100);
        assertThat(twelfth.unclaimed()).isTrue();
        assertThat(filters.query(SW1, 11, null, last).before()).isEqualTo(last);
    }

    @Test
    void a_page_number_that_is_not_one_is_the_first_page() {
        assertThat(QueuePage.page("2")).isEqualTo(2);
        assertThat(QueuePage.page(null)).isEqualTo(1);
        for (String notAPage : new String[]{"0", "-1", "two", "1e3", "99999999999", " "}) {
            assertThat(QueuePage.page(notAPage)).as(notAPage).isEqualTo(1);
        }
    }
}
