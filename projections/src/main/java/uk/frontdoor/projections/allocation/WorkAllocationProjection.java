package uk.frontdoor.projections.allocation;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.frontdoor.triage.api.ChildErased;
import uk.frontdoor.triage.api.WorkAllocated;
import uk.frontdoor.triage.api.query.FindAllocatedWork;
import uk.frontdoor.triage.api.query.FindAllocations;
import uk.frontdoor.triage.api.query.WorkAllocation;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

/**
 * Who each piece of work on a contact is allocated to now: the contact page shows it, and each worker sees
 * their own. Part of the contact view's processing group, so rebuilding the contact view rebuilds this too.
 */
@Component
@ProcessingGroup("contact-status")
class WorkAllocationProjection {

    private final JdbcClient jdbc;
    private final QueryUpdateEmitter emitter;

    WorkAllocationProjection(JdbcClient jdbc, QueryUpdateEmitter emitter) {
        this.jdbc = jdbc;
        this.emitter = emitter;
    }

    @EventHandler
    void on(WorkAllocated event, @SequenceNumber long sequence) {
        jdbc.sql("""
                        INSERT INTO work_allocations (contact_id, work, child_id, team, worker, note, allocated_by,
                                                      allocated_at, applied_sequence)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (contact_id, work) DO UPDATE SET team = EXCLUDED.team, worker = EXCLUDED.worker,
                            note = EXCLUDED.note, allocated_by = EXCLUDED.allocated_by,
                            allocated_at = EXCLUDED.allocated_at, applied_sequence = EXCLUDED.applied_sequence
                        WHERE work_allocations.applied_sequence < EXCLUDED.applied_sequence""")
                .params(event.contactId().value(), event.work().name(), event.childId().value(), event.team(),
                        event.worker(), event.note(), event.actor().userId(), Timestamp.from(event.at()), sequence)
                .update();
        // For a manager's page waiting to show the allocation just made (sent once the batch commits).
        ContactId contact = event.contactId();
        emitter.emit(FindAllocations.class, query -> query.contactId().equals(contact),
                handle(new FindAllocations(contact)));
    }

    /** The child's record was erased: its allocations (with their notes) go. Written at once, as the others here. */
    @EventHandler
    void on(ChildErased event) {
        jdbc.sql("DELETE FROM work_allocations WHERE child_id = ?").param(event.childId().value()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM work_allocations").update();
    }

    @QueryHandler
    List<WorkAllocation> handle(FindAllocations query) {
        return jdbc.sql("SELECT * FROM work_allocations WHERE contact_id = ? ORDER BY work")
                .param(query.contactId().value())
                .query(WorkAllocationProjection::allocation)
                .list();
    }

    @QueryHandler
    List<WorkAllocation> handle(FindAllocatedWork query) {
        return jdbc.sql("SELECT * FROM work_allocations WHERE worker = ? ORDER BY allocated_at DESC LIMIT ?")
                .params(query.worker(), Math.max(1, Math.min(query.limit(), 500)))
                .query(WorkAllocationProjection::allocation)
                .list();
    }

    private static WorkAllocation allocation(ResultSet rs, int row) throws SQLException {
        return new WorkAllocation(ContactId.of(rs.getString("contact_id")), ChildId.of(rs.getString("child_id")),
                WorkAllocated.Work.valueOf(rs.getString("work")), rs.getString("team"), rs.getString("worker"),
                rs.getString("note"), rs.getString("allocated_by"), rs.getTimestamp("allocated_at").toInstant());
    }
}
