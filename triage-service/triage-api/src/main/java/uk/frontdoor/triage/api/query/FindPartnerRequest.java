package uk.frontdoor.triage.api.query;

import java.util.Objects;

/**
 * One partner check sent to an agency, open or not. Answered with an optional {@link PartnerRequests.Request}:
 * empty for a check the read model does not know, or one sent to another agency.
 */
public record FindPartnerRequest(String requestId, String agency) {

    public FindPartnerRequest {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(agency, "agency");
    }
}
