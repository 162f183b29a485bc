package uk.frontdoor.triage.api.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies one contact. Safe to show partners and put in URLs: it carries no personal data. */
public record ContactId(String value) {

    public ContactId {
        Objects.requireNonNull(value, "contact id");
    }

    @JsonCreator
    public static ContactId of(String value) {
        return new ContactId(value);
    }

    public static ContactId random() {
        return new ContactId(UUID.randomUUID().toString());
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
