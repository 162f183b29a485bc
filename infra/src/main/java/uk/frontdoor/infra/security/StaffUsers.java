package uk.frontdoor.infra.security;

import uk.frontdoor.triage.api.StaffRole;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * Staff who may sign in with a password (the embedded default's demo users). Production has none:
 * staff there authenticate with the council's identity provider.
 *
 * @param users each with a {@code {bcrypt}} password hash and one role
 */
@ConfigurationProperties("frontdoor.staff")
public record StaffUsers(@DefaultValue List<User> users) {

    public record User(String username, String passwordHash, StaffRole role, String agency) {
    }
}
