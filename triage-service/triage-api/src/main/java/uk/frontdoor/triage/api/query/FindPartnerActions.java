package uk.frontdoor.triage.api.query;

import java.util.Objects;

/**
 * The strategy discussion actions given to an agency (a partner-check agency, e.g. {@code POLICE}): the open ones,
 * soonest due first, or with {@code done} the ones recorded done, most recently done first. Answered with
 * {@link PartnerActions}.
 */
public record FindPartnerActions(String agency, boolean done) {

    public FindPartnerActions {
        Objects.requireNonNull(agency, "agency");
    }
}
