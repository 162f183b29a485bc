package uk.frontdoor.triage.api.query;

import java.util.Objects;

/** One strategy discussion action given to an agency; empty for one given to another agency, or none. */
public record FindPartnerAction(String discussionId, int action, String agency) {

    public FindPartnerAction {
        Objects.requireNonNull(discussionId, "discussionId");
        Objects.requireNonNull(agency, "agency");
    }
}
