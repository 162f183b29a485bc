package uk.frontdoor.triage.api.query;

import uk.frontdoor.triage.api.WorkAllocated;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import java.time.Instant;

/**
 * Work on a contact allocated to a team and a worker, as now in force (the latest allocation of that work).
 *
 * @param allocatedBy the manager's sign-in name
 */
public record WorkAllocation(ContactId contactId, ChildId childId, WorkAllocated.Work work, String team, String worker,
                             String note, String allocatedBy, Instant allocatedAt) {
}
