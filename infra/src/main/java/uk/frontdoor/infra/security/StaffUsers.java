package uk.frontdoor.infra.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import uk.frontdoor.triage.api.staff.StaffRole;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Staff who may sign in with a password (the embedded default's demo users). Production has none:
 * staff there authenticate with the council's identity provider. HTTP Basic is switched on only
 * when there is at least one.
 *
 * @param users each with a {@code {bcrypt}} password hash, one role and the agency they work for
 */
@ConfigurationProperties("frontdoor.staff")
public record StaffUsers(@DefaultValue List<User> users) {

    public StaffUsers {
        var names = new HashSet<String>();
        for (User user : users) {
            if (!names.add(user.username())) {
                throw new IllegalArgumentException("frontdoor.staff.users: username " + user.username()
                        + " is configured twice");
            }
        }
        users = List.copyOf(users);
    }

    public boolean any() {
        return !users.isEmpty();
    }

    /**
     * @param teams the teams they belong to, for reading records restricted to a team (none if not given)
     * @param referringAgency for partner staff, the referring organisation they belong to (a partner agency's code):
     *                        they see its own referral figures, not their whole kind of agency's; null for none
     */
    public record User(String username, String passwordHash, StaffRole role, String agency, List<String> teams,
                       String referringAgency) {

        @org.springframework.boot.context.properties.bind.ConstructorBinding
        public User {
            Objects.requireNonNull(username, "frontdoor.staff.users[].username");
            Objects.requireNonNull(passwordHash, "frontdoor.staff.users[].password-hash");
            Objects.requireNonNull(role, "frontdoor.staff.users[].role");
            Objects.requireNonNull(agency, "frontdoor.staff.users[].agency");
            teams = teams == null ? List.of() : List.copyOf(teams);
            referringAgency = referringAgency == null || referringAgency.isBlank() ? null : referringAgency.strip();
        }

        public User(String username, String passwordHash, StaffRole role, String agency, List<String> teams) {
            this(username, passwordHash, role, agency, teams, null);
        }

        /** Never the password hash. */
        @Override
        public String toString() {
            return username + " (" + role + ", " + agency + ")";
        }
    }
}
