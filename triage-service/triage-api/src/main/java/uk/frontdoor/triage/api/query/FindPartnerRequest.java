package uk.frontdoor.triage.api.query;

import java.util.Objects;

/**
 * One partner check sent to an agency, open or not. Answered with an optional {@link PartnerRequests.Request}:
 * empty for a check the read model does not know, or one sent to another agency.
 *
 * @param agency the agency asking; null for whichever agency the check went to (the service's own question,
 *               whether the read model knows the check yet: never a partner's view)
 */
public record FindPartnerRequest(String requestId, String agency) {

    public FindPartnerRequest {
        Objects.requireNonNull(requestId, "requestId");
    }

    public static FindPartnerRequest toAnyAgency(String requestId) {
        return new FindPartnerRequest(requestId, null);
    }
}
