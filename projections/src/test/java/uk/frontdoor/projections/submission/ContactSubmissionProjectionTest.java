package uk.frontdoor.projections.submission;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.frontdoor.projections.ChildEvents;
import uk.frontdoor.projections.RowWrites;
import uk.frontdoor.projections.ProjectionFeed;
import uk.frontdoor.projections.ReadModelDatabase;
import uk.frontdoor.triage.api.ContactReceived;
import uk.frontdoor.triage.api.query.ContactSubmissionView;
import uk.frontdoor.triage.api.query.FindContactSubmission;
import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.value.Channel;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.frontdoor.projections.ChildEvents.SW1;
import static uk.frontdoor.projections.ChildEvents.child;
import static uk.frontdoor.projections.ChildEvents.contact;

/** Each contact's submission as the referrer wrote it, alone on a real PostgreSQL. */
class ContactSubmissionProjectionTest {

    private static final Instant T0 = Instant.parse("2026-06-01T09:00:00Z");

    private final ReadModelDatabase database = ReadModelDatabase.get();
    private final ContactSubmissionProjection projection = new ContactSubmissionProjection(database.jdbc(),
            new RowWrites(database.dataSource()),
            ReadModelDatabase.json());
    private ProjectionFeed feed;

    @BeforeEach
    void emptyTable() {
        projection.reset();
        feed = new ProjectionFeed(projection);
    }

    @Test
    void the_submission_reads_back_as_written_with_who_logged_it_and_a_replay_writes_the_same_rows() {
        ChildId child = child();
        ContactId partner = contact();
        ContactId phoned = contact();
        ContactReceived fromPartner = ChildEvents.received(child, partner, "demo-police", "6", T0, "3A", "16A");
        ContactReceived loggedByStaff = new ContactReceived(child, phoned, AgencyCode.of("demo-council"), Channel.STAFF,
                T0.plusSeconds(60), ChildEvents.submission(phoned, "1A", T0, "21"), SW1);
        feed.apply(T0, fromPartner, loggedByStaff);

        assertThat(projection.handle(new FindContactSubmission(partner))).contains(new ContactSubmissionView(partner,
                child, AgencyCode.of("demo-police"), Channel.HTTP, T0, fromPartner.submission(), null));
        assertThat(projection.handle(new FindContactSubmission(phoned))).contains(new ContactSubmissionView(phoned,
                child, AgencyCode.of("demo-council"), Channel.STAFF, T0.plusSeconds(60), loggedByStaff.submission(), SW1));
        assertThat(projection.handle(new FindContactSubmission(contact()))).isEmpty();

        List<Map<String, Object>> rows = database.rows("contact_submissions", "contact_id");
        assertThat(rows).hasSize(2);
        feed.redeliverLast();
        assertThat(database.rows("contact_submissions", "contact_id")).isEqualTo(rows);
        feed.replay();
        assertThat(database.rows("contact_submissions", "contact_id")).isEqualTo(rows);
    }
}
