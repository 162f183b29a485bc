package uk.frontdoor.triage.api.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.frontdoor.triage.api.RecordRestricted;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import java.util.List;

/**
 * A manager restricts a child's record, or one contact in it, to the staff and teams named (and managers).
 *
 * @param contactId the contact to restrict; null for the whole record
 * @param staff     sign-in names of staff who may still read it
 * @param teams     teams whose members may still read it
 */
public record RestrictRecord(@TargetAggregateIdentifier ChildId childId, ContactId contactId,
                             RecordRestricted.Category category, String reason, List<String> staff,
                             List<String> teams, Actor actor) {
    public RestrictRecord {
        Invariants.present(category, "category");
        Invariants.text(reason, Refusal.REASON_REQUIRED, "Say why the record is restricted.");
        staff = staff == null ? List.of() : staff.stream().filter(name -> name != null && !name.isBlank())
                .map(String::strip).distinct().toList();
        teams = teams == null ? List.of() : teams.stream().filter(name -> name != null && !name.isBlank())
                .map(String::strip).distinct().toList();
    }
}
