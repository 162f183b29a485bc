package uk.frontdoor.infra.security;

import java.util.List;
import java.util.Objects;

/**
 * The ways of signing in the sign-in page offers: a user name and password where password users are
 * configured (the embedded default's demo users), the council's identity provider where an OIDC
 * client is registered (production), or both. Provided where security is configured.
 *
 * @param passwords         whether to show the user name and password form
 * @param identityProviders each provider staff may sign in with, in the order they are shown
 */
public record SignInOptions(boolean passwords, List<IdentityProvider> identityProviders) {

    public SignInOptions {
        identityProviders = List.copyOf(identityProviders);
    }

    /**
     * @param id   the registration id, for the button's id ({@code sign-in-with-<id>})
     * @param name what staff call it, for "Sign in with {name}", e.g. "your council account"
     * @param path the address on this service that starts signing in with it (it sends the browser on)
     */
    public record IdentityProvider(String id, String name, String path) {

        public IdentityProvider {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(path, "path");
        }
    }
}
