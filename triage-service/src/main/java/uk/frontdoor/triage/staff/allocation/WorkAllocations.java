package uk.frontdoor.triage.staff.allocation;

import org.springframework.stereotype.Component;
import uk.frontdoor.triage.api.query.WorkAllocation;
import uk.frontdoor.triage.api.staff.RestrictedRecords;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.staff.StaffDesk;

import java.util.List;

/**
 * A worker's own allocated work, as the API and the "My work" page show it: a contact restricted from the
 * worker keeps its reference and what was allocated, never the manager's note about it (it is part of the
 * record), and says it is restricted.
 */
@Component
public class WorkAllocations {

    /** The most items a list shows: a worker's caseload, not a report. */
    static final int LIMIT = 200;

    private final StaffDesk desk;
    private final RestrictedRecords restricted;

    WorkAllocations(StaffDesk desk, RestrictedRecords restricted) {
        this.desk = desk;
        this.restricted = restricted;
    }

    /** @param restricted the contact is restricted from the worker; its note is left out */
    public record Item(WorkAllocation allocation, boolean restricted) {
    }

    List<Item> of(Actor worker) {
        List<WorkAllocation> allocations = desk.allocatedTo(worker.userId(), LIMIT);
        RestrictedRecords.Withheld withheld = restricted.withheldFrom(worker,
                allocations.stream().map(WorkAllocation::childId).distinct().toList());
        return allocations.stream().map(allocation -> withheld.contact(allocation.childId(), allocation.contactId())
                ? new Item(new WorkAllocation(allocation.contactId(), allocation.childId(), allocation.work(),
                allocation.team(), allocation.worker(), null, allocation.allocatedBy(), allocation.allocatedAt()), true)
                : new Item(allocation, false)).toList();
    }
}
