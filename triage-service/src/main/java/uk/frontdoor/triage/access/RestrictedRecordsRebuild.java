package uk.frontdoor.triage.access;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import uk.frontdoor.triage.api.RecordRestricted;
import uk.frontdoor.triage.api.RecordUnrestricted;

import java.util.List;

/**
 * {@code restricted_records} made again from the event store, for when it no longer says what the events say:
 * a handler's fault mended, a table restored on its own. It is not a projection a replay resets: a reset
 * empties a read model and fills it again over minutes, and for this table that would be minutes in which
 * every restricted record is open to everyone. Here the rebuild is one transaction. The table is locked
 * against writers (restricting and lifting wait for it, erasure too), never against readers, who go on
 * reading the old rows until the new ones commit: at no moment is a restriction missing.
 *
 * <p>Each child with a restriction event is read through Axon (upcasters, and the keys that open encrypted
 * fields), in stream order, by the live handlers ({@link RecordRestrictions}). Erased children are left out:
 * erasure removed their rows and a rebuild must not bring them back.
 */
@Component
public class RestrictedRecordsRebuild {

    private final JdbcClient jdbc;
    private final EventStore events;
    private final RecordRestrictions restrictions;
    private final TransactionTemplate transactions;

    RestrictedRecordsRebuild(JdbcClient jdbc, EventStore events, RecordRestrictions restrictions,
                             TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.events = events;
        this.restrictions = restrictions;
        this.transactions = transactions;
    }

    /** @param children records read; restrictions the rows now in force (whole records and single contacts) */
    public record Rebuilt(int children, long restrictions) {
    }

    public Rebuilt rebuild() {
        return transactions.execute(status -> {
            // EXCLUSIVE: conflicts with every insert, update and delete, not with a plain SELECT. Taken first, so
            // a restriction committed before it is in the store this transaction reads, and one after waits.
            jdbc.sql("LOCK TABLE restricted_records IN EXCLUSIVE MODE").update();
            List<String> children = jdbc.sql("""
                            SELECT DISTINCT aggregateidentifier FROM domainevententry
                            WHERE payloadtype IN (?, ?)
                              AND aggregateidentifier NOT IN (SELECT child_id FROM erased_children)""")
                    .params(RecordRestricted.class.getName(), RecordUnrestricted.class.getName())
                    .query(String.class)
                    .list();
            jdbc.sql("DELETE FROM restricted_records").update();
            for (String child : children) {
                // From the first event, never a snapshot: a snapshot is the aggregate's state, not these rows.
                events.readEvents(child, 0L).asStream().map(EventMessage::getPayload).forEach(payload -> {
                    if (payload instanceof RecordRestricted restricted) {
                        restrictions.on(restricted);
                    } else if (payload instanceof RecordUnrestricted lifted) {
                        restrictions.on(lifted);
                    }
                });
            }
            long rows = jdbc.sql("SELECT count(*) FROM restricted_records").query(Long.class).single();
            return new Rebuilt(children.size(), rows);
        });
    }
}
