package uk.frontdoor.triage.api.query;

import java.util.Objects;

/**
 * The partner checks sent to one agency and not yet answered (nor fallen away with a decision), most urgent
 * (earliest due) first. Answered with {@link PartnerRequests}.
 *
 * @param agency the partner-check agency, e.g. {@code POLICE}
 */
public record FindPartnerRequests(String agency) {

    public FindPartnerRequests {
        Objects.requireNonNull(agency, "agency");
    }
}
