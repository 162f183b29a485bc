package uk.frontdoor.triage.api.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/** The configured code of a partner agency, e.g. {@code demo-police}: the identity a submission arrived under. */
public record AgencyCode(String value) {

    public AgencyCode {
        Objects.requireNonNull(value, "agency code");
    }

    @JsonCreator
    public static AgencyCode of(String value) {
        return new AgencyCode(value);
    }

    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
