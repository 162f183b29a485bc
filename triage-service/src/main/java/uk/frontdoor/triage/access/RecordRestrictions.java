package uk.frontdoor.triage.access;

import org.axonframework.config.EventProcessingConfigurer;
import uk.frontdoor.triage.InTheCommandsTransaction;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.frontdoor.triage.api.RecordRestricted;
import uk.frontdoor.triage.api.RecordUnrestricted;
import uk.frontdoor.triage.api.staff.RestrictedRecords;
import uk.frontdoor.triage.api.staff.StaffDirectory;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which records are restricted and to whom, as every page and endpoint asks before it shows a child's
 * record ({@link RestrictedRecords}).
 *
 * <p>A subscribing processor, as {@code LinkedHistory} is: the rows are written in the transaction that
 * appends the restriction, so there is no moment, after a manager is told a Prevent record is restricted,
 * in which a lagging read model still shows it to everyone. The price is that the table is not rebuilt by
 * a projection replay; it is as durable as the event store it is written with.
 */
@Component
@ProcessingGroup(RecordRestrictions.PROCESSING_GROUP)
public class RecordRestrictions implements RestrictedRecords {

    public static final String PROCESSING_GROUP = "restricted-records";
    private static final String WHOLE_RECORD = "";

    private final JdbcClient jdbc;
    private final StaffDirectory directory;

    RecordRestrictions(JdbcClient jdbc, StaffDirectory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    /** Subscribing, so the rows commit or roll back with the events. */
    @Autowired
    void subscribeInTheCommandsTransaction(EventProcessingConfigurer processing) {
        InTheCommandsTransaction.subscribe(processing, PROCESSING_GROUP);
    }

    @EventHandler
    void on(RecordRestricted event) {
        jdbc.sql("""
                        INSERT INTO restricted_records (child_id, contact_id, category, reason, visible_to_staff,
                                                        visible_to_teams, restricted_by, restricted_at)
                        VALUES (?, ?, ?, ?, ?::text[], ?::text[], ?, ?)
                        ON CONFLICT (child_id, contact_id) DO UPDATE SET category = EXCLUDED.category,
                            reason = EXCLUDED.reason, visible_to_staff = EXCLUDED.visible_to_staff,
                            visible_to_teams = EXCLUDED.visible_to_teams, restricted_by = EXCLUDED.restricted_by,
                            restricted_at = EXCLUDED.restricted_at""")
                .params(event.childId().value(), scope(event.contactId()), event.category().name(), event.reason(),
                        event.visibleToStaff().toArray(String[]::new), event.visibleToTeams().toArray(String[]::new),
                        event.actor().userId(), Timestamp.from(event.at()))
                .update();
    }

    @EventHandler
    void on(RecordUnrestricted event) {
        jdbc.sql("DELETE FROM restricted_records WHERE child_id = ? AND contact_id = ?")
                .params(event.childId().value(), scope(event.contactId()))
                .update();
    }

    @Override
    public Withheld withheldFrom(Actor viewer, Collection<ChildId> children) {
        if (children.isEmpty() || viewer.isManager()) {
            return Withheld.NOTHING;
        }
        return withheld(viewer, jdbc.sql(SELECT + " WHERE child_id = ANY (?::varchar[])")
                .param(children.stream().map(ChildId::value).distinct().toArray(String[]::new))
                .query((rs, row) -> restriction(rs))
                .list());
    }

    @Override
    public Withheld withheldFrom(Actor viewer) {
        if (viewer.isManager()) {
            return Withheld.NOTHING;
        }
        return withheld(viewer, jdbc.sql(SELECT).query((rs, row) -> restriction(rs)).list());
    }

    private Withheld withheld(Actor viewer, List<Restriction> restrictions) {
        if (restrictions.isEmpty()) {
            return Withheld.NOTHING;
        }
        Set<String> teams = directory.find(viewer.userId()).map(StaffDirectory.Member::teams).orElse(Set.of());
        Set<ChildId> records = new HashSet<>();
        Set<ContactId> contacts = new HashSet<>();
        for (Restriction restriction : restrictions) {
            boolean reads = restriction.visibleToStaff().contains(viewer.userId())
                    || restriction.visibleToTeams().stream().anyMatch(teams::contains);
            if (!reads) {
                if (restriction.contactId() == null) {
                    records.add(restriction.childId());
                } else {
                    contacts.add(restriction.contactId());
                }
            }
        }
        return new Withheld(records, contacts);
    }

    @Override
    public List<Restriction> of(ChildId child) {
        return jdbc.sql(SELECT + " WHERE child_id = ? ORDER BY contact_id, restricted_at")
                .param(child.value())
                .query((rs, row) -> restriction(rs))
                .list();
    }

    private static final String SELECT = """
            SELECT child_id, contact_id, category, reason, visible_to_staff, visible_to_teams, restricted_by,
                   restricted_at FROM restricted_records""";

    private static String scope(ContactId contactId) {
        return contactId == null ? WHOLE_RECORD : contactId.value();
    }

    private static Restriction restriction(ResultSet rs) throws SQLException {
        String contact = rs.getString("contact_id");
        return new Restriction(ChildId.of(rs.getString("child_id")),
                WHOLE_RECORD.equals(contact) ? null : ContactId.of(contact),
                RecordRestricted.Category.valueOf(rs.getString("category")), rs.getString("reason"),
                texts(rs.getArray("visible_to_staff")), texts(rs.getArray("visible_to_teams")),
                rs.getString("restricted_by"), rs.getTimestamp("restricted_at").toInstant());
    }

    private static List<String> texts(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }
}
