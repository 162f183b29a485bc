package uk.frontdoor.triage.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import uk.frontdoor.triage.api.value.ChildId;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Records every view of a child's record: who, in which role, when, and what they looked at. Call
 * it before the record is returned, so that nothing is shown that was not recorded (a failure to
 * record fails the request).
 */
@Component
public class RecordViews {

    private static final String ROLE_PREFIX = "ROLE_";

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
        Objects.requireNonNull(what, "what");
        jdbc.sql("INSERT INTO record_views (child_id, viewed_by, role, viewed_at, what) VALUES (?, ?, ?, ?, ?)")
                .params(childId.value(), viewer.getName(), role(viewer), Timestamp.from(clock.instant()), what)
                .update();
    }

    /**
     * A view of a child's record shown with every record linked to it: recorded for each, the linked
     * ones naming the record that was asked for.
     */
    public void record(ChildId childId, List<ChildId> linked, Authentication viewer, String what) {
        record(childId, viewer, what);
        linked.forEach(other -> record(other, viewer, what + " via linked record " + childId));
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
