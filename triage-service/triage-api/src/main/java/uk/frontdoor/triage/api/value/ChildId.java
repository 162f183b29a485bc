package uk.frontdoor.triage.api.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies one child's event stream. Opaque: never derived from personal data. */
public record ChildId(String value) {

    public ChildId {
        Objects.requireNonNull(value, "child id");
    }

    @JsonCreator
    public static ChildId of(String value) {
        return new ChildId(value);
    }

    public static ChildId random() {
        return new ChildId(UUID.randomUUID().toString());
    }

    @JsonValue
    public String value() {
        return value;
    }

    /** Axon uses toString() as the aggregate identifier. */
    @Override
    public String toString() {
        return value;
    }
}
