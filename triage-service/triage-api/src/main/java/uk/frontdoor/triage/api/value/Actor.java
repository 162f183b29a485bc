package uk.frontdoor.triage.api.value;

import uk.frontdoor.triage.api.staff.StaffRole;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.Objects;

/**
 * Who did something, in which role, for which agency: every staff event carries one, because the
 * record must show who made each decision about a child and with what authority.
 *
 * @param userId the member of staff's sign-in name (staff data, never the child's)
 * @param agency the agency they work for, such as the council or police officers seconded to the MASH
 */
public record Actor(String userId, StaffRole role, String agency) {

    public Actor {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(agency, "agency");
    }

    @JsonIgnore
    public boolean isManager() {
        return role == StaffRole.MANAGER;
    }
}
