package uk.frontdoor.triage.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import uk.frontdoor.triage.api.staff.ViewLog;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Records every view of a child's record: who, in which role, when, and what they looked at. Call
 * it before the record is returned, so that nothing is shown that was not recorded (a failure to
 * record fails the request).
 */
@Component
public class RecordViews implements ViewLog {

    private static final String ROLE_PREFIX = "ROLE_";
    /** A partner agency's system, reading with its API key: no member of staff, so no staff role. */
    public static final String PARTNER_SYSTEM = "PARTNER_SYSTEM";

    private final JdbcClient jdbc;
    private final Clock clock;

    public RecordViews(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @param viewer who is signed in
     * @param what   what was shown, e.g. {@code chronology}; written by the code, never from the record
     */
    public void record(ChildId childId, Authentication viewer, String what) {
        Objects.requireNonNull(childId, "childId");
        Objects.requireNonNull(viewer, "viewer");
        insert(List.of(new Viewed(childId, null)), viewer.getName(), role(viewer), what);
    }

    @Override
    public void record(ChildId childId, ContactId contact, Actor viewer, String what) {
        Objects.requireNonNull(childId, "childId");
        recordAll(List.of(new Viewed(childId, contact)), viewer, what);
    }

    @Override
    public void recordAll(Collection<Viewed> shown, Actor viewer, String what) {
        Objects.requireNonNull(viewer, "viewer");
        insert(shown, viewer.userId(), viewer.role().name(), what);
    }

    @Override
    public void recordForAgency(Collection<Viewed> shown, String agency, String what) {
        Objects.requireNonNull(agency, "agency");
        insert(shown, agency, PARTNER_SYSTEM, what);
    }

    /** One statement for all shown: a queue page of 500 costs one round trip, not 500. */
    private void insert(Collection<Viewed> shown, String viewedBy, String role, String what) {
        Objects.requireNonNull(what, "what");
        if (shown.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(clock.instant());
        String rows = String.join(", ", Collections.nCopies(shown.size(), "(?, ?, ?, ?, ?, ?)"));
        List<Object> params = new ArrayList<>(shown.size() * 6);
        for (Viewed viewed : shown) {
            params.add(viewed.child().value());
            params.add(viewed.contact() == null ? null : viewed.contact().value());
            params.add(viewedBy);
            params.add(role);
            params.add(at);
            params.add(what);
        }
        jdbc.sql("INSERT INTO record_views (child_id, contact_id, viewed_by, role, viewed_at, what) VALUES " + rows)
                .params(params).update();
    }

    /**
     * A view of a child's record shown with every record linked to it: recorded for each, the linked
     * ones naming the record that was asked for.
     */
    public void record(ChildId childId, List<ChildId> linked, Authentication viewer, String what) {
        record(childId, viewer, what);
        linked.forEach(other -> record(other, viewer, what + " via linked record " + childId));
    }

    /** One view of a child's record, as managers read the record of views. */
    public record View(Instant viewedAt, String viewedBy, String role, String what, String contactId) {
    }

    /** Who looked at this child's record, most recent first (at most {@code limit}). */
    public List<View> recent(ChildId childId, int limit) {
        return jdbc.sql("""
                        SELECT viewed_at, viewed_by, role, what, contact_id FROM record_views
                        WHERE child_id = ? ORDER BY viewed_at DESC, id DESC LIMIT ?""")
                .params(childId.value(), limit)
                .query((rows, i) -> new View(rows.getTimestamp("viewed_at").toInstant(), rows.getString("viewed_by"),
                        rows.getString("role"), rows.getString("what"), rows.getString("contact_id")))
                .list();
    }

    /** Who looked at any of these records in a period ({@code from} included, {@code to} not), oldest first. */
    public List<View> between(Collection<ChildId> children, Instant from, Instant to, int limit) {
        return jdbc.sql("""
                        SELECT viewed_at, viewed_by, role, what, contact_id FROM record_views
                        WHERE child_id IN (:children) AND viewed_at >= :from AND viewed_at < :to
                        ORDER BY viewed_at, id LIMIT :limit""")
                .param("children", children.stream().map(ChildId::value).toList())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("limit", limit)
                .query((rows, i) -> new View(rows.getTimestamp("viewed_at").toInstant(), rows.getString("viewed_by"),
                        rows.getString("role"), rows.getString("what"), rows.getString("contact_id")))
                .list();
    }

    /** The viewer's role, from their {@code ROLE_} authority; {@code NONE} if they have none. */
    static String role(Authentication viewer) {
        return viewer.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith(ROLE_PREFIX))
                .map(authority -> authority.substring(ROLE_PREFIX.length()))
                .sorted()
                .findFirst()
                .orElse("NONE");
    }
}
