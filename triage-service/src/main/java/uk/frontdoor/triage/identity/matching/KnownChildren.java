package uk.frontdoor.triage.identity.matching;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.frontdoor.triage.EventJson;
import uk.frontdoor.triage.api.ContactReceived;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Remembers, for matching, every child the event store already holds: the children recorded before
 * matching on receipt existed would otherwise never be recognised, and their next contact would start
 * a record of its own. Reads every {@code ContactReceived} in the store's order, a page at a time, and
 * records who each contact said its child was, as reception does now. Run once by the Flyway
 * migration {@code V17}; safe to run again (a variant already known is only touched).
 */
public final class KnownChildren {

    private static final int PAGE = 1_000;
    private static final String RECEIVED = ContactReceived.class.getName();

    private KnownChildren() {
    }

    /** For V17, which runs before any event was stored with its personal fields encrypted. @return contacts read */
    public static int rememberAll(JdbcClient jdbc) {
        return rememberAll(jdbc, EventJson.mapper());
    }

    /** @param json the event store's mapper, with the keys to open encrypted personal fields; @return contacts read */
    public static int rememberAll(JdbcClient jdbc, ObjectMapper json) {
        CandidateFinder finder = new CandidateFinder(jdbc);
        long after = -1;
        int read = 0;
        while (true) {
            List<Row> page = jdbc.sql("""
                            SELECT globalindex, convert_from(payload, 'UTF8') AS payload FROM domainevententry
                            WHERE payloadtype = ? AND globalindex > ? ORDER BY globalindex LIMIT ?""")
                    .params(RECEIVED, after, PAGE)
                    .query((rs, row) -> new Row(rs.getLong("globalindex"), rs.getString("payload")))
                    .list();
            if (page.isEmpty()) {
                return read;
            }
            List<CandidateFinder.Seen> seen = new ArrayList<>(page.size());
            Instant latest = Instant.EPOCH;
            for (Row row : page) {
                ContactReceived received = read(json, row.payload());
                seen.add(new CandidateFinder.Seen(received.childId().value(), SubmissionIdentity.of(
                        received.submission().child(), received.submission().household())));
                latest = received.receivedAt().isAfter(latest) ? received.receivedAt() : latest;
            }
            // Seen, as far as the store can say, by the latest contact of the page.
            finder.rememberAll(seen, latest);
            read += page.size();
            after = page.get(page.size() - 1).globalIndex();
        }
    }

    /** Revision 1 contacts lack only who logged them, which matching does not need. */
    private static ContactReceived read(ObjectMapper json, String payload) {
        try {
            return json.readValue(payload, ContactReceived.class);
        } catch (JsonProcessingException e) {
            // The class only: the payload is a child's record.
            throw new IllegalStateException("A stored contact could not be read: " + e.getClass().getName());
        }
    }

    private record Row(long globalIndex, String payload) {
    }
}
