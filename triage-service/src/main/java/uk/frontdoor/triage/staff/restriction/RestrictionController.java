package uk.frontdoor.triage.staff.restriction;

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
import uk.frontdoor.triage.api.RecordRestricted;
import uk.frontdoor.triage.api.command.RestrictRecord;
import uk.frontdoor.triage.api.command.UnrestrictRecord;
import uk.frontdoor.triage.api.staff.ActorResolver;
import uk.frontdoor.triage.api.staff.RestrictedRecords;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.staff.StaffDesk;

import java.util.List;

/**
 * Restricting a child's record, or one contact in it, to named staff and teams, and lifting it: managers
 * only (the security rules and the domain both say so). The contact page's forms send the same commands.
 */
@RestController
@RequestMapping("/api/v1/children/{childId}")
@Tag(name = "Restricted records", description = "Sealing a record to named staff and teams, and managers")
class RestrictionController {

    private final StaffDesk desk;
    private final ActorResolver actors;
    private final RestrictedRecords restricted;

    RestrictionController(StaffDesk desk, ActorResolver actors, RestrictedRecords restricted) {
        this.desk = desk;
        this.actors = actors;
        this.restricted = restricted;
    }

    /**
     * @param contactId a contact of the child's to restrict on its own; absent for the whole record
     * @param staff     sign-in names of staff who may still read it
     * @param teams     teams whose members may still read it
     */
    public record RestrictRequest(String contactId, RecordRestricted.Category category, String reason,
                                  List<String> staff, List<String> teams) {
        public RestrictRecord command(ChildId child, Actor by) {
            return new RestrictRecord(child, contact(contactId), category, reason, staff, teams, by);
        }
    }

    /** @param contactId the contact whose own restriction is lifted; absent for the whole record's */
    public record UnrestrictRequest(String contactId, String reason) {
        public UnrestrictRecord command(ChildId child, Actor by) {
            return new UnrestrictRecord(child, contact(contactId), reason, by);
        }
    }

    @Operation(summary = "Restrict the record, or one contact in it, to named staff and teams (and managers)",
            description = "Everyone else sees that a restricted record exists, never what it says. Restricting "
                    + "again replaces who may read it. Managers only.")
    @PostMapping("/restriction")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void restrict(Authentication who, @PathVariable String childId, @RequestBody RestrictRequest body) {
        desk.send(body.command(ChildId.of(childId), actors.require(who)));
    }

    @Operation(summary = "Lift a restriction from the record, or from one contact in it, with the reason")
    @PostMapping("/restriction/lift")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void lift(Authentication who, @PathVariable String childId, @RequestBody UnrestrictRequest body) {
        desk.send(body.command(ChildId.of(childId), actors.require(who)));
    }

    @Operation(summary = "The restrictions now on the record: scope, category, reason, who may read it, by whom and when")
    @GetMapping("/restrictions")
    List<RestrictedRecords.Restriction> restrictions(@PathVariable String childId) {
        return restricted.of(ChildId.of(childId));
    }

    private static ContactId contact(String contactId) {
        return contactId == null || contactId.isBlank() ? null : ContactId.of(contactId.strip());
    }
}
