package uk.frontdoor.intake.partner;

import uk.frontdoor.triage.api.value.AgencyCode;

/** An authenticated partner agency's system. */
public record PartnerPrincipal(AgencyCode agency, String name) {

    public static final String ROLE = "PARTNER";

    @Override
    public String toString() {
        return agency.value();
    }
}
