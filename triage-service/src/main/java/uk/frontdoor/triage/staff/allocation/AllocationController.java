package uk.frontdoor.triage.staff.allocation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.frontdoor.triage.api.WorkAllocated;
import uk.frontdoor.triage.api.command.AllocateWork;
import uk.frontdoor.triage.api.query.WorkAllocation;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.staff.RestrictedRecords;
import uk.frontdoor.triage.api.staff.TriageRefusedException;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.staff.StaffDesk;

import java.util.List;

/**
 * Allocation over the API: a manager gives a decided contact, or its strategy discussion, to a team and a
 * worker; anyone who screens reads a contact's allocations; each worker reads their own work.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Allocation", description = "Who owns the work that follows a decision")
class AllocationController {

    private final StaffDesk desk;
    private final RestrictedRecords restricted;
    private final WorkAllocations work;

    AllocationController(StaffDesk desk, RestrictedRecords restricted, WorkAllocations work) {
        this.desk = desk;
        this.restricted = restricted;
        this.work = work;
    }

    /**
     * @param work   {@code CONTACT} (the decided contact) or {@code STRATEGY_DISCUSSION}
     * @param team   a team the front door knows
     * @param worker the sign-in name of a social worker or manager in that team
     * @param note   what the worker should know; optional
     */
    record AllocationRequest(WorkAllocated.Work work, String team, String worker, String note) {
    }

    @Operation(summary = "Allocate a decided contact, or its strategy discussion, to a team and a worker in it",
            description = "Managers only. Allocating the same work again hands it on. An unknown team or worker is "
                    + "400 naming the field; a contact not yet decided is 409.")
    @PostMapping("/contacts/{contactId}/allocation")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void allocate(Authentication who, @PathVariable String contactId, @RequestBody AllocationRequest body) {
        Actor me = desk.actor(who);
        ContactId contact = ContactId.of(contactId);
        desk.send(new AllocateWork(desk.childOf(contact), contact, body.work(), body.team(), body.worker(),
                body.note(), me));
    }

    @Operation(summary = "The work on a contact allocated now: to which team and worker, by whom, when")
    @GetMapping("/contacts/{contactId}/allocations")
    List<WorkAllocation> allocations(Authentication who, @PathVariable String contactId) {
        Actor me = desk.actor(who);
        ContactId contact = ContactId.of(contactId);
        ChildId child = desk.childOf(contact);
        if (restricted.withheldFrom(me, List.of(child)).contact(child, contact)) {
            throw new TriageRefusedException(Refusal.RESTRICTED_RECORD);
        }
        return desk.allocations(contact);
    }

    @Operation(summary = "The work allocated now to the signed-in worker, most recent first (at most 200)")
    @GetMapping("/my-work")
    List<WorkAllocations.Item> myWork(Authentication who) {
        return work.of(desk.actor(who));
    }
}
