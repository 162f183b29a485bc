package uk.frontdoor.triage.staff.erasure;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.frontdoor.triage.api.ErasureRequested;
import uk.frontdoor.triage.api.LegalHoldPlaced;
import uk.frontdoor.triage.api.command.AuthoriseErasure;
import uk.frontdoor.triage.api.command.LiftLegalHold;
import uk.frontdoor.triage.api.command.PlaceLegalHold;
import uk.frontdoor.triage.api.command.RequestErasure;
import uk.frontdoor.triage.api.staff.ActorResolver;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.erasure.ErasureRecords;
import uk.frontdoor.triage.staff.StaffDesk;

import java.util.List;

/**
 * Erasure with four eyes and legal holds, for managers: one manager records the decision, a second authorises it;
 * a record under legal hold is not erased. The data protection page sends the same commands.
 */
@RestController
@Tag(name = "Data protection", description = "Erasure (four eyes), legal holds, the retention schedule's queue")
class ErasureController {

    private final StaffDesk desk;
    private final ActorResolver actors;
    private final ErasureRecords erasures;

    ErasureController(StaffDesk desk, ActorResolver actors, ErasureRecords erasures) {
        this.desk = desk;
        this.actors = actors;
        this.erasures = erasures;
    }

    /**
     * @param reason     why ({@code SUBJECT_REQUEST}, {@code RETENTION_PERIOD_ENDED}, {@code RECORDED_IN_ERROR},
     *                   {@code ORDERED})
     * @param legalBasis the law ({@code NO_LONGER_NECESSARY}, {@code OBJECTION_UPHELD}, {@code UNLAWFULLY_PROCESSED},
     *                   {@code LEGAL_OBLIGATION}, {@code DPA_2018_SECTION_47})
     * @param reference  the data protection officer's case reference (letters, digits, / - .), optional
     */
    record ErasureRequest(ErasureRequested.Reason reason, ErasureRequested.LegalBasis legalBasis, String reference) {
    }

    record HoldRequest(LegalHoldPlaced.Kind kind, String reason) {
    }

    record LiftRequest(String reason) {
    }

    /** Where erasure stands for a child's record: {@code NONE}, {@code REQUESTED} (with the request) or {@code ERASED}. */
    record ErasureStatus(String state, ErasureRecords.Pending request, ErasureRecords.Erased erased, String inWords,
                         List<ErasureRecords.Hold> holds) {
    }

    @Operation(summary = "Record the decision to erase a child's record (a second manager must authorise it)",
            description = "reason and legalBasis are required (400 naming the field). A record under legal hold is "
                    + "refused (409 /problems/under-legal-hold, naming the hold).")
    @PostMapping("/api/v1/children/{childId}/erasure")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ErasureStatus request(Authentication who, @PathVariable String childId, @RequestBody(required = false) ErasureRequest body) {
        ErasureRequest given = body == null ? new ErasureRequest(null, null, null) : body;
        ChildId child = ChildId.of(childId);
        desk.send(new RequestErasure(child, given.reason(), given.legalBasis(), given.reference(), actors.require(who)));
        return status(child);
    }

    @Operation(summary = "Authorise the erasure another manager requested: the child's personal data is erased",
            description = "The manager who requested it is refused (403 /problems/own-erasure-request); so is a record "
                    + "under legal hold (409).")
    @PostMapping("/api/v1/children/{childId}/erasure/authorise")
    ErasureStatus authorise(Authentication who, @PathVariable String childId) {
        ChildId child = ChildId.of(childId);
        desk.send(new AuthoriseErasure(child, actors.require(who)));
        return status(child);
    }

    @Operation(summary = "Where erasure stands for the record: none, requested (by whom, why) or erased (when, under what)")
    @GetMapping("/api/v1/children/{childId}/erasure")
    ErasureStatus status(@PathVariable String childId) {
        return status(ChildId.of(childId));
    }

    @Operation(summary = "Place a legal hold on the record: it is not erased until the hold is lifted")
    @PostMapping("/api/v1/children/{childId}/legal-holds")
    @ResponseStatus(HttpStatus.CREATED)
    ErasureRecords.Hold hold(Authentication who, @PathVariable String childId, @RequestBody(required = false) HoldRequest body) {
        HoldRequest given = body == null ? new HoldRequest(null, null) : body;
        ChildId child = ChildId.of(childId);
        PlaceLegalHold command = new PlaceLegalHold(child, given.kind(), given.reason(), actors.require(who));
        desk.send(command);
        return erasures.holds(child).stream().filter(hold -> hold.holdId().equals(command.holdId())).findFirst()
                .orElseThrow();
    }

    @Operation(summary = "Lift a legal hold, with the reason")
    @PostMapping("/api/v1/children/{childId}/legal-holds/{holdId}/lift")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void lift(Authentication who, @PathVariable String childId, @PathVariable String holdId,
              @RequestBody(required = false) LiftRequest body) {
        desk.send(new LiftLegalHold(ChildId.of(childId), holdId, body == null ? null : body.reason(),
                actors.require(who)));
    }

    @Operation(summary = "The legal holds in force on the record")
    @GetMapping("/api/v1/children/{childId}/legal-holds")
    List<ErasureRecords.Hold> holds(@PathVariable String childId) {
        return erasures.holds(ChildId.of(childId));
    }

    @Operation(summary = "Every erasure waiting for a second manager's authorisation (the retention schedule's too)")
    @GetMapping("/api/v1/data-protection/erasures/pending")
    List<ErasureRecords.Pending> pending() {
        return erasures.pending();
    }

    private ErasureStatus status(ChildId child) {
        var erased = erasures.erased(child);
        if (erased.isPresent()) {
            return new ErasureStatus("ERASED", null, erased.get(), erased.get().inWords(), List.of());
        }
        var pending = erasures.pending(child);
        return new ErasureStatus(pending.isPresent() ? "REQUESTED" : "NONE", pending.orElse(null), null, null,
                erasures.holds(child));
    }
}
