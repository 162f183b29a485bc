package uk.frontdoor.triage.staff.chronology;

import uk.frontdoor.triage.staff.chronology.ChildCommands.UnlinkRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.frontdoor.triage.api.command.ContactAccepted;
import uk.frontdoor.triage.api.staff.ActorResolver;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.staff.StaffDesk;
import uk.frontdoor.triage.staff.chronology.ChildCommands.LinkRequest;
import uk.frontdoor.triage.staff.chronology.ChildCommands.StepUpRequest;

import java.net.URI;

/** What staff do to a child's record as a whole, as the chronology page's forms do: link records, step up. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Triage work", description = "Screening a contact: claim, consent, partner checks, decision, strategy discussion")
class ChildRecordController {

    private final StaffDesk desk;
    private final ActorResolver actors;

    ChildRecordController(StaffDesk desk, ActorResolver actors) {
        this.desk = desk;
        this.actors = actors;
    }

    @Operation(summary = "Link two records found to be one child; each chronology then shows both histories")
    @PostMapping("/children/{childId}/links")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void link(Authentication who, @PathVariable String childId, @RequestBody LinkRequest body) {
        var actor = actors.require(who);
        desk.send(body.command(ChildId.of(childId), actor));
    }

    @Operation(summary = "Undo a wrong link (unmerge): the histories separate again and the open contacts are reassessed")
    @PostMapping("/children/{childId}/unlink")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unlink(Authentication who, @PathVariable String childId, @RequestBody UnlinkRequest body) {
        var actor = actors.require(who);
        desk.send(body.command(ChildId.of(childId), actor));
    }

    @Operation(summary = "Step a child up from early help: a new contact, carrying the early-help history, is received and assessed")
    @PostMapping(path = "/children/{childId}/step-up", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ContactAccepted> stepUp(Authentication who, @PathVariable String childId,
                                           @RequestBody StepUpRequest body) {
        var actor = actors.require(who);
        ContactAccepted accepted = desk.send(body.command(ChildId.of(childId), actor));
        return ResponseEntity.created(URI.create("/api/v1/contacts/" + accepted.contactId())).body(accepted);
    }
}
