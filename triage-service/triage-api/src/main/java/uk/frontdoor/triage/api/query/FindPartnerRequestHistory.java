package uk.frontdoor.triage.api.query;

import java.util.Objects;

/**
 * The partner checks an agency (e.g. {@code POLICE}) was sent that are no longer open: answered, or fallen away
 * because the contact was decided first; most recently asked first. Answered with {@link PartnerRequestHistory}.
 */
public record FindPartnerRequestHistory(String agency) {

    public FindPartnerRequestHistory {
        Objects.requireNonNull(agency, "agency");
    }
}
